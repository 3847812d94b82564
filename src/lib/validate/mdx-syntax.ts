/**
 * Plain words for the MDX parser's syntax errors. The parser is the one the
 * build compiles with, so anything it rejects would fail the build; editors get
 * the same place (file:line:column) with the fix spelled out.
 */

import { isHtmlName, rawHtmlMessage } from './html-fixes.ts';

const RAW_HTML_FALLBACK = 'write it in Markdown instead, or use one of the components listed in CONTRIBUTING.md';

/** The parser's message, stripped of its rule id, for anything not recognised below. */
const parserWords = (message: string) => message.replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');

const BRACES =
  'text in { } is read as code in MDX, which content may not run; write \\{ and \\} to show braces, or {/* … */} for a note to other editors';

/**
 * The message for a {…} in text, by what it most likely is: a `{{macro}}` from a wiki or MDN, a `{#id}` after a
 * heading (Markdown Extra, Pandoc), maths between $ signs (`textBefore` is the text before it on its line), or braces
 * meant as text.
 */
export function expressionMessage(source: string, inHeading: boolean, textBefore = ''): string {
  if (source.trimStart().startsWith('{'))
    return '{{…}} is a macro from another site (MDN, a wiki), which does not work here; remove it and write what it stood for in words, or a link';
  if (inHeading && source.trimStart().startsWith('#'))
    return 'a heading id written {#id} does not work in MDX; remove it: every heading gets its id from its words (## Gain staging becomes #gain-staging)';
  if (/\$[^\s\d$]/.test(textBefore))
    return 'maths between $ signs is not typeset here, and its { } are read as code; write the formula in `backticks` or in words, with \\{ and \\} for braces';
  return BRACES;
}

export function mdxSyntaxMessage(message: string, body: string, at: { line: number; column: number }, bodyStartLine: number): string {
  const lineText = body.split('\n')[at.line - bodyStartLine] ?? '';
  const rest = lineText.slice(at.column - 1);
  if (/before name/.test(message) && rest.startsWith('<!--')) {
    return 'HTML comments <!-- … --> do not work in MDX; write a note to other editors as {/* … */} instead';
  }
  if (/Unexpected character after `<`/.test(message)) {
    if (/^<(?:https?:|mailto:|www\.)/i.test(rest) || /^<[^\s<>@]+@[^\s<>]+>/.test(rest)) {
      return 'links written as <https://…> do not work in MDX; write [text](https://…) instead';
    }
    if (/^<[A-Za-z]/.test(rest)) {
      return 'this tag cannot be read; attribute values must be in double quotes, as in <Cite source="source-id" />';
    }
    return 'a "<" that does not start a component must be written &lt; in MDX (for example x&lt;5 ms), or put the text in `backticks`';
  }
  // The parser stops inside the braces; what they hold starts after the last "{" before that point.
  const open = lineText.lastIndexOf('{', at.column - 1);
  if (open !== -1 && /expression/i.test(message)) {
    const special = expressionMessage(lineText.slice(open + 1), /^#{1,6}\s/.test(lineText), lineText.slice(0, open));
    if (special !== BRACES) return special;
    if (open > 0 && lineText[open - 1] === '{') return expressionMessage('{', false);
  }
  const closing = /Expected a closing tag for `<([^>]+)>`/.exec(message);
  if (closing && isHtmlName(closing[1]!)) return rawHtmlMessage(closing[1]!, RAW_HTML_FALLBACK);
  if (/Unexpected end of file in expression|expected a corresponding closing brace/.test(message)) {
    return 'a "{" starts code in MDX and this one is never closed; write \\{ to show a brace, or {/* … */} for a note to other editors';
  }
  if (/Could not parse expression|Unexpected (?:token|character) in expression|expression/i.test(message)) {
    return BRACES;
  }
  if (closing) return `<${closing[1]}> is never closed; end it with </${closing[1]}>, or write it as one tag ending in />`;
  const unexpected = /Unexpected closing tag `<\/([^>]+)>`/.exec(message);
  if (unexpected) return `</${unexpected[1]}> closes a tag that is not open here; check which tag it should close, or remove it`;
  if (/Unexpected character/.test(message) && /=\s*[^"'{\s]/.test(rest.slice(0, 200))) {
    return 'attribute values must be in double quotes, as in <Cite source="source-id" />';
  }
  return `MDX cannot read this: ${parserWords(message)}; check the tags, braces and < on this line`;
}
