/**
 * The collection registry: everything the site knows about each kind of entry,
 * in one place. The folder and extension it loads, what an entry is called in
 * messages and on pages, where its pages live, its label in the header and the
 * breadcrumbs, its type in search and its heading in llms.txt all come from here.
 * Types (`CollectionName`, `PagedCollection`, `SearchCollection`) are derived
 * from it, so adding a collection is one entry here plus its schema in
 * `collections.ts`, which the compiler then asks for.
 *
 * It holds no schemas itself so that the schema building blocks (`common.ts`)
 * can read it without an import cycle; `collections.ts` pairs each entry with
 * its schema.
 */

interface RegistryEntry {
  /** The one file extension the collection loads from content/<name>/. */
  extension: '.mdx' | '.yaml' | '.json';
  /** What one entry is, in lower case, for messages and documentation: "role profile". */
  noun: string;
  /** What an id in this collection names, in reference messages: "names an unknown role id". */
  idOf: string;
  /** Plural heading for lists of entries (llms.txt, open data): "Roles". */
  plural: string;
  /** Short section label, used in the header navigation and breadcrumbs: "Roles". */
  label: string;
  /**
   * Where entries are shown: `pages` gives each entry its own page at `<path><id>/`;
   * `anchors` lists every entry on one page, each at `<path>#<id>`.
   */
  entries: 'pages' | 'anchors';
  path: `/${string}/`;
  /** Listed in the site header. */
  nav: boolean;
  /** The entry's content type in search's "Type" filter; absent when its entries are not searchable. */
  searchType?: string;
  /** The word after `npm run new --` that starts an entry from a template; absent when there is no template. */
  template?: string;
}

export const REGISTRY = {
  roles: {
    extension: '.mdx',
    noun: 'role profile',
    idOf: 'role',
    plural: 'Roles',
    label: 'Roles',
    entries: 'pages',
    path: '/roles/',
    nav: true,
    searchType: 'Role',
    template: 'role',
  },
  comparisons: {
    extension: '.mdx',
    noun: 'comparison',
    idOf: 'comparison',
    plural: 'Comparisons',
    label: 'Compare',
    entries: 'pages',
    path: '/compare/',
    nav: true,
    searchType: 'Comparison',
    template: 'comparison',
  },
  guides: {
    extension: '.mdx',
    noun: 'guide',
    idOf: 'guide',
    plural: 'Guides',
    label: 'Guides',
    entries: 'pages',
    path: '/guides/',
    nav: true,
    searchType: 'Guide',
    template: 'guide',
  },
  programs: {
    extension: '.mdx',
    noun: 'training program',
    idOf: 'training program',
    plural: 'Training programs',
    label: 'Training',
    entries: 'pages',
    path: '/programs/',
    nav: true,
    searchType: 'Program',
    template: 'program',
  },
  frameworks: {
    extension: '.json',
    noun: 'competency framework',
    idOf: 'framework',
    plural: 'Competency frameworks',
    label: 'Competencies',
    entries: 'pages',
    path: '/competencies/',
    nav: true,
    searchType: 'Competency',
  },
  glossary: {
    extension: '.yaml',
    noun: 'glossary term',
    idOf: 'glossary term',
    plural: 'Glossary',
    label: 'Glossary',
    entries: 'anchors',
    path: '/glossary/',
    nav: true,
    searchType: 'Glossary term',
    template: 'term',
  },
  sources: {
    extension: '.yaml',
    noun: 'source',
    idOf: 'source',
    plural: 'Sources',
    label: 'Sources',
    // One page per source: the index stays one short line each, inside the first-visit budget however many there are.
    entries: 'pages',
    path: '/sources/',
    nav: false,
    template: 'source',
  },
} as const satisfies Record<string, RegistryEntry>;

type Registry = typeof REGISTRY;
export type CollectionName = keyof Registry;

/** Every collection, in the registry's order (the order of the site's sections). */
export const COLLECTIONS = Object.keys(REGISTRY) as CollectionName[];

/** Collections whose entries have pages of their own. */
export type PagedCollection = { [K in CollectionName]: Registry[K]['entries'] extends 'pages' ? K : never }[CollectionName];
/** Collections whose entries are listed in search. */
export type SearchCollection = { [K in CollectionName]: Registry[K] extends { searchType: string } ? K : never }[CollectionName];
export type SearchType = Registry[SearchCollection]['searchType'];
/** Collections with an `npm run new` template, and the words that start one. */
export type TemplateCollection = { [K in CollectionName]: Registry[K] extends { template: string } ? K : never }[CollectionName];
export type TemplateWord = Registry[TemplateCollection]['template'];

export const PAGED_COLLECTIONS = COLLECTIONS.filter((c): c is PagedCollection => REGISTRY[c].entries === 'pages');
export const SEARCH_COLLECTIONS = COLLECTIONS.filter((c): c is SearchCollection => 'searchType' in REGISTRY[c]);
export const TEMPLATE_COLLECTIONS = COLLECTIONS.filter((c): c is TemplateCollection => 'template' in REGISTRY[c]);

export const isPagedCollection = (c: CollectionName): c is PagedCollection => REGISTRY[c].entries === 'pages';

/** Every collection keeps its files in content/<name>/. */
export const CONTENT_DIR = 'content';
export const folderOf = (c: CollectionName) => `${CONTENT_DIR}/${c}/`;

/** "Role profile": what an entry is, capitalised, shown above page titles and on social images. */
export const kindOf = (c: CollectionName) => {
  const noun: string = REGISTRY[c].noun;
  return noun[0]!.toUpperCase() + noun.slice(1);
};
