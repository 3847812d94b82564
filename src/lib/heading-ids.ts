/**
 * The ids the build gives an MDX body's headings, worked out from the parsed
 * tree so the validator can check `#fragment` links without rendering. Astro
 * 7's MDX pipeline (@astrojs/markdown-satteri, createHeadingIdsPlugin) slugs
 * each heading's text content with github-slugger, one slugger per file in
 * document order, so a repeated heading gets `-1`, `-2`… The same library and
 * order are used here; tests/unit/heading-ids.test.ts compiles bodies with
 * Astro's own plugin and checks that the two agree.
 */
import GithubSlugger from 'github-slugger';
import { attribute, isJsx, type MdxNode } from './mdx-tree.ts';

export interface BodyHeading {
  depth: number;
  /** The heading's text as the slugger reads it (code spans included, markup left out). */
  text: string;
  id: string;
  /** A `##` written at the top level of the body (not inside a component): role pages place and re-level these. */
  topLevel: boolean;
}

/**
 * The text content of a heading as the HTML tree holds it when ids are given: text and code, through emphasis,
 * links and components. Sätteri's text content includes an expression's source, so a {/* comment *\/} counts
 * (expressions are otherwise refused). The site's citation plugin (markdown-plugins.ts) has already dropped the
 * space before a <Cite> marker by then, so it is dropped here too.
 */
function headingText(node: MdxNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return node.value ?? '';
  let text = '';
  for (const child of node.children ?? []) {
    if (isJsx(child) && child.name === 'Cite') text = text.trimEnd();
    text += headingText(child);
  }
  return text;
}

/** What a body adds to its page's ids: its headings, its <SourcesDisagree> topics, and whether it cites a source. */
export interface BodyAnchors {
  headings: BodyHeading[];
  topics: string[];
  cites: boolean;
}

/**
 * Everything a body adds to its page's ids, in one walk over the tree: the validator does this for every file, so
 * one pass rather than three (about 70 µs a body when it was three).
 */
export function bodyAnchors(tree: MdxNode): BodyAnchors {
  const slugger = new GithubSlugger();
  const out: BodyAnchors = { headings: [], topics: [], cites: false };
  const notes = { referenced: false, defined: false };
  const visit = (node: MdxNode, parent: MdxNode | undefined, inNote: boolean) => {
    if (node.type === 'footnoteReference') notes.referenced = true;
    if (node.type === 'footnoteDefinition') notes.defined = true;
    // A heading inside a footnote is drawn at the foot of the page, out of order; the site's notes hold none.
    if (node.type === 'heading' && !inNote) {
      const text = headingText(node);
      out.headings.push({ depth: node.depth ?? 1, text, id: slugger.slug(text), topLevel: parent?.type === 'root' });
    } else if (isJsx(node)) {
      if ((node.name === 'Cite' || node.name === 'Position') && attribute(node, 'source')) out.cites = true;
      const topic = node.name === 'SourcesDisagree' ? attribute(node, 'topic') : undefined;
      if (topic !== undefined) out.topics.push(topic);
    }
    for (const child of node.children ?? []) visit(child, node, inNote || node.type === 'footnoteDefinition');
  };
  visit(tree, undefined, false);
  // GFM draws referenced footnotes under its own heading, which comes with its id and is not slugged.
  if (notes.referenced && notes.defined) out.headings.push({ depth: 2, text: 'Footnotes', id: 'footnote-label', topLevel: false });
  return out;
}

/** Every heading of a body, in document order, with the id the build gives it. */
export const bodyHeadings = (tree: MdxNode): BodyHeading[] => bodyAnchors(tree).headings;
