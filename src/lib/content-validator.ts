/**
 * Checks everything under content/ without building the site: every file is
 * loaded by a collection, ids are clean and unique, frontmatter matches the
 * schemas (including references between entries and hours that must add up),
 * and MDX bodies only use the allowed components and existing links.
 *
 * Every problem carries file, line and column. All problems are collected in
 * one pass so an editor can fix a pull request in one go.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { COLLECTION_DEFS, CONTENT_DIR, idFromFileName } from '../schemas/collections.ts';
import { COLLECTIONS, ID_PATTERN, type CollectionName, type SchemaContext } from '../schemas/common.ts';
import { contentWarnings, type CheckedEntry, type GlossaryWords } from './content-warnings.ts';
import { didYouMean } from '../schemas/did-you-mean.ts';
import { componentTags, parsePositions, type ComponentTag } from './mdx-tags.ts';
import { lineColumn, maskCode } from './mdx-text.ts';
import { isPagedCollection, knownTargets } from './routes.ts';
import { formatPath, locate } from './yaml-locate.ts';
import { errorMap, issuePath, withFound } from '../schemas/messages.ts';
import type { Source } from '../schemas/source.ts';
import { licenceProblems } from './licence-rules.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** The field (pay[0].amount), or `file`/`body` for problems outside frontmatter. */
  field: string;
  message: string;
  severity: Severity;
}

export interface ValidateOptions {
  /** Repository root; content is read from `<root>/content`. */
  root: string;
  /** Reference date for "in the future" checks. */
  today?: Date;
}

export interface ValidationResult {
  problems: Problem[];
  /** Files that a collection loads, by collection. */
  entries: Record<CollectionName, string[]>;
  /**
   * The schema output of every entry that passed, by collection and id, so build
   * steps that run outside Astro (the search index) read content through the same schemas.
   */
  data: Record<CollectionName, Map<string, unknown>>;
  /** Every file found under content/. */
  filesSeen: number;
}

/** Components an MDX body may use; they are provided by the page, never imported. */
export const MDX_COMPONENTS = [
  'Cite',
  'Term',
  'Callout',
  'SourcesDisagree',
  'HoursChart',
  'ComparisonTable',
  'Table',
  'Row',
  'Cell',
] as const;
type MdxComponent = (typeof MDX_COMPONENTS)[number];

/** Each component's attributes; `ref` names the one attribute that must be an existing id. */
const MDX_ATTRIBUTES: Record<MdxComponent, { allowed: string[]; ref?: { attribute: string; collection: CollectionName } }> = {
  Cite: { allowed: ['source'], ref: { attribute: 'source', collection: 'sources' } },
  Term: { allowed: ['id'], ref: { attribute: 'id', collection: 'glossary' } },
  Callout: { allowed: ['type', 'title'] },
  SourcesDisagree: { allowed: ['topic', 'positions', 'note'] },
  HoursChart: { allowed: ['program'], ref: { attribute: 'program', collection: 'programs' } },
  ComparisonTable: { allowed: ['comparison'], ref: { attribute: 'comparison', collection: 'comparisons' } },
  Table: { allowed: ['caption'] },
  Row: { allowed: ['head'] },
  Cell: { allowed: ['header', 'colspan', 'rowspan', 'align'] },
};
const CALLOUT_TYPES = ['note', 'tip', 'warning'];

/** Collections whose entries are pages with their own <title>. */
const TITLED = new Set<CollectionName>(['roles', 'comparisons', 'guides', 'programs']);

interface LoadedFile {
  collection: CollectionName;
  rel: string;
  id: string;
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Extensions editors write content in, including ones no collection loads (which are then reported). */
const CONTENT_EXTENSIONS = new Set(['.mdx', '.md', '.markdown', '.yaml', '.yml', '.json']);
export const looksLikeContent = (name: string) => CONTENT_EXTENSIONS.has(extname(name).toLowerCase());

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: Dirent[];
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  // Directory order differs between file systems; sorting makes "which file came first" the same on every machine.
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    // Dotfiles (.gitkeep, editor swap files) are tooling, not content, unless they look like content: the build's
    // glob skips them, so a ".new-role.mdx" would vanish without a word.
    if (entry.name.startsWith('.') && (entry.isDirectory() || !looksLikeContent(entry.name))) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(walk(full));
    else out.push(full);
  }
  return out;
}

