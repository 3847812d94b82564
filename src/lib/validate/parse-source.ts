/**
 * Stage 2: parse a file's text once. Frontmatter and data files are read with
 * js-yaml, the parser Astro's loaders use, so the validator sees every value
 * exactly as the build will; the MDX body is parsed into the tree every later
 * stage reads (src/lib/mdx-tree.ts). Syntax errors, and YAML features editors
 * never need (anchors, aliases, merge keys, tags), are reported here in plain words.
 */
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { yamlPackage } from '../load-later.ts';
import { parseBody, type MdxNode } from '../mdx-tree.ts';
import { mdxSyntaxMessage } from './mdx-syntax.ts';

export interface Located {
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface ParsedSource {
  data: unknown;
  /** The YAML (or JSON) text the data came from, re-parsed for positions only when there is a problem to place. */
  yamlText: string;
  /** Lines before the YAML starts (1 for MDX frontmatter after the opening ---). */
  lineOffset: number;
  body?: string;
  bodyStartLine?: number;
  tree?: MdxNode;
}

export type ParseResult = { ok: true; parsed: ParsedSource; problems: Located[] } | { ok: false; problems: Located[] };

const fail = (line: number, column: number, field: string, message: string): ParseResult => ({
  ok: false,
  problems: [{ line, column, field, message }],
});

export function parseSource(text: string, extension: '.mdx' | '.yaml' | '.json'): ParseResult {
  if (text.trim() === '') return fail(1, 1, 'file', 'file is empty; fill it in from the template in CONTRIBUTING.md or delete it');
  if (extension === '.mdx') return parseMdxFile(text);
  if (extension === '.json') return parseJson(text);
  const yaml = parseYaml(text, 0);
  if (!yaml.ok) return { ok: false, problems: [yaml.problem] };
  if (hasNoFields(yaml.data)) return fail(1, 1, 'file', 'file has no fields (only comments or blank lines); fill it in or delete it');
  return { ok: true, parsed: { data: yaml.data, yamlText: text, lineOffset: 0 }, problems: trailingComments(text, 0) };
}

// One message for "nothing here" instead of one per missing field.
const hasNoFields = (data: unknown) =>
  data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0);

/** Where a file's YAML is: a data file is all YAML (or JSON); an MDX file's frontmatter sits between its --- lines. */
export function yamlOf(text: string, extension: '.mdx' | '.yaml' | '.json'): { yamlText: string; lineOffset: number } | undefined {
  if (extension !== '.mdx') return { yamlText: text, lineOffset: 0 };
  const split = splitFrontmatter(text);
  return split.ok ? { yamlText: split.yamlText, lineOffset: 1 } : undefined;
}

type Split = { ok: true; yamlText: string; body: string; bodyStartLine: number } | { ok: false; message: string };

function splitFrontmatter(text: string): Split {
  if (!text.includes('\r')) return splitAtLines(text);
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { ok: false, message: 'the file must start with a line containing only --- followed by the frontmatter fields' };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close === -1) return { ok: false, message: 'the frontmatter is never closed; add a line containing only --- after the last field' };
  return { ok: true, yamlText: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyStartLine: close + 2 };
}

/**
 * The same split for text without carriage returns, found by searching for line ends rather than cutting the whole
 * file into lines and joining them again: the body is most of the file, and is handed on as one slice.
 */
