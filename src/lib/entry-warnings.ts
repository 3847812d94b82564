/**
 * Every warning about one entry, after the entry's validate-ignore comments
 * have silenced theirs: the general checks (content-warnings.ts), a guide's
 * citations (citation-warnings.ts) and Markdown that shows differently here
 * than where it was written (markdown-pitfalls.ts).
 */
import { citationWarnings } from './citation-warnings.ts';
import { contentWarnings, type CheckedEntry, type GlossaryWords, type Warning } from './content-warnings.ts';
import { markdownPitfalls } from './markdown-pitfalls.ts';
import { applySilences, type YamlSource } from './warning-silences.ts';

export function entryWarnings(
  entry: CheckedEntry,
  glossary: readonly GlossaryWords[],
  sourceIds: ReadonlySet<string>,
  today: Date,
  /** The entry's YAML (frontmatter or file), whose comments may silence warnings too; not for JSON files. */
  yaml?: YamlSource,
  /** The body as written, so that a body with no validate-ignore comment is not walked for one. */
  body?: string,
): Warning[] {
  const warnings = [
    ...contentWarnings(entry, glossary, today),
    ...citationWarnings(entry, sourceIds),
    ...(entry.tree ? markdownPitfalls(entry.tree) : []),
  ];
  return applySilences(warnings, entry.tree, yaml, body);
}
