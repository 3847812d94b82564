/**
 * Every collection query the site makes lives here: draft filtering, sorting,
 * resolving references and the "where is this source cited" index. Pages call
 * these helpers and never `getCollection` directly, so the rules stay in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CAREER_STAGES } from '../schemas/role.ts';
import { CLOCK_HOUR_TERM, CREDIT_UNITS } from '../schemas/program-units.ts';
import { SECTORS, SETTING_SECTOR, type CollectionName } from '../schemas/common.ts';
import type { Reuse } from '../schemas/licences.ts';
import { layoutCareerPath, type PathLayout } from './career-path.ts';
import { isPublished } from './drafts.ts';
import { bodyFacts, bodyOfFile, treeOf } from './mdx-tree.ts';
import { citedSourceIds } from './content/cited-sources.ts';

export { citedSourceIds };
import { entryUrl } from './routes.ts';

export type Role = CollectionEntry<'roles'>;
export type Comparison = CollectionEntry<'comparisons'>;
export type Guide = CollectionEntry<'guides'>;
export type Program = CollectionEntry<'programs'>;
export type Framework = CollectionEntry<'frameworks'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type SourceEntry = CollectionEntry<'sources'>;

/** Drafts are previewed with `npm run dev` and never published. */
const published = <T extends { data: { draft?: boolean } }>(entry: T) => isPublished(entry.data, import.meta.env.DEV);

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title);

/**
 * Every page of a build asks for the same sorted collections and the same
 * lookups. Without this, each of n pages re-read and re-sorted whole
 * collections, so a build did O(n² log n) work: at ten thousand entries that
 * dominated the build. Content cannot change during a build, so results are
 * kept for its lifetime; `npm run dev` recomputes so edits show at once.
 */
const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return compute();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    memo.set(key, hit);
  }
  return hit;
}

/**
 * Entries with their MDX body. The data store keeps none (retainBody: false in src/content.config.ts, to keep
 * Vite's bundle small), so the body the pages read (citations, role sections, llms-full.txt) is put back here.
 */
function withBodies<T extends { body?: string | undefined; filePath?: string | undefined }>(entries: T[]): T[] {
  return entries.map((e) => (e.body === undefined && e.filePath?.endsWith('.mdx') ? { ...e, body: bodyOfFile(e.filePath) } : e));
}

/** Groups entries under each id that `keysOf` lists for them, keeping the entries' order. */
function groupBy<T>(entries: readonly T[], keysOf: (entry: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of new Set(keysOf(entry))) {
      const list = groups.get(key);
      if (list) list.push(entry);
      else groups.set(key, [entry]);
    }
  }
  return groups;
}

const byId = <T extends { id: string }>(entries: readonly T[]) => new Map(entries.map((e) => [e.id, e]));

/** Roles in career order (entry level first), then by title. */
export function getRoles(): Promise<readonly Role[]> {
  return once('roles', async () => {
    const stage = (r: Role) => CAREER_STAGES.indexOf(r.data.careerStage);
    return withBodies(await getCollection('roles', published)).sort((a, b) => stage(a) - stage(b) || byTitle(a, b));
  });
}

export function getComparisons(): Promise<readonly Comparison[]> {
  return once('comparisons', async () => withBodies(await getCollection('comparisons', published)).sort(byTitle));
}

export function getGuides(): Promise<readonly Guide[]> {
  return once('guides', async () => withBodies(await getCollection('guides', published)).sort(byTitle));
}

export function getPrograms(): Promise<readonly Program[]> {
  return once('programs', async () => withBodies(await getCollection('programs', published)).sort(byTitle));
}

export function getFrameworks(): Promise<readonly Framework[]> {
  return once('frameworks', async () =>
    (await getCollection('frameworks')).sort((a, b) => frameworkTitle(a).localeCompare(frameworkTitle(b))),
  );
}

export function getGlossary(): Promise<readonly GlossaryEntry[]> {
  return once('glossary', async () => (await getCollection('glossary')).sort((a, b) => a.data.term.localeCompare(b.data.term)));
}

export function getSources(): Promise<readonly SourceEntry[]> {
  return once('sources', async () => (await getCollection('sources')).sort((a, b) => a.data.title.localeCompare(b.data.title)));
}

const GETTERS = {
  roles: getRoles,
  comparisons: getComparisons,
  guides: getGuides,
  programs: getPrograms,
  frameworks: getFrameworks,
  glossary: getGlossary,
  sources: getSources,
} as const satisfies Record<CollectionName, () => Promise<readonly { id: string; data: object }[]>>;

/** The published entries of any collection, in that collection's order (for pages that treat every collection alike, such as open data). */
export function publishedEntries<C extends CollectionName>(collection: C): ReturnType<(typeof GETTERS)[C]> {
  return GETTERS[collection]() as ReturnType<(typeof GETTERS)[C]>;
}

