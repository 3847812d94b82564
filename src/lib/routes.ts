/**
 * The site's URL scheme in one place. Pages link with these helpers, and the
 * validator uses them to catch links that a renamed file would break.
 */
import type { CollectionName } from '../schemas/common.ts';

export const SECTION_PATHS = {
  roles: '/roles/',
  comparisons: '/compare/',
  guides: '/guides/',
  programs: '/programs/',
  frameworks: '/competencies/',
} as const satisfies Partial<Record<CollectionName, string>>;

export const PAGE_PATHS = {
  home: '/',
  careerPath: '/career-path/',
  glossary: '/glossary/',
  sources: '/sources/',
  search: '/search/',
  contribute: '/contribute/',
  data: '/data/',
  contributeSchema: '/contribute/schema/',
  contributeComponents: '/contribute/components/',
} as const;

type PagedCollection = keyof typeof SECTION_PATHS;

export const isPagedCollection = (c: CollectionName): c is PagedCollection => c in SECTION_PATHS;

/** The URL of an entry: its own page, or an anchor on a shared page. */
export function entryUrl(collection: CollectionName, id: string): string {
  if (isPagedCollection(collection)) return `${SECTION_PATHS[collection]}${id}/`;
  // Each source has a page of its own (and a line, anchored by its id, on the /sources/ index).
  return collection === 'glossary' ? `${PAGE_PATHS.glossary}#${id}` : `${PAGE_PATHS.sources}${id}/`;
}

/** Every internal path and fragment that exists, given the ids on disk. */
export function knownTargets(ids: Partial<Record<CollectionName, ReadonlySet<string>>>) {
  const paths = new Set<string>([...Object.values(PAGE_PATHS), ...Object.values(SECTION_PATHS)]);
  for (const [collection, base] of Object.entries(SECTION_PATHS)) {
    for (const id of ids[collection as CollectionName] ?? []) paths.add(`${base}${id}/`);
  }
  for (const id of ids.sources ?? []) paths.add(entryUrl('sources', id));
  const fragments = new Map<string, ReadonlySet<string>>([
    [PAGE_PATHS.glossary, ids.glossary ?? new Set()],
    [PAGE_PATHS.sources, ids.sources ?? new Set()],
  ]);
  return { paths, fragments };
}

/** Links to entries that have pages, for lists such as "Related roles". */
export function linksTo(collection: CollectionName, entries: readonly { id: string; data: { title: string } }[]) {
  return entries.map((e) => ({ href: entryUrl(collection, e.id), text: e.data.title }));
}
