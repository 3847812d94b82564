/**
 * Stage 5: rules that need every entry at once. Page titles and glossary terms
 * are unique; links in bodies lead to pages that exist and are published (the
 * one drafts rule, see src/lib/drafts.ts) and their #fragments name ids the
 * target page has (fragments.ts); a career path never loops back on
 * itself; a page adapts text only under a licence that allows it.
 */
import { COLLECTION_DEFS } from '../../schemas/collections.ts';
import { ID_PATTERN, type CollectionName } from '../../schemas/common.ts';
import { didYouMean } from '../../schemas/did-you-mean.ts';
import { formatPath } from '../../schemas/messages.ts';
import type { Source } from '../../schemas/source.ts';
import { isDraft } from '../drafts.ts';
import { licenceProblems } from '../licence-rules.ts';
import { knownTargets, SECTION_PATHS } from '../routes.ts';
import type { InternalLink } from './body-rules.ts';
import type { BodyAnchors } from '../heading-ids.ts';
import { fragmentProblems } from './fragments.ts';

export interface EntryFacts {
  rel: string;
  collection: CollectionName;
  id: string;
  /** Schema output, when the entry passed its schema. */
  data?: unknown;
  /** The top-level fields as written, before defaults: whether a field was written at all. */
  written: readonly string[];
  /** The entries the data names, each with where (a published page may not name a draft). */
  refs: readonly { collection: CollectionName; id: string }[];
  links: InternalLink[];
  anchors: BodyAnchors;
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

export interface CrossProblem {
  rel: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

/** Collections whose entries are pages with their own <title>. */
const TITLED = new Set<CollectionName>(['roles', 'comparisons', 'guides', 'programs']);

const SECTION_OF = new Map<string, CollectionName>(
  Object.entries(SECTION_PATHS).map(([collection, path]) => [path, collection as CollectionName]),
);

export function crossEntryRules(
  entries: readonly EntryFacts[],
  ids: Record<CollectionName, ReadonlySet<string>>,
  pages: ReadonlyMap<string, ReadonlySet<string>>,
): CrossProblem[] {
  const out: CrossProblem[] = [];
  const byKey = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  uniqueTitles(entries, out);
  links(entries, ids, byKey, out);
  for (const p of fragmentProblems(entries, pages)) out.push({ ...p, field: 'body' });
  namedDrafts(entries, byKey, out);
  careerLoops(entries, out);
  licences(entries, out);
  return out;
}

/** Adapted text needs every source's licence (src/lib/licence-rules.ts). */
function licences(entries: readonly EntryFacts[], out: CrossProblem[]) {
  const sources = new Map(entries.filter((e) => e.collection === 'sources' && e.data).map((e) => [e.id, e.data as Source]));
  for (const e of entries) {
    if (!e.data || !TITLED.has(e.collection)) continue;
    const explicit = e.written.includes('licence');
    for (const p of licenceProblems(e.data as Parameters<typeof licenceProblems>[0], sources, explicit)) {
      out.push({ rel: e.rel, ...e.locate(p.path), field: formatPath(p.path), message: p.message });
    }
  }
}

function uniqueTitles(entries: readonly EntryFacts[], out: CrossProblem[]) {
  // Page titles become <title> tags; two pages with one title confuse search results and readers.
  const titles = new Map<string, string>();
  const terms = new Map<string, string>();
  for (const e of entries) {
    if (!e.data) continue;
    // A badly named file already has its error; its title clashing with the well-named twin would only repeat it.
    if (TITLED.has(e.collection) && ID_PATTERN.test(e.id)) {
      const title = (e.data as { title: string }).title.toLowerCase();
      const other = titles.get(title);
      if (other)
        out.push({
          rel: e.rel,
          ...e.locate(['title']),
          field: 'title',
          message: `duplicate title: ${other} already uses it; page titles must be unique, so make one more specific`,
        });
      else titles.set(title, e.rel);
    } else if (e.collection === 'glossary') {
      const term = (e.data as { term: string }).term.toLowerCase();
      const other = terms.get(term);
      if (other)
        out.push({
          rel: e.rel,
          ...e.locate(['term']),
          field: 'term',
          message: `duplicate term "${term}": ${other} already defines it; merge the two entries`,
        });
      else terms.set(term, e.rel);
    }
  }
}

function links(
  entries: readonly EntryFacts[],
  ids: Record<CollectionName, ReadonlySet<string>>,
  byKey: Map<string, EntryFacts>,
  out: CrossProblem[],
) {
  const targets = knownTargets(ids);
  // Without a draft anywhere, no link can lead to one, and the many links need not be looked up.
  const anyDraft = entries.some((e) => isDraft(e.data));
  for (const e of entries) {
    const published = !isDraft(e.data);
    for (const link of e.links) {
      const at = { rel: e.rel, line: link.line, column: link.column, field: 'body' };
      const { path } = link;
      // Links within the page are checked with every other #fragment (fragments.ts).
      if (path === '' || path.startsWith('/data/')) continue;
      if (!link.entry && !targets.paths.has(path)) {
        const hint = didYouMean(path, targets.paths);
        out.push({
          ...at,
          message: `link to ${path} goes nowhere (a renamed or missing page?); ${hint ? `did you mean ${hint}?` : 'fix the address'}`,
        });
        continue;
      }
      if (!published || !anyDraft) continue;
      const target = link.entry ?? entryAt(path);
      const entry = target && byKey.get(`${target.collection}/${target.id}`);
      if (entry && isDraft(entry.data)) {
        out.push({
          ...at,
          message: `${link.entry ? 'this component shows' : 'this links to'} ${entry.rel}, which is a draft and is not published; publish it (remove draft: true) or remove the ${link.entry ? 'component' : 'link'}`,
        });
      }
    }
  }
}

/** The drafts rule for frontmatter: a published page may not name a draft (the build would fail on it without a line). */
function namedDrafts(entries: readonly EntryFacts[], byKey: Map<string, EntryFacts>, out: CrossProblem[]) {
  // Without a draft anywhere, no reference can name one, and the many references need not be looked up.
  if (!entries.some((e) => isDraft(e.data))) return;
  for (const e of entries) {
    if (isDraft(e.data)) continue;
    for (const ref of e.refs) {
      const target = byKey.get(`${ref.collection}/${ref.id}`);
      if (!target || target === e || !isDraft(target.data)) continue;
      // Ids are distinctive, so the first place the id is written is where the reference is.
      const path = pathOf(e.data, ref.id) ?? [];
      out.push({
        rel: e.rel,
        ...e.locate(path),
        field: formatPath(path),
        message: `names ${target.rel}, which is a draft and is not published; publish it (remove draft: true) or remove "${ref.id}" here`,
      });
    }
  }
}

function pathOf(value: unknown, id: string, path: (string | number)[] = []): (string | number)[] | undefined {
  if (value === id) return path;
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    const found = pathOf(child, id, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function entryAt(path: string): { collection: CollectionName; id: string } | undefined {
  const match = /^(\/[^/]+\/)([^/]+)\/$/.exec(path);
  const collection = match ? SECTION_OF.get(match[1]!) : undefined;
  return collection && match ? { collection, id: match[2]! } : undefined;
}

/** progressesTo must lead onward: a role that lists itself, or a loop of roles, is reported where the loop closes. */
function careerLoops(entries: readonly EntryFacts[], out: CrossProblem[]) {
  const roles = entries.filter((e) => e.collection === 'roles' && e.data);
  const next = new Map(roles.map((r) => [r.id, ((r.data as { progressesTo?: string[] }).progressesTo ?? []) as string[]]));
  const byId = new Map(roles.map((r) => [r.id, r]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    (next.get(id) ?? []).forEach((to, index) => {
      if (!next.has(to)) return;
      const role = byId.get(id)!;
      if (to === id) {
        out.push({
          rel: role.rel,
          ...role.locate(['progressesTo', index]),
          field: `progressesTo[${index}]`,
          message: `progressesTo lists this role itself; a role progresses to a different role, so remove "${to}"`,
        });
      } else if (state.get(to) === 'open') {
        const loop = [...stack.slice(stack.indexOf(to)), to].join(' → ');
        out.push({
          rel: role.rel,
          ...role.locate(['progressesTo', index]),
          field: `progressesTo[${index}]`,
          message: `progressesTo makes a loop (${loop}); a career path must lead onward, so remove one of these steps`,
        });
      } else if (!state.has(to)) {
        visit(to);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const r of roles) if (!state.has(r.id)) visit(r.id);
}

export const collectionNoun = (c: CollectionName) => COLLECTION_DEFS[c].noun;
