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
import { attribute, bodyFacts, isJsx, walk, type MdxNode } from './mdx-tree.ts';

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

/** Every heading of a body, in document order, with the id the build gives it. */
export function bodyHeadings(tree: MdxNode): BodyHeading[] {
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const notes = { referenced: false, defined: false };
  walk(tree, (node, parent) => {
    if (node.type === 'footnoteReference') notes.referenced = true;
    if (node.type === 'footnoteDefinition') {
      notes.defined = true;
      return false;
    }
    if (node.type !== 'heading') return undefined;
    const text = headingText(node);
    headings.push({ depth: node.depth ?? 1, text, id: slugger.slug(text), topLevel: parent?.type === 'root' && !isJsx(parent) });
    return false;
  });
  // GFM draws referenced footnotes under its own heading, which comes with its id and is not slugged.
  if (notes.referenced && notes.defined) headings.push({ depth: 2, text: 'Footnotes', id: 'footnote-label', topLevel: false });
  return headings;
}

/** What a body adds to its page's ids: its headings, its <SourcesDisagree> topics, and whether it cites a source. */
export interface BodyAnchors {
  headings: BodyHeading[];
  topics: string[];
  cites: boolean;
}

export function bodyAnchors(tree: MdxNode): BodyAnchors {
  const topics: string[] = [];
  walk(tree, (node) => {
    const topic = isJsx(node) && node.name === 'SourcesDisagree' ? attribute(node, 'topic') : undefined;
    if (topic !== undefined) topics.push(topic);
  });
  return { headings: bodyHeadings(tree), topics, cites: bodyFacts(tree).cites.length > 0 };
}
