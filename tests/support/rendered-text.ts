/**
 * The text of a built page as a reader meets it (on screen, read aloud, copied),
 * and the checks that text must pass. HTML is parsed with parse5, as a browser
 * parses it (src/lib/html.ts); nothing here reads markup with regular expressions.
 *
 * Text is gathered block by block (a paragraph, a list item, a table cell…).
 * Inside a block, every inline element boundary is kept as a marker, so a check
 * can tell "sources. Sources" (a space in the HTML) from "sources.Sources" (two
 * words that only CSS margins, if anything, keep apart).
 */
import { attr, byTag, parseHtml, textOf, type HtmlDocument, type HtmlElement, type HtmlNode } from '../../src/lib/html.ts';

/** A page as its HTML, or already parsed (src/lib/html.ts), so a test that reads the tree too parses it once. */
export type Page = string | HtmlDocument;
const tree = (page: Page): HtmlDocument => (typeof page === 'string' ? parseHtml(page) : page);

/** Where an inline element opens or closes. */
export const EDGE = '\uE000';
/** Where a citation marker (`.cite`) starts. */
export const MARKER = '\uE001';
/**
 * Around text that is not the page's prose: code (`code`, `kbd`, `samp`), which may hold dates and names that
 * prose may not, and text marked as another language (a British title, `lang="en-GB"`), which keeps its own spelling.
 */
const CODE_START = '\uE002';
const CODE_END = '\uE003';
const CODE = new Set(['code', 'kbd', 'samp']);
/** Where a Markdown footnote marker (`.fn-ref`, drawn by src/lib/markdown-plugins.ts) starts. */
export const FOOTNOTE = '\uE004';
/** The language of the handbook's pages: `<html lang>` and the spelling checked against. */
export const PAGE_LANG = 'en-US';

const BLOCKS = new Set(
  (
    'address article aside blockquote body br button caption dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html label legend li main nav ol option p pre section select summary table tbody td tfoot th ' +
    'thead tr ul'
  ).split(' '),
);
/** Never shown as text. (SVG charts carry their words in <title>/<desc> and labels drawn for the eye; both are checked by axe.) */
const SKIP = new Set(['wbr', 'img', 'head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea', 'input']);

const classes = (el: HtmlElement) => (attr(el, 'class') ?? '').split(/\s+/);

/** The blocks of visible text of an HTML document, with EDGE and MARKER where elements meet. */
export function textBlocks(page: Page): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (plain(text)) blocks.push(text);
    current = '';
  };
  const walk = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      if (node.nodeName === '#text') current += (node as { value: string }).value;
      if (!('tagName' in node)) continue;
      const name = node.tagName;
      if (SKIP.has(name) || attr(node, 'hidden') !== undefined) continue;
      // <pre> keeps its own line breaks and spacing: code is checked by nothing here.
      if (name === 'pre') {
        flush();
        continue;
      }
      const block = BLOCKS.has(name);
      if (block) flush();
      else current += classes(node).includes('cite') ? MARKER : classes(node).includes('fn-ref') ? FOOTNOTE : EDGE;
      // <html lang> is the page's own language (checked by the spelling test); a lang inside it marks other text.
      const lang = name === 'html' ? undefined : attr(node, 'lang');
      const notProse = CODE.has(name) || (lang !== undefined && lang.toLowerCase() !== PAGE_LANG.toLowerCase());
      if (notProse) current += CODE_START;
      walk(node.childNodes);
      if (notProse) current += CODE_END;
      if (block) flush();
      else current += EDGE;
    }
  };
  walk(tree(page).childNodes);
  flush();
  return blocks;
}

