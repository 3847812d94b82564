/**
 * The one place the search index is built. After `astro build`, Pagefind's Node
 * API indexes the built pages (only the <article data-pagefind-body> of content
 * pages) and adds one record per glossary term, then writes dist/pagefind/.
 *
 * The build fails unless the index holds exactly the content pages: every
 * published role, comparison, guide, program and competency framework, and every
 * glossary term, each with its content type. The expected list comes from the
 * content itself (through the same schemas as the validator), not from the built
 * HTML, so a page that silently lost its data-pagefind-body is caught.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { CustomRecord, IndexFile } from 'pagefind';
import type { ValidationResult } from '../lib/content-validator.ts';
import { entryUrl, isPagedCollection } from '../lib/routes.ts';
import { SEARCH_TYPES, type SearchCollection, type SearchType } from '../lib/search.ts';
import { COLLECTION_DEFS, CONTENT_DIR } from '../schemas/collections.ts';
import { SEARCH_COLLECTIONS } from '../schemas/registry.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { Role } from '../schemas/role.ts';
import { writeSearchUi } from './search-ui.ts';
import { takeValidatedContent } from './validated-content.ts';

/** Where the bundle goes, relative to the build output; the loader fetches from the same path. */
export const BUNDLE_DIR = 'pagefind';

/** A record the index must hold: the URL a result opens, and the content type it must be filtered under. */
export interface ExpectedRecord {
  url: string;
  type: SearchType;
  /** The content file it comes from, for error messages. */
  file: string;
}

