/**
 * Plain words for the MDX parser's syntax errors. The parser is the one the
 * build compiles with, so anything it rejects would fail the build; editors get
 * the same place (file:line:column) with the fix spelled out.
 */

/** The parser's message, stripped of its rule id, for anything not recognised below. */
const parserWords = (message: string) => message.replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');

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
  if (/Unexpected end of file in expression|expected a corresponding closing brace/.test(message)) {
    return 'a "{" starts code in MDX and this one is never closed; write \\{ to show a brace, or {/* … */} for a note to other editors';
  }
  if (/Could not parse expression|Unexpected (?:token|character) in expression|expression/i.test(message)) {
    return 'text in { } is read as code in MDX, which content may not run; write \\{ and \\} to show braces, or {/* … */} for a note to other editors';
  }
  const closing = /Expected a closing tag for `<([^>]+)>`/.exec(message);
  if (closing) return `<${closing[1]}> is never closed; end it with </${closing[1]}>, or write it as one tag ending in />`;
  const unexpected = /Unexpected closing tag `<\/([^>]+)>`/.exec(message);
  if (unexpected) return `</${unexpected[1]}> closes a tag that is not open here; check which tag it should close, or remove it`;
  if (/Unexpected character/.test(message) && /=\s*[^"'{\s]/.test(rest.slice(0, 200))) {
    return 'attribute values must be in double quotes, as in <Cite source="source-id" />';
  }
  return `MDX cannot read this: ${parserWords(message)}; check the tags, braces and < on this line`;
}