const DIR_TO_COLLECTION = new Map<string, CollectionName>(COLLECTIONS.map((c) => [COLLECTION_DEFS[c].dir, c]));

/** Suggests a valid id for a file name that is not one. */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Decides which collection loads a file, or explains why none does. */
function classify(rel: string): { ok: true; collection: CollectionName } | { ok: false; message: string } {
  const parts = rel.split('/');
  const folders = COLLECTIONS.map((c) => COLLECTION_DEFS[c].dir).join(', ');
  const name = parts[parts.length - 1]!;
  if (name.startsWith('.')) {
    return {
      ok: false,
      message: `the build skips files whose names start with a dot, so this one would never be published; rename it to ${slugify(idFromFileName(name)) || 'a-descriptive-name'}${extname(name)}`,
    };
  }
  if (parts.length === 1) {
    return { ok: false, message: `no collection loads files at the top of content/; move it into one of: ${folders}` };
  }
  const collection = DIR_TO_COLLECTION.get(parts[0]!);
  if (!collection) {
    const hint = didYouMean(parts[0]!, DIR_TO_COLLECTION.keys());
    return {
      ok: false,
      message: `no collection loads content/${parts[0]}/; ${hint ? `did you mean content/${hint}/?` : `move it into one of: ${folders}`}`,
    };
  }
  const def = COLLECTION_DEFS[collection];
  if (parts.length > 2) {
    return { ok: false, message: `${collection} loads files directly inside content/${def.dir}/ only; move it out of the subfolder` };
  }
  if (extname(rel) !== def.extension) {
    return {
      ok: false,
      message: `${collection} only loads ${def.extension} files, so this file would be silently skipped; rename it to ${idFromFileName(parts[1]!)}${def.extension} or remove it`,
    };
  }
  return { ok: true, collection };
}

/** Returns the 1-based line and column of a character offset. */
function lineColAt(text: string, offset: number) {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Finds the first byte that is not valid UTF-8 and returns its line. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) line++;
    if (b < 0x80) continue;
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) return { line, byte: b };
    i += len - 1;
  }
  return { line, byte: 0 };
}

interface ParsedSource {
  data: unknown;
  /** The YAML (or JSON) text the data came from, re-parsed for positions only when there is a problem to place. */
  yamlText: string;
  /** Lines before the YAML starts (1 for MDX frontmatter after the opening ---). */
  lineOffset: number;
  body?: string;
  bodyStartLine?: number;
}

/**
 * Where a data path sits in the source. The position-keeping parser is several
 * times slower than the build's, so it runs only for files that have a problem.
 */
const positionArgs = (pos: { line: number; column: number }) => [pos.line, pos.column] as const;

