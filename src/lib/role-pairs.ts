/**
 * Every pair of roles, side by side. Each pair has one page at /compare/<a>-vs-<b>/ (ids in alphabetical
 * order): the curated comparison of the two roles where one exists (content/comparisons/, whatever its file is
 * called), otherwise a page built from the two roles' typed fields. With n roles there are n(n-1)/2 pairs, so
 * generated pages are kept light: no social image of their own, and out of the site search, which lists each
 * role once (see README.md, "Comparisons").
 */
import { getComparisons, getRoles, type Comparison, type Role } from './content.ts';
import { entryUrl } from './routes.ts';
import { nameOf } from './search.ts';

export interface RolePair {
  /** "<a>-vs-<b>", the ids in alphabetical order; the page's URL segment. */
  id: string;
  href: string;
  title: string;
  /** The two roles in alphabetical order of id. */
  roles: [Role, Role];
  /** The curated comparison that is this pair's page, if there is one. */
  curated?: Comparison | undefined;
}

/** The page id of a pair, whichever order the ids come in. */
export const pairId = (a: string, b: string) => (a < b ? `${a}-vs-${b}` : `${b}-vs-${a}`);

/** "Sound engineer" → "sound engineer", leaving "O*NET" or "BLS" at the start as it is. */
export const lowerFirst = (title: string) => (/^\p{Lu}[\p{Ll}\s]/u.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title);

/** "Audio technician vs sound engineer": without the notes in brackets some titles carry, so it fits a browser tab. */
export const pairTitle = (a: Role, b: Role) => `${nameOf(a.data.title)} vs ${lowerFirst(nameOf(b.data.title))}`;

let cached: Promise<RolePair[]> | undefined;

/** Every pair, in the order of the roles (career order), each pair once. */
export function rolePairs(): Promise<RolePair[]> {
  if (cached && !import.meta.env.DEV) return cached;
  cached = (async () => {
    const roles = await getRoles();
    const curated = new Map<string, Comparison>();
    for (const c of await getComparisons()) {
      const id = pairId(c.data.roles[0], c.data.roles[1]);
      // The picker on /compare/ builds a pair's address from the two ids, so a curated page must live at it.
      if (c.id !== id) throw new Error(`content/comparisons/${c.id}.mdx compares ${c.data.roles.join(' and ')}; name it ${id}.mdx`);
      if (curated.has(id)) throw new Error(`content/comparisons/${c.id}.mdx: ${id} has two comparisons; keep one`);
      curated.set(id, c);
    }
    const pairs: RolePair[] = [];
    roles.forEach((a, i) => {
      for (const b of roles.slice(i + 1)) {
        const [x, y] = a.id < b.id ? [a, b] : [b, a];
        const id = pairId(x.id, y.id);
        const comparison = curated.get(id);
        pairs.push({
          id,
          href: comparison ? entryUrl('comparisons', comparison.id) : `${entryUrl('comparisons', id)}`,
          title: comparison ? comparison.data.title : pairTitle(x, y),
          roles: [x, y],
          curated: comparison,
        });
      }
    });
    return pairs;
  })();
  return cached;
}

/** The pairs a role is part of, in career order of the other role. */
export async function pairsForRole(id: string): Promise<RolePair[]> {
  return (await rolePairs()).filter((p) => p.roles.some((r) => r.id === id));
}

/** The other role of a pair. */
export const otherRole = (pair: RolePair, id: string) => (pair.roles[0].id === id ? pair.roles[1] : pair.roles[0]);
