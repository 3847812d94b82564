/**
 * Which sources an entry cites, read from its data and body alone. It needs no
 * collection, so the validator (which runs outside Astro) decides from the same
 * code whether a page will have a "Sources for this page" section to link to.
 */
import { bodyFacts, treeOf } from '../mdx-tree.ts';

/**
 * Source ids an entry cites, in order of first appearance: frontmatter fields
 * named `source`, `sources` or `onetSource` (at any depth), then, in the body,
 * `<Cite>` tags and the `<Position>`s of `<SourcesDisagree>`. The order numbers the
 * notes at the foot of the page.
 */
export function citedSourceIds(data: unknown, body?: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'source' || key === 'sources' || key === 'onetSource') found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(data);
  if (body) found.push(...bodyFacts(treeOf(body)).cites);
  return [...new Set(found)];
}