const positionDocs = new WeakMap<ParsedSource, { doc: Document; lineCounter: LineCounter }>();
function locateInSource(parsed: ParsedSource, path: readonly PropertyKey[]) {
  // A top-level key (title, description) starts a line of its own, so a line scan finds it without the
  // position-keeping parser, which matters when many files carry a warning about one.
  const [key] = path;
  if (path.length === 1 && typeof key === 'string' && /^[A-Za-z][\w-]*$/.test(key)) {
    const at = new RegExp(`^${key}[ \\t]*:`, 'm').exec(parsed.yamlText);
    if (at) return { line: parsed.yamlText.slice(0, at.index).split('\n').length + parsed.lineOffset, column: 1 };
  }
  let located = positionDocs.get(parsed);
  if (!located) {
    const lineCounter = new LineCounter();
    located = { doc: parseDocument(parsed.yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    positionDocs.set(parsed, located);
  }
  const { doc, lineCounter } = located;
  const pos = doc.errors.length === 0 ? locate(doc, lineCounter, path) : undefined;
  return pos ? { line: pos.line + parsed.lineOffset, column: pos.column } : { line: 1, column: 1 };
}

export function validateContent(options: ValidateOptions): ValidationResult {
  const contentRoot = join(options.root, CONTENT_DIR);
  const problems: Problem[] = [];
  const entries = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as string[]])) as Record<CollectionName, string[]>;
  const data = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, unknown>()])) as ValidationResult['data'];
  const report = (file: string, line: number, column: number, field: string, message: string, severity: Severity = 'error') =>
    problems.push({ file, line, column, field, message, severity });

  // 1. Every file is accounted for: loaded by a collection, or reported.
  const files = walk(contentRoot).map((f) => toPosix(relative(options.root, f)));
  const loaded: LoadedFile[] = [];
  for (const rel of files) {
    const inContent = rel.slice(CONTENT_DIR.length + 1);
    const verdict = classify(inContent);
    if (!verdict.ok) {
      report(rel, 1, 1, 'file', verdict.message);
      continue;
    }
    const id = idFromFileName(inContent.split('/')[1]!);
    loaded.push({ collection: verdict.collection, rel, id });
  }

  // 2. Ids: clean, and unique within their collection (even on case-insensitive file systems).
  const ids: Record<CollectionName, Set<string>> = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<
    CollectionName,
    Set<string>
  >;
  // A clash is blamed on the file whose name is not a clean id, so the correctly named file is never reported and
  // each file gets one message that says everything wrong with its name.
  const seen = new Map<string, string>();
  const cleanFirst = [...loaded].sort((a, b) => Number(!ID_PATTERN.test(a.id)) - Number(!ID_PATTERN.test(b.id)));
  for (const file of cleanFirst) {
    const key = `${file.collection}/${file.id.toLowerCase()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, file.rel);
    if (!ID_PATTERN.test(file.id)) {
      const extension = COLLECTION_DEFS[file.collection].extension;
      const suggestion = slugify(file.id) || 'a-descriptive-name';
      report(
        file.rel,
        1,
        1,
        'file',
        first
          ? `file name "${file.id}" is not a valid id, and ${first} already uses the id "${file.id.toLowerCase()}" (the two clash on case-insensitive file systems); merge the two files or give this one a new name`
          : `file name "${file.id}" is not a valid id (lowercase words joined by hyphens); rename the file to ${suggestion}${extension}`,
      );
    }
  }
  for (const file of loaded) {
    ids[file.collection].add(file.id);
    entries[file.collection].push(file.rel);
  }

  const context: SchemaContext = options.today ? { ids, today: options.today } : { ids };
  const schemas = Object.fromEntries(COLLECTIONS.map((c) => [c, COLLECTION_DEFS[c].schema(context)])) as Record<
    CollectionName,
    ReturnType<(typeof COLLECTION_DEFS)[CollectionName]['schema']>
  >;
  const targets = knownTargets(ids);
  const glossaryTerms = new Map<string, string>();
  // Page titles become <title> tags; two pages with one title confuse search results and readers.
  const pageTitles = new Map<string, string>();
  const checked: (CheckedEntry & { rel: string })[] = [];
  const licensed: {
    rel: string;
    data: object;
    explicitLicence: boolean;
    locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  }[] = [];
  const glossaryWords: GlossaryWords[] = [];

  // 3. Each file: readable, parseable, schema-valid, with a clean body.
  for (const file of loaded) {
    const parsed = readSource(file, options.root, report);
    if (!parsed) continue;
    const result = schemas[file.collection].safeParse(parsed.data, { error: errorMap, reportInput: true });
    const position = (path: readonly PropertyKey[]) => locateInSource(parsed, path);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // The field, from the issue's path, goes in front of the message (src/schemas/messages.ts).
        const path = issuePath(issue);
        const pos = position(path);
        report(file.rel, pos.line, pos.column, formatPath(path), withFound(issue));
      }
    } else {
      data[file.collection].set(file.id, result.data);
      if (isPagedCollection(file.collection))
        licensed.push({
          rel: file.rel,
          data: result.data,
          explicitLicence: typeof parsed.data === 'object' && parsed.data !== null && 'licence' in parsed.data,
          locate: position,
        });
      // A badly named file already has its error; its title clashing with the well-named twin would only repeat it.
      if (TITLED.has(file.collection) && ID_PATTERN.test(file.id)) {
        const title = (result.data as { title: string }).title.toLowerCase();
        const other = pageTitles.get(title);
        // Placing a problem re-parses the file with the slower position-keeping parser, so only do it for a real clash.
        if (other)
          report(
            file.rel,
            ...positionArgs(position(['title'])),
            'title',
            `duplicate title: ${other} already uses it; page titles must be unique, so make one more specific`,
          );
        else pageTitles.set(title, file.rel);
      } else if (file.collection === 'glossary') {
        const { term, aliases } = result.data as { term: string; aliases: string[] };
        glossaryWords.push({ id: file.id, term, aliases });
        const other = glossaryTerms.get(term.toLowerCase());
        if (other)
          report(
            file.rel,
            1 + parsed.lineOffset,
            1,
            'term',
            `duplicate term "${term.toLowerCase()}": ${other} already defines it; merge the two entries`,
          );
        else glossaryTerms.set(term.toLowerCase(), file.rel);
      }
    }
    checked.push({
      rel: file.rel,
      collection: file.collection,
      data: result.success ? result.data : parsed.data,
      locate: position,
      body: parsed.body,
      bodyStartLine: parsed.bodyStartLine,
    });
    if (parsed.body !== undefined) checkBody(file.rel, parsed.body, parsed.bodyStartLine ?? 1, ids, targets, report);
  }

  // Adapted text needs every source's licence, so pages are checked once all files are read (src/lib/licence-rules.ts).
  const sources = data.sources as Map<string, Source>;
  for (const page of licensed) {
    for (const p of licenceProblems(page.data, sources, page.explicitLicence))
      report(page.rel, ...positionArgs(page.locate(p.path)), formatPath(p.path), p.message);
  }

  // Warnings come last: the unlinked-term check needs every glossary entry read first.
  const today = options.today ?? new Date();
  for (const entry of checked) {
    for (const w of contentWarnings(entry, glossaryWords, today)) report(entry.rel, w.line, w.column, w.field, w.message, 'warning');
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.severity.localeCompare(b.severity));
  return { problems, entries, data, filesSeen: files.length };
}

type Reporter = (file: string, line: number, column: number, field: string, message: string, severity?: Severity) => void;

// One decoder for every file: creating one per file is measurable at ten thousand files.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readSource(file: LoadedFile, root: string, report: Reporter): ParsedSource | undefined {
  const bytes = readFileSync(join(root, file.rel));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    report(file.rel, 1, 1, 'file', 'file is saved as UTF-16; re-save it as UTF-8');
    return undefined;
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    report(
      file.rel,
      bad.line,
      1,
      'file',
      `file is not valid UTF-8 (byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} on this line); re-save it as UTF-8`,
    );
    return undefined;
  }
  // A byte-order mark is harmless; many Windows editors add one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    report(file.rel, 1, 1, 'file', `file is empty; fill it in from the template in CONTRIBUTING.md or delete it`);
    return undefined;
  }
  const ext = COLLECTION_DEFS[file.collection].extension;
  if (ext === '.mdx') return readMdx(file.rel, text, report);
  return readData(file.rel, text, ext === '.json', report);
}

/** Reports a YAML syntax error with the position-keeping parser's wording, which names the problem precisely. */
function reportYamlSyntax(rel: string, yamlText: string, lineOffset: number, report: Reporter): boolean {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (!error) return false;
  // Later YAML errors are usually echoes of the first; one precise message is more useful than three.
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const detail =
    error.code === 'DUPLICATE_KEY'
      ? 'the same field appears twice; keep one'
      : `${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; check the indentation, colons and quotes on this line and the one above`;
  report(rel, line + lineOffset, col, 'yaml', `YAML syntax error: ${detail}`);
  return true;
}

/**
 * Parses YAML with js-yaml, the parser Astro's loaders use, so the validator
 * reads every value exactly as the build will (and is fast enough for
 * thousands of files). A file the build would reject is always reported.
 */
function parseYaml(rel: string, yamlText: string, lineOffset: number, report: Reporter): { data: unknown } | undefined {
  try {
    // The core schema keeps dates as text. js-yaml's default turns 2026-02-30 into 2 March without a word, and the
    // build uses that default, so the validator (which runs first in every build) must see what the editor wrote.
    return { data: loadYaml(yamlText, { schema: CORE_SCHEMA }) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (reportYamlSyntax(rel, yamlText, lineOffset, report)) return undefined;
    // Only the build's parser objects, so its own words and position are the best there are.
    const line = (error.mark?.line ?? 0) + 1 + lineOffset;
    const column = (error.mark?.column ?? 0) + 1;
    report(
      rel,
      line,
      column,
      'yaml',
      `YAML syntax error: ${error.reason}; check the indentation, colons and quotes on this line and the one above`,
    );
    return undefined;
  }
}

/**
 * YAML ends an unquoted value at " #", so `definition: Set the gain # then the
 * fader` publishes "Set the gain" and drops the rest without a word. A comment
 * after a value of several words is almost always text the editor meant to
 * keep, so it is an error; a note after an id, date or number is left alone.
 */
function checkTrailingComments(rel: string, yamlText: string, lineOffset: number, report: Reporter) {
  // Most files have no " #" at all; only those are re-parsed with the comment-keeping parser.
  if (!/\s#/.test(yamlText)) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  visit(doc, {
    Scalar(_key, node) {
      if (!node.comment || node.type !== 'PLAIN' || typeof node.value !== 'string' || !/\s/.test(node.value) || !node.range) return;
      const at = yamlText.indexOf('#', node.range[1]);
      if (at < 0) return;
      const { line, col } = lineCounter.linePos(at);
      report(
        rel,
        line + lineOffset,
        col,
        'yaml',
        `the text after " #" is a YAML comment, so "${node.comment.trim()}" would not appear on the page; put the whole value in quotes if the # belongs to it, or move the comment to a line of its own`,
      );
    },
  });
}

