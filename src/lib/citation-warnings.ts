/**
 * Whether a guide's `sources` list and its <Cite> tags tell the same story.
 * A guide's frontmatter lists the sources it rests on and its text cites
 * them; the two drift apart when text is edited, and a reader then sees a
 * note the text never points to, or a citation the page never listed:
 *
 * - a guide whose text cites nothing;
 * - a <Cite> (or <Position>) naming a source that `sources` does not list;
 * - a source in `sources` that nothing in the text cites.
 *
 * Unknown source ids are already errors (the component schemas check them),
 * so they get no second word here.
 */
import type { CheckedEntry, Warning } from './content-warnings.ts';
import { attribute, isJsx, walk } from './mdx-tree.ts';
import { formatPath } from './yaml-locate.ts';

/** Components whose `source` cites a source in the text. */
const CITING = new Set(['Cite', 'Position']);

export function citationWarnings(entry: CheckedEntry, sourceIds: ReadonlySet<string>): Warning[] {
  if (entry.collection !== 'guides' || !entry.tree) return [];
  const data = (entry.data ?? {}) as { sources?: unknown };
  if (!Array.isArray(data.sources)) return [];
  const listed = data.sources.filter((s): s is string => typeof s === 'string');
  const out: Warning[] = [];

  const cited = new Set<string>();
  walk(entry.tree, (node) => {
    if (!isJsx(node) || !CITING.has(node.name ?? '')) return undefined;
    const source = attribute(node, 'source');
    if (!source || !sourceIds.has(source)) return undefined;
    if (!cited.has(source) && !listed.includes(source)) {
      out.push({
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        field: 'body',
        rule: 'cite-not-in-sources',
        message: `<${node.name} source="${source}"> cites a source this guide's sources list leaves out; add ${source} to sources`,
      });
    }
    cited.add(source);
    return undefined;
  });

  if (cited.size === 0) {
    out.push({
      ...entry.locate(['sources']),
      field: 'sources',
      rule: 'no-citations',
      message: 'this guide cites nothing in its text; put <Cite source="…" /> after each sentence that states a fact from a source',
    });
    return out;
  }
  listed.forEach((source, i) => {
    if (cited.has(source) || !sourceIds.has(source)) return;
    out.push({
      ...entry.locate(['sources', i]),
      field: formatPath(['sources', i]),
      rule: 'source-not-cited',
      message: `${source} is listed in sources but the text never cites it; cite it with <Cite source="${source}" /> where the guide uses it, or remove it from sources`,
    });
  });
  return out;
}