/** What the index actually holds for one record, read back from Pagefind's own output. */
export interface IndexedRecord {
  url: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export interface SearchPlan {
  expected: ExpectedRecord[];
  /** Glossary terms, which share one page and so become records of their own. */
  terms: CustomRecord[];
}

const fileOf = (collection: SearchCollection, id: string) =>
  `${CONTENT_DIR}/${COLLECTION_DEFS[collection].dir}/${id}${COLLECTION_DEFS[collection].extension}`;

/**
 * From validated content, the records the index must hold and the glossary
 * records to add. Drafts are never built for production (see `published` in
 * src/lib/content.ts), so they are not expected either.
 */
export function planSearchIndex(data: ValidationResult['data']): SearchPlan {
  const roles = data.roles as Map<string, Role>;
  const expected: ExpectedRecord[] = [];
  for (const collection of SEARCH_COLLECTIONS) {
    // Glossary terms share one page, so they are added below as records of their own.
    if (!isPagedCollection(collection)) continue;
    for (const [id, entry] of data[collection] as Map<string, { draft?: boolean }>) {
      if (entry.draft) continue;
      expected.push({ url: entryUrl(collection, id), type: SEARCH_TYPES[collection], file: fileOf(collection, id) });
    }
  }

  // A term belongs to the roles whose pages use it, so the "Role" filter keeps it in view.
  const rolesUsing = new Map<string, string[]>();
  for (const role of roles.values()) {
    if (role.draft) continue;
    for (const id of new Set(role.terms)) {
      const using = rolesUsing.get(id);
      if (using) using.push(role.title);
      else rolesUsing.set(id, [role.title]);
    }
  }
  const terms: CustomRecord[] = [];
  for (const [id, term] of data.glossary as Map<string, GlossaryTerm>) {
    const url = entryUrl('glossary', id);
    expected.push({ url, type: SEARCH_TYPES.glossary, file: fileOf('glossary', id) });
    const usedBy = rolesUsing.get(id) ?? [];
    const also = term.aliases.length > 0 ? ` Also called ${term.aliases.join(', ')}.` : '';
    terms.push({
      url,
      language: 'en',
      content: `${term.term}.${also} ${term.definition}`,
      meta: {
        title: term.term,
        description: term.definition,
        type: SEARCH_TYPES.glossary,
        ...(usedBy.length > 0 ? { role: usedBy.join(', ') } : {}),
        // Like a role's name and alternate titles: a match on them ranks the term first (see the loader).
        name: term.term,
        ...(term.aliases.length > 0 ? { aliases: term.aliases.join(', ') } : {}),
      },
      filters: { type: [SEARCH_TYPES.glossary], ...(usedBy.length > 0 ? { role: usedBy } : {}) },
    });
  }
  return { expected, terms };
}

/** Compares what the index holds with what it must hold; each problem names the fix. */
export function checkIndex(expected: readonly ExpectedRecord[], indexed: readonly IndexedRecord[], pageCount: number): string[] {
  const problems: string[] = [];
  const byUrl = new Map(indexed.map((r) => [r.url, r]));
  const expectedUrls = new Set(expected.map((e) => e.url));
  for (const e of expected) {
    const record = byUrl.get(e.url);
    if (!record) {
      problems.push(
        `${e.file}: ${e.url} is missing from the search index; its page must render an <article data-pagefind-body> (pass \`search\` to ArticleLayout)`,
      );
      continue;
    }
    const types = record.filters['type'] ?? [];
    if (types.length !== 1 || types[0] !== e.type) {
      problems.push(`${e.file}: ${e.url} is filed under type ${JSON.stringify(types)} in the search index; expected ["${e.type}"]`);
    }
    if (!record.meta['title']?.trim()) problems.push(`${e.file}: ${e.url} has no title in the search index; the page needs an <h1>`);
  }
  for (const record of indexed) {
    if (!expectedUrls.has(record.url)) {
      problems.push(`${record.url} is in the search index but is not a content page; remove data-pagefind-body from it`);
    }
  }
  if (pageCount !== expected.length) {
    problems.push(`the search index holds ${pageCount} pages but there are ${expected.length} content pages`);
  }
  return problems;
}

const FRAGMENT_PREFIX = 'pagefind_dcd';

const isRecord = (value: unknown): value is IndexedRecord =>
  typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string';

/**
 * Reads the index back from the files Pagefind is about to write: the page count
 * from pagefind-entry.json and each record from the fragments (gzipped JSON behind
 * a short signature). A fragment holds one record, or, once `maxFragments` makes
 * Pagefind bundle them (`en_group_*.pf_fragment`), an object of records keyed by
 * page hash. Pagefind only reports pages it was given, not pages it kept, so this
 * is the one honest count. If Pagefind changes the format, this throws rather
 * than passing blindly.
 */
export function readIndex(files: readonly IndexFile[]): { pageCount: number; records: IndexedRecord[] } {
  const entry = files.find((f) => f.path === 'pagefind-entry.json');
  if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json; cannot check the search index');
  const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> };
  const pageCount = Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
  const records = files
    .filter((f) => f.path.endsWith('.pf_fragment'))
    .flatMap((f) => {
      const unreadable = new Error(`Cannot read the Pagefind fragment ${f.path}; has Pagefind's output format changed?`);
      const text = gunzipSync(f.content).toString('utf8');
      if (!text.startsWith(FRAGMENT_PREFIX)) throw unreadable;
      const parsed = JSON.parse(text.slice(FRAGMENT_PREFIX.length)) as unknown;
      if (isRecord(parsed)) return [parsed];
      const group = typeof parsed === 'object' && parsed !== null ? Object.values(parsed) : [];
      if (group.length === 0 || !group.every(isRecord)) throw unreadable;
      return group;
    });
  return { pageCount, records };
}

