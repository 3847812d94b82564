/**
 * One validation per build. validate-on-build checks the content when the
 * build starts; search-index needs the same result when it ends, and at 10,000
 * files validating twice cost 4 s. The result is handed over once, so a second
 * build in the same process (tests do this) always validates afresh.
 */
import { validateContent, type ValidationResult } from '../lib/content-validator.ts';

let kept: { root: string; result: ValidationResult } | undefined;

/** Validates the content under `root` and keeps the result for `takeValidatedContent`. */
export function validateForBuild(root: string): ValidationResult {
  const result = validateContent({ root });
  kept = { root, result };
  return result;
}

/** The result `validateForBuild` kept for `root` (then forgotten), or a fresh validation. */
export function takeValidatedContent(root: string): ValidationResult {
  const result = kept?.root === root ? kept.result : validateContent({ root });
  kept = undefined;
  return result;
}
