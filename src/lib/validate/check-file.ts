/**
 * Stages 1 to 4 for one file: read it safely, parse it once, check its data
 * against the schema and its body against the safe MDX subset, and work out
 * its warnings. What comes out is plain data (no functions, no tree unless
 * asked for), so a worker thread can check files and hand the outcome to the
 * main thread (`parallel.ts`), and the one-thread validator gets exactly the
 * same outcome from the same code.
 */
import { join } from 'node:path';
import { COLLECTION_DEFS } from '../../schemas/collections.ts';
import { COLLECTIONS, type CollectionName, type SchemaContext } from '../../schemas/common.ts';
import type { GlossaryWords } from '../content-warnings.ts';
import { entryWarnings } from '../entry-warnings.ts';
import { bodyAnchors, type BodyAnchors } from '../heading-ids.ts';
import type { MdxNode } from '../mdx-tree.ts';
import { checkBody, componentSchemas, type InternalLink } from './body-rules.ts';
import { outcomeKey } from './cache.ts';
import { listedImageFiles } from './image-files.ts';
import { checkImages } from './images.ts';
import { parseSource, yamlOf, type Located } from './parse-source.ts';
import { readContentFile, type ReadResult } from './safe-read.ts';
import { locator, rawDataProblems, schemaProblems, type Locator } from './schema-check.ts';

export interface FileJob {
  collection: CollectionName;
  /** Path relative to the repository root. */
  rel: string;
  id: string;
}

export interface FileProblem extends Located {
  severity: 'error' | 'warning';
  /** A warning's name (src/lib/warning-silences.ts). */
  rule?: string;
}

/** What the rules across entries need from a file that parsed. */
export interface FileFacts {
  /** Schema output, when the entry passed its schema. */
  data?: unknown;
  /** The top-level fields as written, before defaults: whether a field was written at all. */
  written: string[];
  /** The entries the data names (references that exist). */
  refs: EntryRef[];
  links: InternalLink[];
  /** What the body adds to its page's ids, for the #fragment links of every page (`fragments.ts`). */
  anchors: BodyAnchors;
  /**
   * Places a problem found later. It is a function, so a worker thread leaves it out and the main thread reads
   * the file again for the rare problem a rule across entries finds (`rereadingLocator`).
   */
  locate?: Locator;
}

export interface EntryRef {
  collection: CollectionName;
  id: string;
}

export interface FileOutcome {
  problems: FileProblem[];
  facts?: FileFacts;
  /** A glossary entry's words, for the unlinked-term warnings of every other page. */
  glossary?: GlossaryWords;
  /** Image files the page shows or tried to show (content/…), so they are not reported again as unused. */
  imagesShown?: string[];
  /** The key to store this outcome under (`cache.ts`), when the run keeps a cache and the outcome may be stored. */
  key?: string;
  /** Set instead of everything else when an outcome is stored under this key: the main thread takes it from the cache. */
  cached?: string;
  /** The body and its tree, only when the checker keeps trees (a build's pages read them). */
  tree?: { body: string; tree: MdxNode };
}

export interface CheckerSetup {
  root: string;
  ids: SchemaContext['ids'];
  /** Every path listed under content/ and whether it is a regular file (`ValidationPlan.listed`). */
  listed: ReadonlyMap<string, boolean>;
  today?: Date | undefined;
  keepTrees?: boolean | undefined;
  /** With a cache: what every key shares (`OutcomeCache.context`) and the keys already stored. */
  cache?: { context: string; known: ReadonlySet<string> } | undefined;
}

/** Glossary entries are checked before the rest: every other page's warnings need their words. */
export const checkedFirst = (collection: CollectionName) => collection === 'glossary';

