/**
 * The building blocks every collection query shares: which entries are
 * published, and results kept for the life of a build. Kept apart from the
 * queries (collections.ts, lookups.ts, citations.ts) so each of those reads as
 * a list of queries; pages import everything through src/lib/content.ts.
 */
import { isPublished } from '../drafts.ts';

/** Drafts are previewed with `npm run dev` and never published. */
export const published = <T extends { data: { draft?: boolean } }>(entry: T) => isPublished(entry.data, import.meta.env.DEV);

export const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title);

/**
 * Every page of a build asks for the same sorted collections and the same
 * lookups. Without this, each of n pages re-read and re-sorted whole
 * collections, so a build did O(n² log n) work: at ten thousand entries that
 * dominated the build. Content cannot change during a build, so results are
 * kept for its lifetime; `npm run dev` recomputes so edits show at once.
 */
const memo = new Map<string, Promise<unknown>>();
export function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return compute();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    memo.set(key, hit);
  }
  return hit;
}

/** Groups entries under each id that `keysOf` lists for them, keeping the entries' order. */
export function groupBy<T>(entries: readonly T[], keysOf: (entry: T) => readonly string[]): Map<string, T[]> {
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

export const byId = <T extends { id: string }>(entries: readonly T[]) => new Map(entries.map((e) => [e.id, e]));