function splitAtLines(text: string): Split {
  const firstEnd = text.indexOf('\n');
  if (text.slice(0, firstEnd === -1 ? text.length : firstEnd).trim() !== '---') {
    return { ok: false, message: 'the file must start with a line containing only --- followed by the frontmatter fields' };
  }
  for (let line = 1, start = firstEnd + 1; firstEnd !== -1; line++) {
    const end = text.indexOf('\n', start);
    if (text.slice(start, end === -1 ? text.length : end).trim() === '---') {
      return {
        ok: true,
        yamlText: text.slice(firstEnd + 1, start - 1),
        body: end === -1 ? '' : text.slice(end + 1),
        bodyStartLine: line + 2,
      };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return { ok: false, message: 'the frontmatter is never closed; add a line containing only --- after the last field' };
}

function parseMdxFile(text: string): ParseResult {
  const split = splitFrontmatter(text);
  if (!split.ok) return fail(1, 1, 'frontmatter', split.message);
  const { yamlText, body, bodyStartLine } = split;
  const yaml = parseYaml(yamlText, 1);
  if (!yaml.ok) return { ok: false, problems: [yaml.problem] };
  if (hasNoFields(yaml.data)) {
    return fail(1, 1, 'frontmatter', 'the frontmatter has no fields; copy them from an existing file in the same folder and fill them in');
  }
  const problems = trailingComments(yamlText, 1);
  const tree = parseBody(body, bodyStartLine);
  const parsed: ParsedSource = { data: yaml.data, yamlText, lineOffset: 1, body, bodyStartLine };
  if (!tree.ok) {
    // The frontmatter is still checked, so an editor sees every problem of the file at once.
    problems.push({
      line: tree.line,
      column: tree.column,
      field: 'body',
      message: mdxSyntaxMessage(tree.message, body, tree, bodyStartLine),
    });
    return { ok: true, parsed, problems };
  }
  parsed.tree = tree.tree;
  return { ok: true, parsed, problems };
}

function parseJson(text: string): ParseResult {
  try {
    // YAML is a superset of JSON, so the JSON text doubles as the source of positions.
    return { ok: true, parsed: { data: JSON.parse(text), yamlText: text, lineOffset: 0 }, problems: [] };
  } catch (error) {
    // V8 names the position: "... in JSON at position 42 (line 3 column 5)".
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const pos = match ? lineColAt(text, Number(match[1])) : { line: 1, column: 1 };
    return fail(pos.line, pos.column, 'json', `JSON syntax error: ${message.replace(/ in JSON at position.*$/, '')}`);
  }
}

/** Returns the 1-based line and column of a character offset. */
export function lineColAt(text: string, offset: number) {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** Thrown from inside the YAML parse to stop at the first anchor, before an alias can multiply anything. */
class RefusedYaml extends Error {
  offset: number;
  constructor(offset: number) {
    super('anchor');
    this.offset = offset;
  }
}

/** js-yaml's parser state as its `listener` option sees it (the option exists but its types omit it). */
interface YamlState {
  anchor: string | null;
  position: number;
}

type YamlResult = { ok: true; data: unknown } | { ok: false; problem: Located };

/**
 * Parses YAML with js-yaml, as the build does. The core schema keeps dates as
 * text: js-yaml's default turns 2026-02-30 into 2 March without a word, and the
 * validator (which runs first in every build) must see what the editor wrote.
 */
function parseYaml(yamlText: string, lineOffset: number): YamlResult {
  const at = (offset: number, message: string): YamlResult => {
    const { line, column } = lineColAt(yamlText, offset);
    return { ok: false, problem: { line: line + lineOffset, column, field: 'yaml', message } };
  };
  try {
    const options = {
      schema: CORE_SCHEMA,
      // Anchors let a few hundred bytes expand into millions of values; no content needs them, so the first one stops the parse.
      listener(event: string, state: YamlState) {
        if (event === 'close' && state.anchor !== null) throw new RefusedYaml(anchorOffset(yamlText, state.anchor, state.position));
      },
    };
    const data = loadYaml(yamlText, options as Parameters<typeof loadYaml>[1]);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof RefusedYaml) {
      return at(
        error.offset,
        'YAML anchors and aliases (&name, *name) are not allowed in content; write each value out in full where it is used',
      );
    }
    if (!(error instanceof YAMLException)) throw error;
    const offset = (error.mark as { position?: number } | undefined)?.position ?? 0;
    if (/unknown tag/.test(error.reason)) {
      return at(offset, 'YAML tags (words starting with !) are not allowed in content; remove the tag, or put the whole value in quotes');
    }
    if (/unidentified alias/.test(error.reason)) {
      return at(
        offset,
        'YAML aliases (*name) are not allowed in content; write the value out in full, or put it in quotes if the * belongs to the text',
      );
    }
    const precise = yamlSyntax(yamlText, lineOffset);
    if (precise) return { ok: false, problem: precise };
    // Only the build's parser objects, so its own words and position are the best there are.
    return at(offset, `YAML syntax error: ${error.reason}; check the indentation, colons and quotes on this line and the one above`);
  }
}

function anchorOffset(text: string, name: string, fallback: number): number {
  const at = text.indexOf(`&${name}`);
  return at === -1 ? fallback : at;
}

/** A YAML syntax error in the position-keeping parser's wording, which names the problem precisely. */
function yamlSyntax(yamlText: string, lineOffset: number): Located | undefined {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (!error) return undefined;
  // Later YAML errors are usually echoes of the first; one precise message is more useful than three.
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const detail =
    error.code === 'DUPLICATE_KEY'
      ? 'the same field appears twice; keep one'
      : `${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; check the indentation, colons and quotes on this line and the one above`;
  return { line: line + lineOffset, column: col, field: 'yaml', message: `YAML syntax error: ${detail}` };
}

/**
 * YAML ends an unquoted value at " #", so `definition: Set the gain # then the
 * fader` publishes "Set the gain" and drops the rest without a word. A comment
 * after a value of several words is almost always text the editor meant to
 * keep, so it is an error; a note after an id, date or number is left alone.
 */
function trailingComments(yamlText: string, lineOffset: number): Located[] {
  // Most files have no " #" at all; only those are re-parsed with the comment-keeping parser.
  if (!/\s#/.test(yamlText)) return [];
  const out: Located[] = [];
  const { LineCounter, parseDocument, visit } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  visit(doc, {
    Scalar(_key, node) {
      if (!node.comment || node.type !== 'PLAIN' || typeof node.value !== 'string' || !/\s/.test(node.value) || !node.range) return;
      const at = yamlText.indexOf('#', node.range[1]);
      if (at < 0) return;
      const { line, col } = lineCounter.linePos(at);
      out.push({
        line: line + lineOffset,
        column: col,
        field: 'yaml',
        message: `the text after " #" is a YAML comment, so "${node.comment.trim()}" would not appear on the page; put the whole value in quotes if the # belongs to it, or move the comment to a line of its own`,
      });
    },
  });
  return out;
}