// One message for "nothing here" instead of one per missing field.
const hasNoFields = (data: unknown) =>
  data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0);

function readMdx(rel: string, text: string, report: Reporter): ParsedSource | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    report(rel, 1, 1, 'frontmatter', 'the file must start with a line containing only --- followed by the frontmatter fields');
    return undefined;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close === -1) {
    report(rel, 1, 1, 'frontmatter', 'the frontmatter is never closed; add a line containing only --- after the last field');
    return undefined;
  }
  const yamlText = lines.slice(1, close).join('\n');
  const parsed = parseYaml(rel, yamlText, 1, report);
  if (!parsed) return undefined;
  if (hasNoFields(parsed.data)) {
    report(rel, 1, 1, 'frontmatter', 'the frontmatter has no fields; copy them from an existing file in the same folder and fill them in');
    return undefined;
  }
  checkTrailingComments(rel, yamlText, 1, report);
  return {
    data: parsed.data,
    yamlText,
    lineOffset: 1,
    body: lines.slice(close + 1).join('\n'),
    bodyStartLine: close + 2,
  };
}

function readData(rel: string, text: string, isJson: boolean, report: Reporter): ParsedSource | undefined {
  if (isJson) {
    try {
      // YAML is a superset of JSON, so the YAML text doubles as the source of positions.
      return { data: JSON.parse(text), yamlText: text, lineOffset: 0 };
    } catch (error) {
      // V8 names the position: "... in JSON at position 42 (line 3 column 5)".
      const message = (error as Error).message;
      const match = /position (\d+)/.exec(message);
      const pos = match ? lineColAt(text, Number(match[1])) : { line: 1, column: 1 };
      report(rel, pos.line, pos.column, 'json', `JSON syntax error: ${message.replace(/ in JSON at position.*$/, '')}`);
      return undefined;
    }
  }
  const parsed = parseYaml(rel, text, 0, report);
  if (!parsed) return undefined;
  if (hasNoFields(parsed.data)) {
    report(rel, 1, 1, 'file', 'file has no fields (only comments or blank lines); fill it in or delete it');
    return undefined;
  }
  checkTrailingComments(rel, text, 0, report);
  return { data: parsed.data, yamlText: text, lineOffset: 0 };
}

