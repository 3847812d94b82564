/**
 * Every collection query the site makes, in one place: draft filtering,
 * sorting, resolving references and the "where is this source cited" index.
 * Pages call these and never `getCollection` directly, so the rules stay in
 * one place. The queries live in src/lib/content/, one module per concern, so
 * each stays small; this module is the one pages import.
 */
export * from './content/collections.ts';
export * from './content/lookups.ts';
export * from './content/citations.ts';
export { citedSourceIds } from './content/cited-sources.ts';
