/**
 * Markdown from elsewhere that MDX accepts but shows differently from the
 * site it was written for. Nothing here is unsafe or breaks the build, so
 * these are warnings, each saying what the reader will see and what to write
 * instead:
 *
 * - MDN's definition lists (`- : definition`) and Markdown Extra's
 *   (`Term` then `: definition`) show a literal ": ";
 * - GitHub's alert boxes (`> [!NOTE]`) show as a quote starting "[!NOTE]";
 * - an indented code block is plain text in MDX (MDX has no indented code);
 * - emoji shortcodes (`:smile:`) show as typed;
 * - a code block whose language the highlighter does not know (a typo such
 *   as ```javscript) is shown without colour, and only the build log says so.
 *
 * Everything is decided on the parsed tree: the node's kind, where it starts
 * and the text the reader would see.
 */
import { bundledLanguages } from 'shiki/langs';
import { didYouMean } from '../schemas/did-you-mean.ts';
import type { Warning } from './content-warnings.ts';
import { walk, type MdxNode } from './mdx-tree.ts';

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;
/** A colon-wrapped name such as :smile: or :+1:, standing alone between spaces or punctuation. */
const SHORTCODE = /(?<![\p{L}\p{N}:]):([a-z][a-z0-9_+-]*|\+1|-1):(?![\p{L}\p{N}:])/gu;

/** Languages Shiki highlights (names and aliases), plus the names it shows as plain text. */
const LANGUAGES = new Set([...Object.keys(bundledLanguages), 'text', 'plaintext', 'txt', 'plain', 'ansi']);
const COMMON_LANGUAGES = ['sh', 'json', 'yaml', 'js', 'ts', 'python', 'html', 'css', 'text'];

const at = (node: MdxNode) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/** Line and column of an offset inside a text node, which may span lines. */
function inText(node: MdxNode, offset: number) {
  const value = node.value ?? '';
  const before = value.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  const start = at(node);
  if (newline === -1) return { line: start.line, column: start.column + offset };
  return { line: start.line + before.split('\n').length - 1, column: offset - newline };
}

const firstText = (node: MdxNode | undefined): MdxNode | undefined =>
  node?.type === 'paragraph' && node.children?.[0]?.type === 'text' ? node.children[0] : undefined;

export function markdownPitfalls(tree: MdxNode): Warning[] {
  const out: Warning[] = [];
  const warn = (where: { line: number; column: number }, rule: Warning['rule'], message: string) =>
    out.push({ ...where, field: 'body', rule, message });

  walk(tree, (node, parent) => {
    if (node.type === 'code') {
      const lang = (node as MdxNode & { lang?: string | null }).lang;
      if (lang && !LANGUAGES.has(lang.toLowerCase())) {
        const hint = didYouMean(lang, [...COMMON_LANGUAGES, ...LANGUAGES]);
        warn(
          at(node),
          'code-language',
          `the code block's language "${lang}" is not one the site can highlight, so it is shown without colour; ${hint ? `did you mean "${hint}"? ` : ''}use a language such as ${COMMON_LANGUAGES.join(', ')} (text for no highlighting)`,
        );
      }
      return false;
    }
    if (node.type === 'inlineCode') return false;
    if (node.type === 'listItem') {
      const text = firstText(node.children?.[0]);
      if (text && /^:\s/.test(text.value ?? ''))
        warn(
          at(text),
          'definition-list',
          'a list item starting with ": " (a definition list on MDN) shows a literal ": " here; write the term and its definition in one item, as - **Term**: definition',
        );
    }
    if (node.type === 'blockquote') {
      const text = firstText(node.children?.[0]);
      const alert = text && ALERT.exec(text.value ?? '');
      if (alert) {
        const type = alert[1]!.toLowerCase() === 'tip' ? 'tip' : /warning|caution|important/i.test(alert[1]!) ? 'warning' : 'note';
        warn(
          at(node),
          'callout-syntax',
          `GitHub's > [!${alert[1]}] box shows here as a quote starting "[!${alert[1]}]"; write <Callout type="${type}">…</Callout> instead`,
        );
      }
    }
    if (node.type === 'paragraph' && parent?.type === 'root' && (node.position?.start.column ?? 1) >= 5) {
      warn(
        at(node),
        'indented-code',
        'this indented text shows as an ordinary paragraph: MDX has no indented code blocks; put code between two lines of ``` (with its language, e.g. ```sh), or remove the indent',
      );
    }
    // Both checks below need a colon; most text has none.
    if (node.type === 'text' && (node.value ?? '').includes(':')) {
      const value = node.value ?? '';
      const line = value.search(/\n:\s/);
      if (line !== -1)
        warn(
          inText(node, line + 1),
          'definition-list',
          'a line starting with ": " (a definition list in Markdown Extra) shows a literal ": " here; write the term and its definition on one line, as **Term**: definition, or as a list',
        );
      for (const m of value.matchAll(SHORTCODE)) {
        warn(
          inText(node, m.index),
          'emoji-shortcode',
          `the emoji code ${m[0]} shows as typed; type or paste the emoji itself, or leave it out`,
        );
        break;
      }
    }
    return undefined;
  });
  return out;
}