function checkBody(
  rel: string,
  body: string,
  startLine: number,
  ids: Record<CollectionName, ReadonlySet<string>>,
  targets: ReturnType<typeof knownTargets>,
  report: Reporter,
) {
  const lines = body.split('\n');
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const lineNo = startLine + index;
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (line.trim().startsWith(fence)) fence = undefined;
      return;
    }
    // Code samples may show anything; only live markup is checked.
    if (fence) return;
    const code = line.includes('`') ? line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)) : line;

    if (/^\s*(import|export)\s/.test(code)) {
      report(
        rel,
        lineNo,
        1,
        'body',
        `imports and exports are not allowed in content; the components ${MDX_COMPONENTS.join(', ')} are available without importing them`,
      );
    }
    // Most lines are plain prose; the checks below look for tags and links, so skip them when there are none.
    if (!/[<\]=]/.test(code)) return;
    for (const m of code.matchAll(/<script\b/gi)) {
      report(rel, lineNo, m.index + 1, 'body', 'raw <script> tags are not allowed in content; pages ship no scripts from MDX');
    }
    for (const m of code.matchAll(/<([A-Za-z][\w.]*)\b/g)) {
      const name = m[1]!;
      if (name.toLowerCase() === 'script') continue;
      if (!/^[A-Z]/.test(name)) {
        report(
          rel,
          lineNo,
          m.index + 1,
          'body',
          `raw HTML <${name}> is not allowed; use Markdown, or one of the components ${MDX_COMPONENTS.join(', ')}`,
        );
      } else if (!(MDX_COMPONENTS as readonly string[]).includes(name)) {
        const hint = didYouMean(name, MDX_COMPONENTS);
        report(
          rel,
          lineNo,
          m.index + 1,
          'body',
          `unknown component <${name}>; ${hint ? `did you mean <${hint}>?` : `use one of ${MDX_COMPONENTS.join(', ')}`}`,
        );
      }
    }
    for (const m of code.matchAll(/\]\(\s*([^)\s]+)[^)]*\)|href\s*=\s*["']([^"']+)["']/g)) {
      const href = (m[1] ?? m[2])!;
      const column = m.index + 1;
      if (/^\s*javascript:/i.test(href)) {
        report(rel, lineNo, column, 'body', 'javascript: links are not allowed; link to a page or an https:// address');
        continue;
      }
      if (!href.startsWith('/')) continue;
      const [path, fragment] = href.split('#') as [string, string | undefined];
      if (path.startsWith('/data/')) continue;
      if (!targets.paths.has(path)) {
        const hint = didYouMean(path, targets.paths);
        report(
          rel,
          lineNo,
          column,
          'body',
          `link to ${path} goes nowhere (a renamed or missing page?); ${hint ? `did you mean ${hint}?` : 'fix the address'}`,
        );
      } else if (fragment && targets.fragments.has(path) && !targets.fragments.get(path)!.has(fragment)) {
        const hint = didYouMean(fragment, targets.fragments.get(path)!);
        report(
          rel,
          lineNo,
          column,
          'body',
          `link to ${path}#${fragment} names no entry on that page; ${hint ? `did you mean #${hint}?` : 'fix the anchor'}`,
        );
      }
    }
  });
  checkComponents(rel, body, startLine, ids, report);
}