/**
 * At most `limit` entries, most recently updated first (ties keep their order), and how many there are in all.
 * For pages that point into a whole section, such as the home page: listing every entry made the home page
 * grow with the site (2.2 MB at 10,000 entries) while the section index already lists them all.
 */
export function recentlyUpdated<T extends { data: { updated: string; published: string } }>(
  entries: readonly T[],
  limit: number,
): { shown: T[]; total: number } {
  const newest = [...entries].sort(
    (a, b) => b.data.updated.localeCompare(a.data.updated) || b.data.published.localeCompare(a.data.published),
  );
  return { shown: newest.slice(0, limit), total: entries.length };
}

/** A framework's display title: the handbook's own, else the occupation's. */
export const frameworkTitle = (f: Framework) => f.data.handbook?.title ?? `${f.data.occupation.title} competency framework`;

/**
 * Looks entries up by id and fails the build on an unknown one. Schemas already
 * check references, so this only trips if a referenced entry is a draft.
 */
function pick<T>(all: ReadonlyMap<string, T>, ids: readonly string[], what: string, from: string): T[] {
  return ids.map((id) => {
    const found = all.get(id);
    if (!found) throw new Error(`${from} refers to ${what} "${id}", which is missing or a draft; publish it or remove the reference`);
    return found;
  });
}

const rolesById = () => once('roles-by-id', async () => byId(await getRoles()));
const termsById = () => once('glossary-by-id', async () => byId(await getGlossary()));
const sourcesById = () => once('sources-by-id', async () => byId(await getSources()));

export async function rolesByIds(ids: readonly string[], from: string): Promise<Role[]> {
  return pick(await rolesById(), ids, 'role', from);
}

export async function termsByIds(ids: readonly string[], from: string): Promise<GlossaryEntry[]> {
  return pick(await termsById(), ids, 'glossary term', from);
}

export async function sourcesByIds(ids: readonly string[], from: string): Promise<SourceEntry[]> {
  return pick(await sourcesById(), ids, 'source', from);
}

/** When the handbook read each of these sources (`accessed`), for figures whose source shows no date. */
export async function accessedDates(ids: readonly string[], from: string): Promise<ReadonlyMap<string, string | undefined>> {
  return new Map((await sourcesByIds([...new Set(ids)], from)).map((s) => [s.id, s.data.accessed]));
}

/**
/**
 * A competency framework restates the export it comes from, so it carries that export's licence (the handbook
 * cannot relicense it), and its `handbook.adaptation` says how it was changed.
 */
export async function frameworkReuse(handbook: { source: string; adaptation: string }): Promise<Reuse> {
  const [source] = await sourcesByIds([handbook.source], 'A competency framework');
  return { licence: source!.data.licence, adaptedFrom: [{ source: handbook.source, changes: handbook.adaptation }] };
}

/**
 * Glossary entries that explain the units a program is stated in (clock hours,
 * its unit of credit), in that order; a missing term fails the build here.
 */
export async function programUnitTerms(d: Program['data'], from: string): Promise<GlossaryEntry[]> {
  const ids = [...(d.hours ? [CLOCK_HOUR_TERM] : []), ...(d.credits ? [CREDIT_UNITS[d.credits.unit].term] : [])];
  return termsByIds([...new Set(ids)], from);
}

const programsById = () => once('programs-by-id', async () => byId(await getPrograms()));
const comparisonsById = () => once('comparisons-by-id', async () => byId(await getComparisons()));

export async function programById(id: string, from: string): Promise<Program> {
  return pick(await programsById(), [id], 'training program', from)[0]!;
}

export async function comparisonById(id: string, from: string): Promise<Comparison> {
  return pick(await comparisonsById(), [id], 'comparison', from)[0]!;
}

export async function comparisonsForRole(id: string): Promise<readonly Comparison[]> {
  const index = await once('comparisons-by-role', async () => groupBy(await getComparisons(), (c) => c.data.roles));
  return index.get(id) ?? [];
}

export async function guidesForRole(id: string): Promise<readonly Guide[]> {
  const index = await once('guides-by-role', async () => groupBy(await getGuides(), (g) => g.data.roles));
  return index.get(id) ?? [];
}

export async function programsForRole(id: string): Promise<readonly Program[]> {
  const index = await once('programs-by-role', async () => groupBy(await getPrograms(), (p) => p.data.roles));
  return index.get(id) ?? [];
}

/** Roles that list `id` in their reportsTo, i.e. the people this role supervises. */
export async function rolesReportingTo(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-reports-to', async () => groupBy(await getRoles(), (r) => r.data.reportsTo));
  return index.get(id) ?? [];
}

/** Roles that list `id` in their progressesTo: the roles people usually come to this one from. */
export async function rolesProgressingTo(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-progresses-to', async () => groupBy(await getRoles(), (r) => r.data.progressesTo));
  return index.get(id) ?? [];
}

/**
 * The career path across sectors: every role but the occupation entries (which span every stage), each in the lane of
 * its most typical setting, laid out from `progressesTo`.
 */