/** A block as plain text, the way it is read aloud or pasted. */
export const plain = (block: string) =>
  block
    .replace(/[\uE000-\uE004]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A block without its code, for the rules about prose. */
const prose = (block: string) => plain(block.replace(new RegExp(`${CODE_START}[^${CODE_END}]*${CODE_END}`, 'gu'), ' '));

/** The visible text of a page, one block per line. */
export const visibleText = (page: Page) => textBlocks(page).map(plain).join('\n');

/** The page's prose, one block per line: its visible text without code or text marked as another language. */
export const proseText = (page: Page) => textBlocks(page).map(prose).filter(Boolean).join('\n');

export interface TextProblem {
  rule: 'glued words' | 'marker before a letter' | 'doubled word' | 'marker style' | 'ISO date in prose' | 'URL as link text';
  /** The words around the problem. */
  excerpt: string;
}

const around = (text: string, index: number, length: number) => plain(text.slice(Math.max(0, index - 30), index + length + 30));

// A word or closing punctuation, then an element boundary with no space, then a word: "sources.Sources", "levelRecording".
const GLUED = new RegExp(`[\\p{L}\\p{N}.,;:!?·)\\]][${EDGE}${MARKER}${FOOTNOTE}]+(?=[\\p{L}\\p{N}(·])`, 'gu');
// A citation marker, "[3]" or as read aloud "[source 3]", or a footnote marker, "[b]" or "[note b]", run into the next word.
const MARKER_THEN_LETTER = /\[(?:source )?\d+\](?=\p{L})/gu;
const FOOTNOTE_THEN_LETTER = new RegExp(`${FOOTNOTE}\\[(?:note )?[a-z]+\\](?=\\p{L})`, 'gu');
// 2025-08-28 or 2025-08 in running text; dates are written out ("28 August 2025"). Code may hold them.
const ISO_DATE = /(?<![\p{L}\p{N}-])\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?(?![\p{N}-])/gu;
const DOUBLED = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;
// Whitespace before a citation marker, or a marker that is not "[n]".
const MARKER_AFTER_SPACE = new RegExp(`\\s[${EDGE}]*[${MARKER}${FOOTNOTE}]`, 'gu');

/**
 * Everything wrong with the text of one HTML document. `isoDates: false` allows dates such as 2025-08 in
 * prose, for the editors' documentation, where the date format is what the text is about; `urlLinks: false`
 * skips the rule on links that read as a raw URL.
 */
export function textProblems(page: Page, { isoDates = true, urlLinks = true } = {}): TextProblem[] {
  const doc = tree(page);
  const problems: TextProblem[] = urlLinks ? linkTextProblems(doc) : [];
  for (const block of textBlocks(doc)) {
    for (const m of block.matchAll(GLUED)) problems.push({ rule: 'glued words', excerpt: around(block, m.index, m[0].length) });
    const text = plain(block);
    for (const m of text.matchAll(MARKER_THEN_LETTER)) problems.push({ rule: 'marker before a letter', excerpt: around(text, m.index, 0) });
    for (const m of block.replaceAll(EDGE, '').matchAll(FOOTNOTE_THEN_LETTER))
      problems.push({ rule: 'marker before a letter', excerpt: around(block.replaceAll(EDGE, ''), m.index, m[0].length) });
    for (const m of text.matchAll(DOUBLED)) problems.push({ rule: 'doubled word', excerpt: around(text, m.index, m[0].length) });
    for (const m of block.matchAll(MARKER_AFTER_SPACE))
      problems.push({ rule: 'marker style', excerpt: `space before a marker: ${around(block, m.index, 1)}` });
    problems.push(...markerOrder(block));
    if (isoDates)
      for (const m of prose(block).matchAll(ISO_DATE))
        problems.push({
          rule: 'ISO date in prose',
          excerpt: `write "${m[0]}" out, as "28 August 2025": ${around(prose(block), m.index, m[0].length)}`,
        });
  }
  return problems;
}

// An address with a scheme ("https://…", "mailto:…") or starting "www.": it says where a link goes, not what is there.
const URL_TEXT = /^(?:[a-z][a-z\d+.-]*:\/\/|mailto:|www\.)\S*$/i;

/** Links whose visible text is a raw URL; a link says what the reader will find ("BLS: Sound engineering technicians"). */
function linkTextProblems(doc: HtmlDocument): TextProblem[] {
  return byTag(doc, 'a')
    .map((a) => textOf(a).replace(/\s+/g, ' ').trim())
    .filter((text) => URL_TEXT.test(text))
    .map((text) => ({ rule: 'URL as link text' as const, excerpt: `a link reads "${text}"; name what it leads to` }));
}

/**
 * Citation markers read "[n]" and footnote markers "[a]"; where several of a kind stand together they count
 * upwards: "[1][2]", never "[2] [1]".
 */
function markerOrder(block: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const text = block.replaceAll(EDGE, '');
  for (const m of text.matchAll(new RegExp(`${MARKER}(?!\\[(?:source )?\\d+\\])(.{0,20})`, 'gu')))
    problems.push({ rule: 'marker style', excerpt: `citation marker "${m[1]}" is not "[n]"` });
  for (const m of text.matchAll(new RegExp(`(?<!${MARKER})\\[(?:source )?\\d+\\]`, 'gu')))
    problems.push({
      rule: 'marker style',
      excerpt: `"${m[0]}" is written as text, not as a citation marker: ${around(text, m.index, m[0].length)}`,
    });
  for (const m of text.matchAll(new RegExp(`${FOOTNOTE}(?!\\[(?:note )?[a-z]+\\])(.{0,20})`, 'gu')))
    problems.push({ rule: 'marker style', excerpt: `footnote marker "${m[1]}" is not "[a]"` });
  const one = `${MARKER}\\[(?:source )?\\d+\\]`;
  const note = `${FOOTNOTE}\\[(?:note )?[a-z]+\\]`;
  // Footnote letters count like numbers: a = 1, z = 26, aa = 27.
  const rank = (label: string) => (/^\d+$/.test(label) ? Number(label) : [...label].reduce((n, c) => n * 26 + c.charCodeAt(0) - 96, 0));
  for (const m of [
    ...text.matchAll(new RegExp(`${one}(?:\\s*${one})+`, 'gu')),
    ...text.matchAll(new RegExp(`${note}(?:\\s*${note})+`, 'gu')),
  ]) {
    const numbers = [...m[0].matchAll(/(?:\[| )(\d+|[a-z]+)\]/g)].map((n) => rank(n[1]!));
    if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!))
      problems.push({
        rule: 'marker style',
        excerpt: `markers out of order: ${plain(m[0])} in ${around(text, m.index, m[0].length)}`,
      });
  }
  return problems;
}
