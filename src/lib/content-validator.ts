/**
 * Checks everything under content/ without building the site, in stages
 * (src/lib/validate/): read the files safely, parse each once (YAML with
 * js-yaml, MDX bodies with the build's own MDX parser), check each entry
 * against its schema, check bodies against the safe MDX subset, then the rules
 * that need every entry (links, drafts, unique titles, career loops).
 *
 * Every problem carries file, line and column. All problems are collected in
 * one pass so an editor can fix a pull request in one go.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_DEFS, CONTENT_DIR, idFromFileName } from '../schemas/collections.ts';
import { COLLECTIONS, ID_PATTERN, type CollectionName, type SchemaContext } from '../schemas/common.ts';
import type { CheckedEntry, GlossaryWords } from './content-warnings.ts';
import { entryWarnings } from './entry-warnings.ts';
import { rememberTree } from './mdx-tree.ts';
import { checkBody, componentSchemas, type InternalLink } from './validate/body-rules.ts';
import { crossEntryRules, type EntryFacts } from './validate/cross-entry.ts';
import { parseSource } from './validate/parse-source.ts';
import { classify, findFiles, notAFileMessage, readContentFile, slugify } from './validate/read-files.ts';
import { locator, rawDataProblems, schemaProblems } from './validate/schema-check.ts';

export { looksLikeContent, slugify } from './validate/read-files.ts';

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
  /** A warning's name, which a validate-ignore comment uses to silence it. */
  rule?: string;
}

