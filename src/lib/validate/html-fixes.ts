/**
 * What to write instead of each HTML tag an editor is likely to paste from an
 * article written for another site. Raw HTML is refused (one error per HTML
 * block); the error names the Markdown or component that does the same job,
 * so the fix is in the message rather than in a search of CONTRIBUTING.md.
 */
import { IMAGE_FIX } from './images.ts';

const TABLE = 'write a Markdown table (| between cells), or <Table> with <Row> and <Cell> when cells merge or hold line breaks';

const FIXES: Record<string, string> = {
  table: TABLE,
  thead: TABLE,
  tbody: TABLE,
  tr: TABLE,
  td: TABLE,
  th: TABLE,
  br: 'for a new line start a new paragraph; inside a <Cell>, end the line with a backslash (\\)',
  b: 'write **bold** instead',
  strong: 'write **bold** instead',
  i: 'write *emphasis* instead',
  em: 'write *emphasis* instead',
  code: 'write `code` between backticks instead',
  pre: 'put the code between two lines of ``` instead, with its language (```sh)',
  a: 'write the link as [text](https://…) instead',
  img: IMAGE_FIX,
  figure: IMAGE_FIX,
  picture: IMAGE_FIX,
  details: 'there is no folding section; write it as a section of its own (## Heading), or as a <Callout>',
  summary: 'there is no folding section; write it as a section of its own (## Heading), or as a <Callout>',
  blockquote: 'start each line of the quote with > instead',
  aside: 'write <Callout>…</Callout> instead',
  ul: 'write each item on its own line starting with - instead',
  ol: 'write each item on its own line starting with 1. instead',
  li: 'write each item on its own line starting with - instead',
  dl: 'write each term and its definition as a list item, - **Term**: definition',
  hr: 'write *** on a line of its own instead',
  sup: 'write the character itself (², ³) or words; for a note at the foot of the page use a footnote[^1]',
  sub: 'write the character itself (₂) or words instead',
  kbd: 'write the key as `Ctrl` in backticks instead',
  p: 'remove the tags and keep the text: a blank line between paragraphs is enough',
  div: 'remove the tags and keep what is inside, written in Markdown; for a boxed note use <Callout>',
  span: 'remove the tags and keep the text inside',
  font: 'remove the tags and keep the text inside; the site sets the type',
  center: 'remove the tags and keep the text inside; the site sets the layout',
  iframe: 'embedded pages are not allowed; link to it instead: [what it is](https://…)',
  video: 'embedded media are not allowed; link to it instead: [what it is](https://…)',
  audio: 'embedded media are not allowed; link to it instead: [what it is](https://…)',
  embed: 'embedded media are not allowed; link to it instead: [what it is](https://…)',
  object: 'embedded media are not allowed; link to it instead: [what it is](https://…)',
};
for (const level of [1, 2, 3, 4, 5, 6])
  FIXES[`h${level}`] = `write the heading as ${'#'.repeat(Math.max(level, 2))} Heading instead (pages start at ##)`;

/** HTML elements that never have a closing tag, which MDX nonetheless wants closed. */
export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The sentence for a raw HTML element: what it is and what to write instead. */
export function rawHtmlMessage(tag: string, fallback: string): string {
  const fix = FIXES[tag.toLowerCase()];
  return `raw HTML (<${tag}>) is not allowed in content; ${fix ?? fallback}`;
}

/** Whether a tag name is HTML (lower case, no dots) rather than a component. */
export const isHtmlName = (name: string) => /^[a-z][a-z0-9-]*$/.test(name);