export function fileChecker(setup: CheckerSetup) {
  // Every field set from the start, and `refs` emptied rather than deleted: deleting a property would turn the
  // object V8 reads on every reference check into a slower dictionary.
  const context: SchemaContext = { ids: setup.ids, refs: undefined, ...(setup.today ? { today: setup.today } : {}) };
  const schemas = Object.fromEntries(COLLECTIONS.map((c) => [c, COLLECTION_DEFS[c].schema(context)])) as {
    [C in CollectionName]: ReturnType<(typeof COLLECTION_DEFS)[C]['schema']>;
  };
  const components = componentSchemas(context);
  const today = setup.today ?? new Date();
  const imageFiles = listedImageFiles(setup.root, setup.listed);

  /**
   * Checks one file; `glossary` must hold every glossary entry's words unless the file is itself a glossary entry
   * (`glossaryHash` is their `glossaryKey`, for the cache). `readAlready` is the file as another thread read it
   * (`read-ahead.ts`); without it the file is read here.
   */
  return function check(file: FileJob, glossary: readonly GlossaryWords[], glossaryHash = '', readAlready?: ReadResult): FileOutcome {
    const problems: FileProblem[] = [];
    const add = (list: readonly (Located & { rule?: string })[], severity: FileProblem['severity'] = 'error') => {
      for (const p of list)
        problems.push({
          line: p.line,
          column: p.column,
          field: p.field,
          message: p.message,
          severity,
          ...(p.rule ? { rule: p.rule } : {}),
        });
    };
    const read = readAlready ?? readContentFile(join(setup.root, file.rel));
    if (!read.ok) {
      add([{ line: read.line, column: 1, field: 'file', message: read.message }]);
      return { problems };
    }
    const key = setup.cache && outcomeKey(setup.cache.context, checkedFirst(file.collection) ? '' : glossaryHash, file.rel, read.text);
    if (key && setup.cache!.known.has(key)) return { problems, cached: key };
    const parsed = parseSource(read.text, COLLECTION_DEFS[file.collection].extension);
    add(parsed.problems);
    if (!parsed.ok) return key ? { problems, key } : { problems };
    const source = parsed.parsed;
    // Only the YAML text is kept for placing problems later: the whole source would keep the body's tree alive
    // until every file is checked.
    const at = locator({ yamlText: source.yamlText, lineOffset: source.lineOffset });
    const raw = rawDataProblems(source.data, at);
    add(raw);
    context.refs = [];
    const checked = raw.length ? { problems: [] } : schemaProblems(schemas[file.collection], source.data, at);
    // Where each one is written is looked up only for the rare one that breaks a rule (cross-entry.ts).
    const refs = [...new Map(context.refs.map((r) => [`${r.collection}/${r.id}`, r])).values()];
    context.refs = undefined;
    add(checked.problems);
    const outcome: FileOutcome = { problems };
    if (key) outcome.key = key;
    if (checked.data !== undefined && file.collection === 'glossary') {
      const { term, aliases } = checked.data as { term: string; aliases: string[] };
      outcome.glossary = { id: file.id, term, aliases };
    }
    let links: InternalLink[] = [];
    let anchors: BodyAnchors = { headings: [], topics: [], cites: false };
    if (source.tree) {
      const body = checkBody(source.tree, source.body!, source.bodyStartLine!, components);
      add(body.problems);
      links = body.links;
      anchors = bodyAnchors(source.tree);
      const attempted = new Set<string>();
      add(checkImages(source.tree, file, imageFiles, attempted));
      if (attempted.size) {
        outcome.imagesShown = [...attempted];
        // Its outcome depends on the image files too, which the key does not cover.
        delete outcome.key;
      }
      if (setup.keepTrees) outcome.tree = { body: source.body!, tree: source.tree };
    }
    const written = source.data && typeof source.data === 'object' && !Array.isArray(source.data) ? Object.keys(source.data) : [];
    outcome.facts = { data: checked.data, written, refs, links, anchors, locate: at };
    const entry = { collection: file.collection, data: checked.data ?? source.data, locate: at, tree: source.tree };
    const yaml =
      COLLECTION_DEFS[file.collection].extension === '.json' ? undefined : { text: source.yamlText, lineOffset: source.lineOffset };
    add(entryWarnings(entry, glossary, setup.ids.sources ?? new Set(), today, yaml, source.body), 'warning');
    return outcome;
  };
}

/** A locator for a file whose outcome came from another thread: the file's YAML is read again on first use. */
export function rereadingLocator(root: string, file: FileJob): Locator {
  let inner: Locator | undefined;
  return (path) => {
    if (!inner) {
      const read = readContentFile(join(root, file.rel));
      const yaml = read.ok ? yamlOf(read.text, COLLECTION_DEFS[file.collection].extension) : undefined;
      inner = yaml ? locator(yaml) : () => ({ line: 1, column: 1 });
    }
    return inner(path);
  };
}
