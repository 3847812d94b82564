/**
 * Every collection query the site makes lives here: draft filtering, sorting,
 * resolving references and the "where is this source cited" index. Pages call
 * these helpers and never `getCollection` directly, so the rules stay in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CAREER_STAGES } from '../schemas/role.ts';
import type { CollectionName } from '../schemas/common.ts';
import { componentTags, parsePositions } from './mdx-tags.ts';
import { maskCode } from './mdx-text.ts';
import { entryUrl } from './routes.ts';

export type Role = CollectionEntry<'roles'>;
export type Comparison = CollectionEntry<'comparisons'>;
export type Guide = CollectionEntry<'guides'>;
export type Program = CollectionEntry<'programs'>;
export type Framework = CollectionEntry<'frameworks'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type SourceEntry = CollectionEntry<'sources'>;

/** Drafts are previewed with `npm run dev` and never published. */
const published = <T extends { data: { draft?: boolean } }>(entry: T) => import.meta.env.DEV || !entry.data.draft;

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title);

/** Roles in career order (entry level first), then by title. */
export async function getRoles(): Promise<Role[]> {
  const stage = (r: Role) => CAREER_STAGES.indexOf(r.data.careerStage);
  return (await getCollection('roles', published)).sort((a, b) => stage(a) - stage(b) || byTitle(a, b));
}

export async function getComparisons(): Promise<Comparison[]> {
  return (await getCollection('comparisons', published)).sort(byTitle);
}

export async function getGuides(): Promise<Guide[]> {
  return (await getCollection('guides', published)).sort(byTitle);
}

export async function getPrograms(): Promise<Program[]> {
  return (await getCollection('programs', published)).sort(byTitle);
}

export async function getFrameworks(): Promise<Framework[]> {
  return (await getCollection('frameworks')).sort((a, b) => frameworkTitle(a).localeCompare(frameworkTitle(b)));
}

export async function getGlossary(): Promise<GlossaryEntry[]> {
  return (await getCollection('glossary')).sort((a, b) => a.data.term.localeCompare(b.data.term));
}

export async function getSources(): Promise<SourceEntry[]> {
  return (await getCollection('sources')).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

/** A framework's display title: the handbook's own, else the occupation's. */
export const frameworkTitle = (f: Framework) => f.data.handbook?.title ?? `${f.data.occupation.title} competency framework`;

/**
 * Looks entries up by id and fails the build on an unknown one. Schemas already
 * check references, so this only trips if a referenced entry is a draft.
 */
function pick<T extends { id: string }>(all: readonly T[], ids: readonly string[], what: string, from: string): T[] {
  return ids.map((id) => {
    const found = all.find((e) => e.id === id);
    if (!found) throw new Error(`${from} refers to ${what} "${id}", which is missing or a draft; publish it or remove the reference`);
    return found;
  });
}

export async function rolesByIds(ids: readonly string[], from: string): Promise<Role[]> {
  return pick(await getRoles(), ids, 'role', from);
}

export async function termsByIds(ids: readonly string[], from: string): Promise<GlossaryEntry[]> {
  return pick(await getGlossary(), ids, 'glossary term', from);
}

export async function programById(id: string, from: string): Promise<Program> {
  return pick(await getPrograms(), [id], 'training program', from)[0]!;
}

export async function comparisonById(id: string, from: string): Promise<Comparison> {
  return pick(await getComparisons(), [id], 'comparison', from)[0]!;
}

export async function comparisonsForRole(id: string): Promise<Comparison[]> {
  return (await getComparisons()).filter((c) => c.data.roles.includes(id));
}

export async function guidesForRole(id: string): Promise<Guide[]> {
  return (await getGuides()).filter((g) => g.data.roles.includes(id));
}

export async function programsForRole(id: string): Promise<Program[]> {
  return (await getPrograms()).filter((p) => p.data.roles.includes(id));
}

/** Roles that list `id` in their reportsTo, i.e. the people this role supervises. */
export async function rolesReportingTo(id: string): Promise<Role[]> {
  return (await getRoles()).filter((r) => r.data.reportsTo.includes(id));
}

/**
 * Source ids an entry cites, in order of first appearance: frontmatter fields
 * named `source`, `sources` or `onetSource` (at any depth), then, in the body,
 * `<Cite>` tags and the positions of `<SourcesDisagree>`. The order numbers the
 * notes at the foot of the page.
 */
export function citedSourceIds(data: unknown, body?: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'source' || key === 'sources' || key === 'onetSource') found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(data);
  for (const tag of componentTags(maskCode(body ?? ''))) {
    if (tag.name === 'Cite') {
      const source = tag.attributes.find((a) => a.name === 'source')?.value;
      if (source) found.push(source);
    } else if (tag.name === 'SourcesDisagree') {
      const expression = tag.attributes.find((a) => a.name === 'positions')?.expression;
      const parsed = expression === undefined ? undefined : parsePositions(expression);
      if (parsed?.ok) for (const item of parsed.items) if (item.fields.source) found.push(item.fields.source.value);
    }
  }
  return [...new Set(found)];
}

/**
 * Everything a page cites, including what components embedded in its body cite
 * from other entries (a comparison's cells, a program's hours). Pages fill
 * Astro.locals.citations from this before rendering, so every note number is
 * fixed before any <Cite> renders, whatever order Astro renders components in.
 */
export async function pageCitations(data: unknown, body?: string): Promise<string[]> {
  const ids = citedSourceIds(data, body);
  for (const tag of componentTags(maskCode(body ?? ''))) {
    const id = tag.attributes.find((a) => a.name === (tag.name === 'HoursChart' ? 'program' : 'comparison'))?.value;
    if (!id) continue;
    if (tag.name === 'HoursChart') ids.push((await programById(id, 'an MDX <HoursChart>')).data.source);
    if (tag.name === 'ComparisonTable') {
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
export async function citationIndex(): Promise<Map<string, Citation[]>> {
  const index = new Map<string, Citation[]>();
  const add = (sourceId: string, citation: Citation) => {
    const list = index.get(sourceId) ?? [];
    if (!list.some((c) => c.url === citation.url)) list.push(citation);
    index.set(sourceId, list);
  };
  const pages: Array<{ collection: CollectionName; id: string; title: string; data: unknown; body?: string | undefined }> = [
    ...(await getRoles()).map((e) => ({ collection: 'roles' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getComparisons()).map((e) => ({ collection: 'comparisons' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getGuides()).map((e) => ({ collection: 'guides' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getPrograms()).map((e) => ({ collection: 'programs' as const, id: e.id, title: e.data.title, data: e.data, body: e.body })),
    ...(await getFrameworks()).map((e) => ({ collection: 'frameworks' as const, id: e.id, title: frameworkTitle(e), data: e.data.handbook ?? {} })),
    ...(await getGlossary()).map((e) => ({ collection: 'glossary' as const, id: e.id, title: `Glossary: ${e.data.term}`, data: e.data })),
  ];
  for (const page of pages) {
    for (const sourceId of await pageCitations(page.data, page.body)) {
      add(sourceId, { title: page.title, url: entryUrl(page.collection, page.id), collection: page.collection });
    }
  }
  return index;
}
