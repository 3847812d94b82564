/**
 * Warnings: things an editor should look at that do not make the content wrong,
 * so they never fail `npm run validate` or the build. Each one says what it saw
 * and what to do about it.
 *
 * - a figure dated more than STALE_AFTER_YEARS years before today, unless a
 *   newer figure of the same kind already sits beside it;
 * - a money amount or percentage in MDX text with no <Cite> in its paragraph
 *   (frontmatter figures cannot lack one: the schema requires `source`);
 * - a description that passes the hard 50–160 limits but falls outside
 *   {@link DESCRIPTION_COMFORT}, where search results start to look thin or get cut;
 * - a glossary term (or alias) used in an article that never links it with <Term>;
 * - text still holding the scaffolding template's {@link PLACEHOLDER} marker.
 *
 * The figure warnings live in figure-warnings.ts and the glossary one in
 * glossary-terms.ts; this module decides which run for an entry.
 */
import type { CollectionName } from '../schemas/common.ts';
import { staleFigures, uncitedFigures } from './figure-warnings.ts';
import { unlinkedTerms, type GlossaryWords } from './glossary-terms.ts';
import { walk, type MdxNode } from './mdx-tree.ts';
import { positionIn } from './prose-runs.ts';
import { formatPath } from './yaml-locate.ts';
import { walkData } from './data-walk.ts';

export type { GlossaryWords } from './glossary-terms.ts';

/** Descriptions are errors below 50 or above 160 characters; inside that, warn outside this band. */
export const DESCRIPTION_COMFORT = { min: 70, max: 150 } as const;
/** What `npm run new` writes wherever the editor still has to fill something in. */
export const PLACEHOLDER = 'TODO';

export interface Warning {
  line: number;
  column: number;
  field: string;
  message: string;
  /** Which check it is, by the name a validate-ignore comment uses (src/lib/warning-silences.ts); the comments' own problems are `validate-ignore`. */
  rule: WarningRule | 'validate-ignore';
}

/** Every warning's name, as editors write it in {/* validate-ignore <rule>: reason *\/} and see it in the output. */
export const WARNING_RULES = [
  'stale-figure',
  'uncited-figure',
  'description-length',
  'todo',
  'glossary-link',
  'no-citations',
  'cite-not-in-sources',
  'source-not-cited',
  'definition-list',
  'callout-syntax',
  'indented-code',
  'emoji-shortcode',
  'code-language',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** An entry that passed its schema, with what the warnings need to read and locate. */
export interface CheckedEntry {
  collection: CollectionName;
  /** The parsed data: schema output when valid, else the file as read, so warnings come with the errors. */
  data: unknown;
  /** Line and column of a frontmatter path, or of the nearest parent that exists. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  /** The parsed MDX body, for entries that have one and whose body parsed. */
  tree?: MdxNode | undefined;
}

function descriptionPath(collection: CollectionName, data: Record<string, unknown>): string[] | undefined {
  if (collection === 'frameworks')
    return (data.handbook as Record<string, unknown> | undefined)?.description ? ['handbook', 'description'] : undefined;
  return typeof data.description === 'string' ? ['description'] : undefined;
}

/** Paths of every string holding the placeholder, depth first. */
function placeholders(data: unknown): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  walkData(data, { string: (value, path) => void (value.includes(PLACEHOLDER) && out.push([...path])) });
  return out;
}

export function contentWarnings(entry: CheckedEntry, glossary: readonly GlossaryWords[], today: Date): Warning[] {
  const out: Warning[] = [];
  const data = (entry.data ?? {}) as Record<string, unknown>;

  out.push(...staleFigures(data, entry.locate, today));

  const descPath = descriptionPath(entry.collection, data);
  const text = descPath?.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], data);
  if (descPath && typeof text === 'string') {
    const length = text.trim().length;
    const { min, max } = DESCRIPTION_COMFORT;
    const field = descPath.join('.');
    // Lengths outside the hard limits are already errors; say one thing about them.
    const hardMin = entry.collection === 'frameworks' ? 1 : 50;
    if (length < min && length >= hardMin) {
      out.push({
        ...entry.locate(descPath),
        field,
        rule: 'description-length',
        message: `${field} is ${length} characters; aim for ${min}–${max} so search results show a useful summary`,
      });
    } else if (length > max && length <= 160) {
      out.push({
        ...entry.locate(descPath),
        field,
        rule: 'description-length',
        message: `${field} is ${length} characters; aim for ${min}–${max}, as search engines may cut it off`,
      });
    }
  }

  for (const path of placeholders(data)) {
    out.push({
      ...entry.locate(path),
      field: formatPath(path),
      rule: 'todo',
      message: `still holds ${PLACEHOLDER} text from the template; replace it with real content`,
    });
  }

  if (entry.tree) {
    let placeholder: Warning | undefined;
    walk(entry.tree, (n) => {
      if (placeholder || n.type === 'code' || n.type === 'inlineCode') return false;
      const at = n.type === 'text' && n.position ? (n.value ?? '').indexOf(PLACEHOLDER) : -1;
      if (at !== -1) {
        const run = { text: n.value!, line: n.position!.start.line, column: n.position!.start.column };
        placeholder = {
          ...positionIn(run, at),
          field: 'body',
          rule: 'todo',
          message: `still holds ${PLACEHOLDER} text from the template; replace it with real content`,
        };
      }
      return undefined;
    });
    if (placeholder) out.push(placeholder);
    out.push(...uncitedFigures(entry.tree), ...unlinkedTerms(entry.tree, glossary));
  }
  return out;
}
