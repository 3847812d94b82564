/**
 * One validation per build. validate-on-build checks the content when the
 * build starts; search-index needs the same result when it ends, and at 10,000
 * files validating twice cost 4 s. The result is handed over once, so a second
 * build in the same process (tests do this) always validates afresh. The
 * bodies' parsed trees are kept for the pages too (citation numbering,
 * llms-full.txt), so no MDX body is parsed twice in a build.
 */
import { validateContent, type ValidationResult } from '../lib/content-validator.ts';
import { forgetTrees } from '../lib/mdx-tree.ts';

let kept: { root: string; result: ValidationResult } | undefined;

/** Validates the content under `root` and keeps the result for `takeValidatedContent`. */
export function validateForBuild(root: string): ValidationResult {
  forgetTrees();
  const result = validateContent({ root, keepTrees: true });
  kept = { root, result };
  return result;
}

/** The result `validateForBuild` kept for `root` (then forgotten), or a fresh validation. */
export function takeValidatedContent(root: string): ValidationResult {
  const result = kept?.root === root ? kept.result : validateContent({ root });
  kept = undefined;
  return result;
}