export function getCareerPath(): Promise<PathLayout> {
  return once('career-path', async () =>
    layoutCareerPath(
      (await getRoles())
        .filter((r) => r.data.careerStage !== 'occupation')
        .map((r) => ({
          id: r.id,
          title: r.data.title,
          caption: r.data.pathLabel,
          lane: SETTING_SECTOR[r.data.settings[0]!],
          progressesTo: r.data.progressesTo,
        })),
      SECTORS,
    ),
  );
}

/** Roles whose `occupation` is `id`: the roles within an occupation. */
export async function rolesInOccupation(id: string): Promise<readonly Role[]> {
  const index = await once('roles-by-occupation', async () =>
    groupBy(await getRoles(), (r) => (r.data.occupation ? [r.data.occupation] : [])),
  );
  return index.get(id) ?? [];
}

/**
 * Everything a page cites, including what components embedded in its body cite
 * from other entries (a comparison's cells, a program's hours). Pages fill
 * Astro.locals.citations from this before rendering, so every note number is
 * fixed before any <Cite> renders, whatever order Astro renders components in.
 */
export async function pageCitations(data: unknown, body?: string): Promise<string[]> {
  const ids = citedSourceIds(data, body);
  for (const { component, id } of body ? bodyFacts(treeOf(body)).embeds : []) {
    if (component === 'HoursChart') ids.push((await programById(id, 'an MDX <HoursChart>')).data.source);
    else {
      const comparison = await comparisonById(id, 'an MDX <ComparisonTable>');
      ids.push(...comparison.data.dimensions.flatMap((row) => row.values.map((cell) => cell.source)));
    }
  }
  return [...new Set(ids)];
}

export interface Citation {
  title: string;
  url: string;
  collection: CollectionName;
}

/** For every source id, the pages that cite it. */
export function citationIndex(): Promise<ReadonlyMap<string, Citation[]>> {
  return once('citation-index', buildCitationIndex);
}

async function buildCitationIndex(): Promise<Map<string, Citation[]>> {
  // Keyed by URL so a repeat is dropped in constant time: a much-cited source is cited by thousands of pages.
  const byUrl = new Map<string, Map<string, Citation>>();
  const add = (sourceId: string, citation: Citation) => {
    let pages = byUrl.get(sourceId);
    if (!pages) byUrl.set(sourceId, (pages = new Map()));
    if (!pages.has(citation.url)) pages.set(citation.url, citation);
  };
  const pages: Array<{ collection: CollectionName; id: string; title: string; data: unknown; body?: string | undefined }> = [
    ...(await getRoles()).map((e) => ({ collection: 'roles' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getComparisons()).map((e) => ({
      collection: 'comparisons' as const,
      id: e.id,
      title: e.data.title,
      data: e.data,
      body: e.body,
    })),
    ...(await getGuides()).map((e) => ({ collection: 'guides' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getPrograms()).map((e) => ({ collection: 'programs' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getFrameworks()).map((e) => ({
      collection: 'frameworks' as const,
      id: e.id,
      title: frameworkTitle(e),
      data: e.data.handbook ?? {},
    })),
    ...(await getGlossary()).map((e) => ({ collection: 'glossary' as const, id: e.id, title: `Glossary: ${e.data.term}`, data: e.data })),
  ];
  for (const page of pages) {
    for (const sourceId of await pageCitations(page.data, page.body)) {
      add(sourceId, { title: page.title, url: entryUrl(page.collection, page.id), collection: page.collection });
    }
  }
  return new Map([...byUrl].map(([sourceId, pages]) => [sourceId, [...pages.values()]]));
}

/**
 * A role page's citations in the order the page shows them (At a glance, then each section of the anatomy:
 * the editor's prose placed there first, then the typed fields), so note numbers rise down the page.
 * `parts` is the body cut by section (bodyByPlace in src/lib/role-anatomy.ts).
 */
export async function roleCitations(d: Role['data'], parts: ReadonlyMap<string, string>, glance: unknown): Promise<string[]> {
  const typed: Record<string, unknown> = {
    'what-they-do': d.responsibilities,
    'work-environment': [d.hours, d.physicalDemands, d.hearingSafety],
    'how-to-become': [d.education, d.training, d.experience, d.entryRoute, d.certifications],
    skills: d.skills,
    pay: d.pay,
    outlook: d.outlook,
    'career-path': [],
    disagreements: d.disagreements,
  };
  const ids = [...citedSourceIds(glance)];
  for (const [section, data] of Object.entries(typed)) {
    ids.push(...(await pageCitations({}, parts.get(section))), ...citedSourceIds(data));
  }
  // Anything the sections above missed (a body part no section shows would be a bug) still gets a note.
  for (const part of parts.values()) ids.push(...(await pageCitations({}, part)));
  ids.push(...citedSourceIds(d));
  return [...new Set(ids)];
}