/** Attributes of the allowed components, read across lines: ids exist, values are allowed. */
function checkComponents(rel: string, body: string, startLine: number, ids: Record<CollectionName, ReadonlySet<string>>, report: Reporter) {
  const at = (offset: number, message: string) => {
    const pos = lineColumn(body, offset, startLine);
    report(rel, pos.line, pos.column, 'body', message);
  };
  for (const tag of componentTags(maskCode(body))) {
    const spec = MDX_ATTRIBUTES[tag.name as MdxComponent];
    // Unknown components are reported line by line above.
    if (!spec) continue;
    for (const attribute of tag.attributes) {
      if (spec.allowed.includes(attribute.name)) continue;
      const hint = didYouMean(attribute.name, spec.allowed);
      at(
        attribute.valueOffset - attribute.name.length - 2,
        `<${tag.name}> has no attribute "${attribute.name}"; ${hint ? `did you mean "${hint}"?` : `it takes ${spec.allowed.join(', ')}`}`,
      );
    }
    if (spec.ref) {
      const { attribute, collection } = spec.ref;
      const noun = COLLECTION_DEFS[collection].noun;
      const value = tag.attributes.find((a) => a.name === attribute)?.value;
      if (value === undefined) {
        at(tag.offset, `<${tag.name}> needs a ${attribute}="…" attribute naming a ${noun} id`);
      } else if (!ids[collection].has(value)) {
        const hint = didYouMean(value, ids[collection]);
        const def = COLLECTION_DEFS[collection];
        at(
          tag.offset,
          `<${tag.name} ${attribute}="${value}"> names an unknown ${noun}; ${hint ? `did you mean "${hint}"?` : `add ${CONTENT_DIR}/${def.dir}/${value}${def.extension} or fix the id`}`,
        );
      }
    }
    if (tag.name === 'Callout') {
      const type = tag.attributes.find((a) => a.name === 'type');
      if (type?.value !== undefined && !CALLOUT_TYPES.includes(type.value)) {
        const hint = didYouMean(type.value, CALLOUT_TYPES);
        at(
          type.valueOffset,
          `<Callout type="${type.value}"> must be one of: ${CALLOUT_TYPES.join(', ')}${hint ? `; did you mean "${hint}"?` : ''}`,
        );
      }
    }
    if (tag.name === 'SourcesDisagree') checkDisagreement(tag, ids.sources, at);
  }
}

