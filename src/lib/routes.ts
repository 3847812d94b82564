/**
 * The site's URL scheme in one place. Pages link with these helpers, and the
 * validator uses them to catch links that a renamed file would break. Where each
 * collection's entries live comes from the collection registry.
 */
import {
  COLLECTIONS,
  isPagedCollection,
  PAGED_COLLECTIONS,
  REGISTRY,
  type CollectionName,
  type PagedCollection,
} from '../schemas/registry.ts';

export { isPagedCollection };

/** The index page of each collection whose entries have pages: /roles/, /compare/… */
export const SECTION_PATHS = Object.fromEntries(PAGED_COLLECTIONS.map((c) => [c, REGISTRY[c].path])) as {
  [K in PagedCollection]: (typeof REGISTRY)[K]['path'];
};

export const PAGE_PATHS = {
  home: '/',
  careerPath: '/career-path/',
  glossary: REGISTRY.glossary.path,
  sources: REGISTRY.sources.path,
  search: '/search/',
  contribute: '/contribute/',
  data: '/data/',
  contributeSchema: '/contribute/schema/',
  contributeComponents: '/contribute/components/',
} as const;

/** The URL of an entry: its own page, or an anchor on its collection's shared page. */
export function entryUrl(collection: CollectionName, id: string): string {
  const { entries, path } = REGISTRY[collection];
  return entries === 'pages' ? `${path}${id}/` : `${path}#${id}`;
}

/** Every internal path that exists, given the ids on disk (which #fragments each page has: validate/fragments.ts). */
export function knownTargets(ids: Partial<Record<CollectionName, ReadonlySet<string>>>) {
  const paths = new Set<string>([...Object.values(PAGE_PATHS), ...COLLECTIONS.map((c) => REGISTRY[c].path)]);
  for (const collection of COLLECTIONS) {
    const { entries, path } = REGISTRY[collection];
    if (entries === 'pages') for (const id of ids[collection] ?? []) paths.add(`${path}${id}/`);
  }
  return { paths };
}

/** Links to entries that have pages, for lists such as "Related roles". */
export function linksTo(collection: CollectionName, entries: readonly { id: string; data: { title: string } }[]) {
  return entries.map((e) => ({ href: entryUrl(collection, e.id), text: e.data.title }));
}
