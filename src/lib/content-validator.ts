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
import { COLLECTIONS, ID_PATTERN, type CollectionName } from '../schemas/common.ts';
import type { GlossaryWords } from './content-warnings.ts';
import { rememberTree } from './mdx-tree.ts';
import { checkedFirst, fileChecker, rereadingLocator, type FileJob, type FileOutcome } from './validate/check-file.ts';
import { crossEntryRules, type EntryFacts } from './validate/cross-entry.ts';
import { pageIds } from './validate/fragments.ts';
import { isImagePath, strayImages } from './validate/images.ts';
import { classify, findFiles, slugify } from './validate/read-files.ts';
import { notAFileMessage } from './validate/safe-read.ts';

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
  /** Image files under content/ (shown by pages, or reported). */
  images: string[];
  /** The ids each page whose ids are known will have, by path: what a #fragment link may name (`validate/fragments.ts`). */
  pageIds: Map<string, Set<string>>;
}

/** What stages 1 and 2 decide before any file is read: which files each collection loads, and their ids. */
export interface ValidationPlan {
  root: string;
  problems: Problem[];
  entries: Record<CollectionName, string[]>;
  ids: Record<CollectionName, Set<string>>;
  /** Files to check, in the order their problems and entries are reported. */
  files: FileJob[];
  filesSeen: number;
  /** Image files, checked where a page shows them and, if no page does, after every page. */
  images: string[];
  /** Every path listed under content/ (content/…), and whether it is a regular file: images are read only from these. */
  listed: Map<string, boolean>;
}

const perCollection = <T>(make: () => T) => Object.fromEntries(COLLECTIONS.map((c) => [c, make()])) as Record<CollectionName, T>;

const problemReporter =
  (problems: Problem[]) =>
  (file: string, line: number, column: number, field: string, message: string, severity: Severity = 'error', rule?: string) =>
    problems.push({ file, line, column, field, message, severity, ...(rule ? { rule } : {}) });

/** Stages 1 and 2: every file is accounted for (loaded by a collection, or reported), and ids are clean and unique. */
export function planValidation(root: string): ValidationPlan {
  const contentRoot = join(root, CONTENT_DIR);
  const plan: ValidationPlan = {
    root,
    problems: [],
    entries: perCollection(() => []),
    ids: perCollection(() => new Set()),
    files: [],
    filesSeen: 0,
    images: [],
    listed: new Map(),
  };
  const report = problemReporter(plan.problems);

  // content/ itself must be a real folder: a link would make the validator and the build read somewhere else.
  const rootKind = kindOfPath(contentRoot);
  if (rootKind === 'link') {
    report(CONTENT_DIR, 1, 1, 'file', notAFileMessage('a symbolic link'));
    return plan;
  }
  const found = rootKind === 'dir' ? findFiles(contentRoot) : [];
  plan.filesSeen = found.length;
  for (const file of found) {
    const rel = `${CONTENT_DIR}/${file.path}`;
    plan.listed.set(rel, !file.notAFile);
    if (file.notAFile) {
      report(rel, 1, 1, 'file', notAFileMessage(file.notAFile));
      continue;
    }
    // Images are checked where a page shows them (stage 3), and left over ones after every page (stage 5).
    if (isImagePath(file.path)) {
      plan.images.push(rel);
      continue;
    }
    const verdict = classify(file.path);
    if (!verdict.ok) {
      report(rel, 1, 1, 'file', verdict.message);
      continue;
    }
    plan.files.push({ collection: verdict.collection, rel, id: idFromFileName(file.path.split('/')[1]!) });
  }
  checkIds(plan.files, report);
  for (const file of plan.files) {
    plan.ids[file.collection].add(file.id);
    plan.entries[file.collection].push(file.rel);
  }
  return plan;
}

/** Stage 5 and the result: the rules across entries, then every problem in file and line order. */
export function finishValidation(plan: ValidationPlan, outcomes: readonly (FileOutcome | undefined)[]): ValidationResult {
  const problems = [...plan.problems];
  const report = problemReporter(problems);
  const data = perCollection(() => new Map<string, unknown>());
  const facts: EntryFacts[] = [];
  const imagesShown = new Set<string>();
  plan.files.forEach((file, i) => {
    const outcome = outcomes[i];
    if (!outcome) throw new Error(`${file.rel} was never checked`);
    for (const p of outcome.problems) report(file.rel, p.line, p.column, p.field, p.message, p.severity, p.rule);
    for (const image of outcome.imagesShown ?? []) imagesShown.add(image);
    const f = outcome.facts;
    if (!f) return;
    if (f.data !== undefined) data[file.collection].set(file.id, f.data);
    facts.push({
      rel: file.rel,
      collection: file.collection,
      id: file.id,
      data: f.data,
      written: f.written,
      refs: f.refs,
      links: f.links,
      anchors: f.anchors,
      locate: f.locate ?? rereadingLocator(plan.root, file),
    });
  });
  const pages = pageIds(facts, plan.ids);
  for (const p of crossEntryRules(facts, plan.ids, pages)) report(p.rel, p.line, p.column, p.field, p.message);
  for (const p of strayImages(plan.images, plan.ids, imagesShown)) report(p.rel, p.line, p.column, p.field, p.message);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.severity.localeCompare(b.severity));
  return { problems, entries: plan.entries, data, filesSeen: plan.filesSeen, images: plan.images, pageIds: pages };
}

/** Checks content on this thread; `npm run validate` spreads the same work over the cores (`validate/parallel.ts`). */
export function validateContent(options: ValidateOptions): ValidationResult {
  const plan = planValidation(options.root);
  const check = fileChecker({ root: options.root, ids: plan.ids, listed: plan.listed, today: options.today, keepTrees: options.keepTrees });
  const outcomes: FileOutcome[] = [];
  // Glossary entries first, so each other page's warnings are worked out as soon as it is read and its tree let go.
  const glossary: GlossaryWords[] = [];
  plan.files.forEach((file, i) => {
    if (!checkedFirst(file.collection)) return;
    const outcome = (outcomes[i] = check(file, []));
    if (outcome.glossary) glossary.push(outcome.glossary);
  });
  plan.files.forEach((file, i) => {
    if (checkedFirst(file.collection)) return;
    const outcome = (outcomes[i] = check(file, glossary));
    if (outcome.tree) {
      rememberTree(outcome.tree.body, outcome.tree.tree, file.rel);
      delete outcome.tree;
    }
  });
  return finishValidation(plan, outcomes);
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

function checkIds(loaded: readonly FileJob[], report: Reporter) {
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
