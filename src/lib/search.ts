/**
 * The vocabulary search shares between the pages (which render filter and
 * metadata attributes) and the index integration (which adds glossary terms and
 * checks that every content page arrived). Keeping the labels here means a
 * filter value can never be spelled two ways.
 */
import { REGISTRY, SEARCH_COLLECTIONS, type SearchCollection, type SearchType } from '../schemas/registry.ts';

export type { SearchCollection, SearchType };

/** The content type of each searchable collection, as readers see it in the "Type" filter (from the collection registry). */
export const SEARCH_TYPES = Object.fromEntries(SEARCH_COLLECTIONS.map((c) => [c, REGISTRY[c].searchType])) as {
  [K in SearchCollection]: (typeof REGISTRY)[K]['searchType'];
};

/** What a content page tells the index about itself, rendered by <SearchData>. */
export interface SearchData {
  type: SearchType;
  /** Titles of the roles the page is about; the "Role" filter and meta. */
  roles: readonly string[];
  /** Where the work happens, as labels; only role pages have settings. */
  settings?: readonly string[];
  /**
   * On role pages only: the role's name and its alternate titles (see `nameOf`).
   * The loader ranks a match on them above a title match, so a role's name leads
   * to its profile before the comparisons and guides that carry it in their titles.
   */
  name?: string;
  aliases?: readonly string[];
}

/**
 * A title or alternate title without the note in brackets that some carry, e.g.
 * "Sound technician (listed by O*NET as …)" is named "Sound technician".
 */
export const nameOf = (title: string) => title.replace(/\s*\([^()]*\)$/, '');