function checkDisagreement(tag: ComponentTag, sources: ReadonlySet<string>, at: (offset: number, message: string) => void) {
  const shape = 'positions={[{ claim: "…", source: "source-id" }, …]}';
  if (!tag.selfClosing) at(tag.offset, '<SourcesDisagree> takes no content between tags; write it as one tag ending in />');
  const topic = tag.attributes.find((a) => a.name === 'topic');
  if (!topic?.value?.trim())
    at(topic?.valueOffset ?? tag.offset, '<SourcesDisagree> needs topic="…": the question the sources answer differently');
  const positions = tag.attributes.find((a) => a.name === 'positions');
  if (positions?.expression === undefined) {
    at(positions?.valueOffset ?? tag.offset, `<SourcesDisagree> needs ${shape}: each side's claim and the source that makes it`);
    return;
  }
  const parsed = parsePositions(positions.expression);
  if (!parsed.ok) {
    at(
      positions.valueOffset + parsed.offset,
      `<SourcesDisagree> positions must be written as ${shape}, with each claim and source in quotes`,
    );
    return;
  }
  if (parsed.items.length < 2)
    at(positions.valueOffset, '<SourcesDisagree> needs at least two positions; add the other side with its source');
  parsed.items.forEach((item, i) => {
    const n = i + 1;
    const base = positions.valueOffset;
    for (const [key, value] of Object.entries(item.fields)) {
      if (key === 'claim' || key === 'source') continue;
      at(base + value.offset, `<SourcesDisagree> position ${n} has an unknown field "${key}"; a position has only claim and source`);
    }
    const { claim, source } = item.fields;
    if (!claim?.value.trim())
      at(base + (claim?.offset ?? item.offset), `<SourcesDisagree> position ${n} needs a claim: "…", in the handbook's words`);
    if (!source) {
      at(base + item.offset, `<SourcesDisagree> position ${n} needs a source: "…" naming the source that makes the claim`);
    } else if (!sources.has(source.value)) {
      const hint = didYouMean(source.value, sources);
      at(
        base + source.offset,
        `<SourcesDisagree> position ${n} names an unknown source "${source.value}"; ${hint ? `did you mean "${hint}"?` : `add content/sources/${source.value}.yaml or fix the id`}`,
      );
    }
  });
}

/** Formats a problem as `path:line:column field: message`. */
export const formatProblem = (p: Problem) =>
  `${p.file}:${p.line}:${p.column} ${p.field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
