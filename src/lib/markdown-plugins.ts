/**
 * HTML-tree (hast) plugins for Sätteri, the Markdown processor Astro 7 runs on
 * every MDX entry (set in astro.config.mjs). They fix how editors' prose
 * renders without asking editors to write anything differently:
 *
 * - A citation marker attaches to the word or punctuation before it. Editors
 *   write `sentence. <Cite source="…" />` with a space, as they would in prose;
 *   the space is dropped so the marker never starts a line of its own and the
 *   text reads "sentence.[1]", like the markers the templates draw.
 * - A Markdown table scrolls inside its own focusable region on a phone, the
 *   same region DataTable gives the templates' tables, named after the heading
 *   it sits under so a screen reader can tell the regions apart.
 * - Footnotes keep the "Footnotes" heading above them visible, so the list says what it is.
 * - Markdown footnotes (`[^id]`) read apart from citations: lettered markers,
 *   "[a]" (read aloud "[note a]"), attached like citation markers, in a lettered
 *   list; "On this page" leaves their heading out (ArticleLayout).
 *
 * All work on the tree, never on the text, so code spans and blocks are untouched.
 */
import { defineHastPlugin } from 'satteri';
import { placeOf, placeTag } from './role-anatomy.ts';

type Node = {
  type: string;
  value?: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  children?: Node[];
};

/** Components whose output is a citation marker. */
const MARKERS = new Set(['Cite']);

type Ctx = Parameters<NonNullable<Parameters<typeof defineHastPlugin>[0]['after']>>[1];

/** Drops the space before a marker, so it attaches to the word or punctuation before it. */
function attach(node: Readonly<Node>, ctx: Ctx) {
  const parent = ctx.parent(node as never) as unknown as { children: Node[] } | undefined;
  const index = ctx.indexOf(node as never);
  if (!parent || index === undefined || index === 0) return;
  const previous = parent.children[index - 1] as Readonly<Node> | undefined;
  if (previous?.type !== 'text' || !previous.value || !/\s$/.test(previous.value)) return;
  const trimmed = previous.value.replace(/\s+$/, '');
  if (trimmed !== '') {
    ctx.replaceNode(previous as never, { type: 'text', value: trimmed } as never);
    return;
  }
  // Only space between an element (a <Term>, another marker) and this marker: drop it. At the start of a
  // paragraph there is nothing to attach to, and the space stays.
  if (index >= 2) ctx.removeNode(previous as never);
}

export const attachCitations = defineHastPlugin({
  name: 'handbook-attach-citations',
  mdxJsxTextElement: {
    filter: [...MARKERS],
    visit(node, ctx) {
      attach(node as unknown as Node, ctx as unknown as Ctx);
    },
  },
});

/** A footnote's number as a letter: 1 → a, 26 → z, 27 → aa. */
export function footnoteLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return letters;
}

const elementChild = (node: Readonly<Node>, tagName: string) =>
  (node.children ?? []).find((child) => child.type === 'element' && child.tagName === tagName);

/**
 * The Markdown processor draws a footnote marker as a bare superscript number and the notes under a hidden
 * "Footnotes" heading; next to citation markers ("[1]", pointing at the page's sources) that reads as a second
 * kind of source. Here the marker becomes "[a]" and the notes a lettered list (global.css).
 */
export const footnotes = defineHastPlugin({
  name: 'handbook-footnotes',
  element: {
    filter: ['sup', 'a'],
    visit(node, ctx) {
      const el = node as unknown as Node;
      if (el.tagName === 'sup') {
        const link = elementChild(el, 'a');
        if (!link?.properties?.['dataFootnoteRef']) return;
        const letter = footnoteLetter(Number(ctx.textContent(link as never).trim()));
        attach(el, ctx as unknown as Ctx);
        ctx.setProperty(node, 'className', ['fn-ref']);
        ctx.replaceNode(
          link as never,
          {
            type: 'element',
            tagName: 'a',
            properties: { ...link.properties },
            children: [
              { type: 'text', value: '[' },
              { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: 'note ' }] },
              { type: 'text', value: `${letter}]` },
            ],
          } as never,
        );
      } else if (el.tagName === 'a' && el.properties?.['dataFootnoteBackref'] !== undefined) {
        const n = /\d+/.exec(String(el.properties['ariaLabel'] ?? ''));
        if (n) ctx.setProperty(node, 'ariaLabel', `Back to note ${footnoteLetter(Number(n[0]))}`);
      }
    },
  },
});

const text = (node: Readonly<Node>): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map((child) => text(child)).join('');

export const scrollingTables = defineHastPlugin({
  name: 'handbook-scrolling-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      const parent = ctx.parent(node) as unknown as { children: Node[] } | undefined;
      const index = ctx.indexOf(node) ?? 0;
      const heading = parent?.children
        .slice(0, index)
        .reverse()
        .find((n) => n.type === 'element' && /^h[2-4]$/.test(n.tagName ?? ''));
      const label = heading ? `Table: ${text(heading).trim()}` : 'Table';
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'section',
        properties: { className: ['table-scroll', 'breakout'], tabIndex: 0, ariaLabel: label },
        children: [],
      } as never);
    },
  },
});

/**
 * On role pages, each top-level part of the body is wrapped in a tag naming the section of the page it
 * belongs to (src/lib/role-anatomy.ts): the text before the first `##` heading, and each `##` section by the
 * words of its heading. The role page renders the body once per section and shows only that section's parts,
 * so an editor's "Getting in" lands under "How to become one" and "Pay, with dates" under "Pay".
 */
export const roleBodySections = defineHastPlugin({
  name: 'handbook-role-body-sections',
  after(root, ctx) {
    if (!ctx.fileURL?.pathname.includes('/content/roles/')) return;
    let place = placeOf(undefined);
    for (const node of [...(root.children as unknown as Node[])]) {
      if (node.type === 'text' && !(node.value ?? '').trim()) continue;
      if (node.type === 'element' && node.tagName === 'h2') place = placeOf(ctx.textContent(node as never));
      ctx.wrapNode(node as never, { type: 'element', tagName: placeTag(place), properties: {}, children: [] } as never);
    }
  },
});

/**
 * GFM footnotes come under a "Footnotes" heading that Sätteri hides from sight (class sr-only), so a sighted
 * reader sees a numbered list after the last section with nothing saying what it is, just above the page's
 * sources. The heading is shown like the page's other closing headings.
 */
export const visibleFootnoteLabel = defineHastPlugin({
  name: 'handbook-visible-footnote-label',
  element: {
    filter: ['h2'],
    visit(node, ctx) {
      const properties = (node as unknown as { properties?: Record<string, unknown> }).properties;
      if (properties?.id === 'footnote-label') ctx.setProperty(node, 'className', undefined);
    },
  },
});

export const handbookHastPlugins = [attachCitations, footnotes, scrollingTables, roleBodySections, visibleFootnoteLabel];
