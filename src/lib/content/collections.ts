/**
 * Each collection's published entries in its own order, read once per build.
 * Part of src/lib/content.ts, which pages import.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CollectionName } from '../../schemas/common.ts';
import { CAREER_STAGES } from '../../schemas/role.ts';
import { byTitle, once, published } from './memo.ts';

export type Role = CollectionEntry<'roles'>;
export type Comparison = CollectionEntry<'comparisons'>;
export type Guide = CollectionEntry<'guides'>;
export type Program = CollectionEntry<'programs'>;
export type Framework = CollectionEntry<'frameworks'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type SourceEntry = CollectionEntry<'sources'>;

/** Roles in career order (entry level first), then by title. */
export function getRoles(): Promise<readonly Role[]> {
  return once('roles', async () => {
    const stage = (r: Role) => CAREER_STAGES.indexOf(r.data.careerStage);
    return (await getCollection('roles', published)).sort((a, b) => stage(a) - stage(b) || byTitle(a, b));
  });
}

export function getComparisons(): Promise<readonly Comparison[]> {
  return once('comparisons', async () => (await getCollection('comparisons', published)).sort(byTitle));
}

export function getGuides(): Promise<readonly Guide[]> {
  return once('guides', async () => (await getCollection('guides', published)).sort(byTitle));
}

export function getPrograms(): Promise<readonly Program[]> {
  return once('programs', async () => (await getCollection('programs', published)).sort(byTitle));
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
