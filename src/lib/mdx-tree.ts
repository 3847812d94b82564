/**
 * The one reading of an MDX body: Sätteri's MDX parser, the same parser
 * @astrojs/mdx compiles pages with, so the validator, citation numbering,
 * warnings and llms-full.txt see exactly the tree the build renders. Nothing
 * else in the project reads MDX bodies.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  /** A string for name="value", null for a bare name, an object for name={…}. */
  value?: string | null | { type: string; value: string };
}

/** The mdast node shapes the project reads (mdast plus mdast-util-mdx's nodes). */
export interface MdxNode {
  type: string;
  children?: MdxNode[];
  value?: string;
  url?: string;
  name?: string | null;
  depth?: number;
  identifier?: string;
  attributes?: MdxAttribute[];
  position?: { start: Point; end: Point };
}

/** The parser features @astrojs/mdx uses for .mdx files (GFM tables and footnotes; typographic quotes). */
export const MDX_FEATURES = { gfm: true, smartPunctuation: true, frontmatter: false } as const;

export type BodyParse = { ok: true; tree: MdxNode } | { ok: false; line: number; column: number; message: string };

/**
 * Parses a body (the text after the frontmatter). `startLine` is the file line
 * the body starts on, so every position in the tree is a position in the file.
 */
export function parseBody(body: string, startLine = 1): BodyParse {
  let tree: MdxNode;
  try {
    tree = mdxToMdast(body, { features: MDX_FEATURES }) as unknown as MdxNode;
  } catch (error) {
    // The parser's messages start with "line:column: ".
    const message = (error as Error).message;
    const at = /^(\d+):(\d+):\s*/.exec(message);
    return {
      ok: false,
      line: (at ? Number(at[1]) : 1) + startLine - 1,
      column: at ? Number(at[2]) : 1,
      message: at ? message.slice(at[0].length) : message,
    };
  }
  if (startLine > 1) shiftLines(tree, startLine - 1);
  return { ok: true, tree };
}

function shiftLines(node: MdxNode, by: number) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.line += by;
      n.position.end.line += by;
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** Visits every node depth-first in document order; returning false skips a node's children. */
export function walk(node: MdxNode, visit: (node: MdxNode, parent: MdxNode | undefined) => boolean | void, parent?: MdxNode) {
  if (visit(node, parent) === false || !node.children) return;
  for (const child of node.children) walk(child, visit, node);
}

export const isJsx = (n: MdxNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
export const isExpression = (n: MdxNode) => n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression';

/** An expression that holds only comments: the one kind of {…} content may use ({/* note *\/}). */
export const isCommentOnly = (source: string) => /^(?:\s|\/\*[\s\S]*?\*\/)*$/.test(source);

/** The literal string value of a component's attribute, if it has one. */
export function attribute(node: MdxNode, name: string): string | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** The text a reader sees in a node (code included), joined without markup. */
export function textOf(node: MdxNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (isExpression(node) || node.type === 'mdxjsEsm') return '';
  return node.children ? node.children.map(textOf).join('') : '';
}

/** What the pages need from a body, computed from the tree once. */
export interface BodyFacts {
  /** Source ids cited by <Cite> and <Position>, in order of first appearance. */
  cites: string[];
  /** Entries whose own citations the page shows: <HoursChart program> and <ComparisonTable comparison>. */
  embeds: { component: 'HoursChart' | 'ComparisonTable'; id: string }[];
}

export function bodyFacts(tree: MdxNode): BodyFacts {
  const cites: string[] = [];
  const embeds: BodyFacts['embeds'] = [];
  walk(tree, (node) => {
    if (!isJsx(node)) return;
    if (node.name === 'Cite' || node.name === 'Position') {
      const source = attribute(node, 'source');
      if (source) cites.push(source);
    } else if (node.name === 'HoursChart' || node.name === 'ComparisonTable') {
      const id = attribute(node, node.name === 'HoursChart' ? 'program' : 'comparison');
      if (id) embeds.push({ component: node.name, id });
    }
  });
  return { cites: [...new Set(cites)], embeds };
}

/**
 * Trees parsed during this process, by body text: the validator parses every
 * body at the start of a build, and the pages (citation numbering, llms-full.txt)
 * read the same trees instead of parsing again. Kept on globalThis because
 * Astro bundles pages separately from the integrations that ran the validator.
 * Keyed by the trimmed text: the validator's body is every line after the
 * frontmatter, Astro's `entry.body` the same text trimmed, and with untrimmed
 * keys every page missed, parsed its body a second time and kept both trees.
 */
const SHARED = Symbol.for('handbook.mdx-trees');
type Shared = Map<string, MdxNode>;
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new Map()) as Shared;
/** The same reading's bodies, by file (relative to the project root, as Astro's `entry.filePath`). */
const BODIES = Symbol.for('handbook.mdx-bodies');
const bodies = ((globalThis as Record<symbol, unknown>)[BODIES] ??= new Map()) as Map<string, string>;

export function rememberTree(body: string, tree: MdxNode, file?: string) {
  const key = body.trim();
  shared.set(key, tree);
  if (file) bodies.set(file, key);
}

export function forgetTrees() {
  shared.clear();
  bodies.clear();
}

/**
 * An MDX file's body as Astro would store it (the text after the frontmatter, trimmed). The collections keep no
 * bodies (retainBody: false in src/content.config.ts), so a build takes the one the validator read; `astro dev`,
 * which runs no validator, reads the file.
 */
export function bodyOfFile(file: string, root = process.cwd()): string {
  const known = bodies.get(file);
  if (known !== undefined) return known;
  return parseFrontmatter(readFileSync(join(root, file), 'utf8'), { frontmatter: 'empty-with-spaces' }).content.trim();
}

/** The tree of a body that already passed validation (parsed now if this process has not seen it). */
export function treeOf(body: string): MdxNode {
  const key = body.trim();
  const known = shared.get(key);
  if (known) return known;
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(`MDX body does not parse (${parsed.line}:${parsed.column}): ${parsed.message}`);
  shared.set(key, parsed.tree);
  return parsed.tree;
}