const fail = (what: string, errors: readonly string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${what}:\n  ${errors.join('\n  ')}`);
};

export interface SearchIndexOptions {
  /**
   * Caps the number of fragment files; past it Pagefind bundles fragments into shared files. Off by default:
   * at 10,000 entries it cut dist/pagefind/ from about 10,300 files to 1,250 but added about 53 KB to a
   * reader's first search (bench/README.md). Set it for a host that limits how many files a deploy may hold.
   */
  maxFragments?: number;
}

/** Pagefind's settings for this site. */
export function pagefindConfig(options: SearchIndexOptions = {}): pagefind.PagefindServiceConfig {
  return {
    forceLanguage: 'en',
    // Citation markers ("[source 3]") would only clutter excerpts.
    excludeSelectors: ['.cite'],
    ...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
  };
}

/** An index Pagefind is building in its own process while the build's other closing steps run in this one. */
interface PendingIndex {
  plan: SearchPlan;
  /** The index's files, once Pagefind has indexed dist/, added the glossary records and built it. */
  files: Promise<IndexFile[]>;
  started: number;
}

/** Starts Pagefind on the built pages and returns without waiting for it. */
async function startIndex(root: string, outDir: string, options: SearchIndexOptions): Promise<PendingIndex> {
  const started = performance.now();
  const content = takeValidatedContent(root);
  // validate-on-build already stopped a build with content errors; this guards a plan built on partial data.
  if (content.problems.some((p) => p.severity === 'error')) throw new Error('Content has errors; run `npm run validate`');
  const plan = planSearchIndex(content.data);

  const { index, errors } = await pagefind.createIndex(pagefindConfig(options));
  fail('start', errors);
  if (!index) throw new Error('Pagefind did not create an index');
  const files = (async () => {
    const added = await index.addDirectory({ path: outDir });
    fail('index the built pages', added.errors);
    for (const term of plan.terms) fail(`add the glossary term ${term.url}`, (await index.addCustomRecord(term)).errors);
    const built = await index.getFiles();
    fail('build the index', built.errors);
    return built.files;
  })();
  // The finishing step takes the failure; until then it must not count as unhandled.
  files.catch(() => undefined);
  return { plan, files, started };
}

/** Waits for the index, checks it against the content and writes dist/pagefind/. */
async function finishIndex(pending: PendingIndex, outDir: string, logger: AstroIntegrationLogger) {
  const { plan } = pending;
  try {
    const waited = performance.now();
    const files = await pending.files;
    const { pageCount, records } = readIndex(files);
    const problems = checkIndex(plan.expected, records, pageCount);
    if (problems.length > 0) {
      for (const problem of problems) logger.error(problem);
      throw new Error(`The search index does not match the content (${problems.length} problem(s)); see above`);
    }

    // The files just checked are the files written: writeFiles() would have Pagefind build the whole index a
    // second time (19 s at 10,000 entries).
    const bundle = join(outDir, BUNDLE_DIR);
    rmSync(bundle, { recursive: true, force: true });
    for (const file of files) {
      const target = join(bundle, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    const ui = await writeSearchUi(bundle);
    const counts = Object.entries(Object.groupBy(plan.expected, (e) => e.type)).map(([type, list]) => `${list?.length ?? 0} ${type}`);
    const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
    logger.info(
      `indexed ${pageCount} content pages (${counts.join(', ')}) into ${BUNDLE_DIR}/ in ${seconds(pending.started)} s, ` +
        `${seconds(waited)} s of it after the steps that ran meanwhile`,
    );
    const uiBytes = Object.entries(ui).map(([file, bytes]) => `${file} ${bytes}`);
    logger.info(`search interface, brotli: ${uiBytes.join(', ')} bytes`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Two integrations, for the two ends of the build's closing steps: `start` sets Pagefind indexing the built pages
 * in its own process; `finish` waits for it, checks the index and writes it. Whatever is listed between them (the
 * sitemap, the CSP check: steps that read the finished pages and write no HTML) runs in this process meanwhile,
 * instead of this process waiting idle on Pagefind and then running them.
 */
export function searchIndex(options: SearchIndexOptions = {}): { start: AstroIntegration; finish: AstroIntegration } {
  let root = '';
  let pending: PendingIndex | undefined;
  return {
    start: {
      name: 'handbook:search-index-start',
      hooks: {
        'astro:config:done': ({ config }) => {
          root = fileURLToPath(config.root);
        },
        'astro:build:done': async ({ dir }) => {
          pending = await startIndex(root, fileURLToPath(dir), options);
        },
      },
    },
    finish: {
      name: 'handbook:search-index',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          if (!pending) throw new Error('The search index was never started: list searchIndex().start before .finish');
          const started = pending;
          pending = undefined;
          await finishIndex(started, fileURLToPath(dir), logger);
        },
      },
    },
  };
}