export interface ValidateOptions {
  /** Repository root; content is read from `<root>/content`. */
  root: string;
  /** Reference date for "in the future" checks. */
  today?: Date;
  /** Keep each body's tree for the pages of this build (citation numbering, llms-full.txt), so they never parse again. */
  keepTrees?: boolean;
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

interface LoadedFile {
  collection: CollectionName;
  rel: string;
  id: string;
}

const perCollection = <T>(make: () => T) => Object.fromEntries(COLLECTIONS.map((c) => [c, make()])) as Record<CollectionName, T>;

export function validateContent(options: ValidateOptions): ValidationResult {
  const contentRoot = join(options.root, CONTENT_DIR);
  const problems: Problem[] = [];
  const entries = perCollection(() => [] as string[]);
  const data = perCollection(() => new Map<string, unknown>());
  const report = (
    file: string,
    line: number,
    column: number,
    field: string,
    message: string,
    severity: Severity = 'error',
    rule?: string,
  ) => problems.push({ file, line, column, field, message, severity, ...(rule ? { rule } : {}) });

  // content/ itself must be a real folder: a link would make the validator and the build read somewhere else.
  const rootKind = kindOfPath(contentRoot);
  if (rootKind === 'link') {
    report(CONTENT_DIR, 1, 1, 'file', notAFileMessage('a symbolic link'));
    return { problems, entries, data, filesSeen: 0 };
  }

  // 1. Every file is accounted for: loaded by a collection, or reported.
  const found = rootKind === 'dir' ? findFiles(contentRoot) : [];
  const loaded: LoadedFile[] = [];
  for (const file of found) {
    const rel = `${CONTENT_DIR}/${file.path}`;
    if (file.notAFile) {
      report(rel, 1, 1, 'file', notAFileMessage(file.notAFile));
      continue;
    }
    const verdict = classify(file.path);
    if (!verdict.ok) {
      report(rel, 1, 1, 'file', verdict.message);
      continue;
    }
    loaded.push({ collection: verdict.collection, rel, id: idFromFileName(file.path.split('/')[1]!) });
  }

  // 2. Ids: clean, and unique within their collection (even on case-insensitive file systems).
  const ids = perCollection(() => new Set<string>());
  checkIds(loaded, report);
  for (const file of loaded) {
    ids[file.collection].add(file.id);
    entries[file.collection].push(file.rel);
  }

  const context: SchemaContext = options.today ? { ids, today: options.today } : { ids };
  const schemas = perCollection(() => undefined as unknown as ReturnType<(typeof COLLECTION_DEFS)[CollectionName]['schema']>);
  for (const c of COLLECTIONS) schemas[c] = COLLECTION_DEFS[c].schema(context);
  const components = componentSchemas(context);
  const checked: (CheckedEntry & { rel: string })[] = [];
  const facts: EntryFacts[] = [];
  const glossaryWords: GlossaryWords[] = [];

  // 3. Each file: readable, parseable, schema-valid, with a body inside the safe subset.
  for (const file of loaded) {
    const read = readContentFile(join(options.root, file.rel));
    if (!read.ok) {
      report(file.rel, read.line, 1, 'file', read.message);
      continue;
    }
    const parsed = parseSource(read.text, COLLECTION_DEFS[file.collection].extension);
    for (const p of parsed.problems) report(file.rel, p.line, p.column, p.field, p.message);
    if (!parsed.ok) continue;
    const source = parsed.parsed;
    const at = locator(source);
    const raw = rawDataProblems(source.data, at);
    for (const p of raw) report(file.rel, p.line, p.column, p.field, p.message);
    const checkedData = raw.length ? { problems: [] } : schemaProblems(schemas[file.collection], source.data, at);
    for (const p of checkedData.problems) report(file.rel, p.line, p.column, p.field, p.message);
    if (checkedData.data !== undefined) {
      data[file.collection].set(file.id, checkedData.data);
      if (file.collection === 'glossary') {
        const { term, aliases } = checkedData.data as { term: string; aliases: string[] };
        glossaryWords.push({ id: file.id, term, aliases });
      }
    }
    let links: InternalLink[] = [];
    if (source.tree) {
      const body = checkBody(source.tree, source.body!, source.bodyStartLine!, components);
      for (const p of body.problems) report(file.rel, p.line, p.column, p.field, p.message);
      links = body.links;
      if (options.keepTrees) rememberTree(source.body!, source.tree);
    }
    facts.push({ rel: file.rel, collection: file.collection, id: file.id, data: checkedData.data, raw: source.data, links, locate: at });
    checked.push({
      rel: file.rel,
      collection: file.collection,
      data: checkedData.data ?? source.data,
      locate: at,
      tree: source.tree,
    });
  }

  // 4. Rules across entries: links and drafts, unique titles and terms, career loops.
  for (const p of crossEntryRules(facts, ids)) report(p.rel, p.line, p.column, p.field, p.message);

  // Warnings come last: the unlinked-term check needs every glossary entry read first.
  const today = options.today ?? new Date();
  for (const entry of checked) {
    for (const w of entryWarnings(entry, glossaryWords, ids.sources, today))
      report(entry.rel, w.line, w.column, w.field, w.message, 'warning', w.rule);
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.severity.localeCompare(b.severity));
  return { problems, entries, data, filesSeen: found.length };
}

function kindOfPath(path: string): 'dir' | 'link' | 'missing' | 'other' {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

type Reporter = (file: string, line: number, column: number, field: string, message: string) => void;

function checkIds(loaded: readonly LoadedFile[], report: Reporter) {
  // A clash is blamed on the file whose name is not a clean id, so the correctly named file is never reported and
  // each file gets one message that says everything wrong with its name.
  const seen = new Map<string, string>();
  const cleanFirst = [...loaded].sort((a, b) => Number(!ID_PATTERN.test(a.id)) - Number(!ID_PATTERN.test(b.id)));
  for (const file of cleanFirst) {
    const key = `${file.collection}/${file.id.toLowerCase()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, file.rel);
    if (ID_PATTERN.test(file.id)) continue;
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

/** Formats a problem as `path:line:column field: message`, a warning as `… field: warning: message [rule]`. */
export const formatProblem = (p: Problem) =>
  `${p.file}:${p.line}:${p.column} ${p.field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.rule ? ` [${p.rule}]` : ''}`;
