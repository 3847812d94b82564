/**
 * Citations across pages: the notes each page numbers (including what its
 * embedded components cite from other entries, and a role page's order down
 * its anatomy) and, for every source, the pages that cite it. Part of
 * src/lib/content.ts.
 */
import type { CollectionName } from '../../schemas/common.ts';
import { bodyFacts, treeOf } from '../mdx-tree.ts';
import { entryUrl } from '../routes.ts';
import { citedSourceIds } from './cited-sources.ts';
import { frameworkTitle, getComparisons, getFrameworks, getGlossary, getGuides, getPrograms, getRoles, type Role } from './collections.ts';
import { comparisonById, programById } from './lookups.ts';
import { once } from './memo.ts';

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
