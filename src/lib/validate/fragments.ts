/**
 * Stage 5, #fragments: a link to `/roles/x/#pay` or to `#section` of its own
 * page must name an id the target page will have. The ids are worked out as
 * the build will draw them, without rendering: the ids of the body's headings
 * (heading-ids.ts, the same slugger Astro uses), the sections the page's
 * template draws for that entry (page-anchors.ts and role-anatomy.ts, which
 * the templates read too), and the entries listed on a collection's page
 * (/glossary/#term, /sources/#source), and the sections of the editors' pages
 * and the career path. Pages whose ids come from none of these (the home page,
 * search, /data/) are left to the built-site link check.
 */
import type { CollectionName } from '../../schemas/common.ts';
import { editDistance } from '../../schemas/did-you-mean.ts';
import { isDraft } from '../drafts.ts';
import { citedSourceIds } from '../content/cited-sources.ts';
import type { BodyAnchors, BodyHeading } from '../heading-ids.ts';
import {
  anchorsShown,
  CAREER_PATH_ANCHORS,
  COMPARISON_ANCHORS,
  componentId,
  CONTRIBUTE_ANCHORS,
  disagreementId,
  FRAMEWORK_ANCHORS,
  MAIN_ID,
  PAGE_LICENCE_ID,
  PAGE_SOURCES_ID,
  PROGRAM_ANCHORS,
  sectorId,
  showsLicence,
  SOURCE_ANCHORS,
  type Anchor,
} from '../page-anchors.ts';
import { placeOf, ROLE_PAGE_IDS, ROLE_SECTIONS, shownRoleAnchors, type RolePageFacts, type RoleSectionId } from '../role-anatomy.ts';
import { entryUrl, isPagedCollection, PAGE_PATHS } from '../routes.ts';
import { MDX_COMPONENTS } from '../../components/mdx/registry.ts';
import { COLLECTIONS, SETTING_SECTOR } from '../../schemas/common.ts';
import { REGISTRY } from '../../schemas/registry.ts';
import type { InternalLink } from './body-rules.ts';

export interface PageFacts {
  rel: string;
  collection: CollectionName;
  id: string;
  data?: unknown;
  anchors: BodyAnchors;
  links: readonly InternalLink[];
}

export interface FragmentProblem {
  rel: string;
  line: number;
  column: number;
  message: string;
}

const TEMPLATE_ANCHORS: Partial<Record<CollectionName, Record<string, Anchor<never>>>> = {
  comparisons: COMPARISON_ANCHORS,
  programs: PROGRAM_ANCHORS,
  frameworks: FRAMEWORK_ANCHORS,
  sources: SOURCE_ANCHORS,
};

/** A role page draws its body's `##` headings one level down (SubHeading.astro): repeats of a section name go, clashes are renamed. */
const REPEATS = new Set(['overview', ...ROLE_SECTIONS.map((s) => s.title.toLowerCase())]);

function roleBodyIds(headings: readonly BodyHeading[]): string[] {
  return headings.flatMap((h) => {
    if (h.depth !== 2) return [h.id];
    if (REPEATS.has(h.text.trim().toLowerCase())) return [];
    return [ROLE_PAGE_IDS.includes(h.id) ? `about-${h.id}` : h.id];
  });
}

/** The places a role's body fills (role-anatomy.ts `bodyByPlace`): the overview, then each top-level `##` section. */
const rolePlaces = (headings: readonly BodyHeading[]) =>
  new Set<RoleSectionId>([placeOf(undefined), ...headings.filter((h) => h.depth === 2 && h.topLevel).map((h) => placeOf(h.text))]);

/**
 * Whether the page draws "Sources for this page": PageSources lists what the page cites, which is what its data
 * names (`citedSourceIds`, as the pages count it) and its body's <Cite>s; a framework's page cites its handbook notes.
 */
function citesAnything(e: PageFacts): boolean {
  const data = e.collection === 'frameworks' ? ((e.data as { handbook?: unknown }).handbook ?? {}) : e.data;
  return e.anchors.cites || citedSourceIds(data).length > 0;
}

/** Whether PageSources draws the licence section: the page adapts text, or carries another licence (page-meta.ts `entryPageProps`). */
function adaptsText(e: PageFacts): boolean {
  if (e.collection === 'frameworks') return (e.data as { handbook?: unknown }).handbook !== undefined;
  const d = e.data as { licence?: string; adaptedFrom?: unknown[] };
  return d.licence !== undefined && showsLicence({ licence: d.licence, adaptedFrom: d.adaptedFrom ?? [] });
}

/** The ids the template draws for an entry's own page, beyond the body's headings. */
function templateIds(e: PageFacts, comesFrom: ReadonlyMap<string, number>): string[] {
  const ids: string[] = [];
  if (e.collection === 'roles') {
    const facts: RolePageFacts = {
      data: e.data as RolePageFacts['data'],
      places: rolePlaces(e.anchors.headings),
      comesFrom: comesFrom.get(e.id) ?? 0,
    };
    ids.push(...shownRoleAnchors(facts));
  } else {
    const anchors = TEMPLATE_ANCHORS[e.collection];
    if (anchors) ids.push(...anchorsShown(anchors, e.data as never));
  }
  // Roles and comparisons draw their recorded disagreements ("Where sources disagree"), each at its topic.
  if (e.collection === 'roles' || e.collection === 'comparisons') {
    for (const d of (e.data as { disagreements?: { topic: string }[] }).disagreements ?? []) ids.push(disagreementId(d.topic));
  }
  if (e.collection !== 'sources') {
    if (citesAnything(e)) ids.push(PAGE_SOURCES_ID);
    if (adaptsText(e)) ids.push(PAGE_LICENCE_ID);
  }
  return ids;
}

/** The sections of the site's own pages that content may link to, drawn from the same registries as the templates. */
function staticPageIds(published: readonly PageFacts[]): Map<string, Set<string>> {
  const roles = published.filter((e) => e.collection === 'roles').map((e) => e.data as { careerStage: string; settings: string[] });
  const path = roles.filter((r) => r.careerStage !== 'occupation');
  const careerPath = [
    MAIN_ID,
    CAREER_PATH_ANCHORS.bySector.id,
    CAREER_PATH_ANCHORS.acrossSectors.id,
    // The career path files each role in the sector of its first setting (content.ts getCareerPath).
    ...path.map((r) => sectorId(SETTING_SECTOR[r.settings[0] as keyof typeof SETTING_SECTOR])),
    ...(roles.length > path.length ? [CAREER_PATH_ANCHORS.occupation.id] : []),
  ];
  const documented = Object.entries(MDX_COMPONENTS).filter(([, spec]) => 'example' in spec && spec.example);
  return new Map([
    [PAGE_PATHS.contribute, new Set([MAIN_ID, ...Object.values(CONTRIBUTE_ANCHORS).map((a) => a.id)])],
    [PAGE_PATHS.contributeComponents, new Set([MAIN_ID, ...documented.map(([name]) => componentId(name))])],
    // The schema reference has a section per collection, at the collection's name.
    [PAGE_PATHS.contributeSchema, new Set([MAIN_ID, ...COLLECTIONS])],
    [PAGE_PATHS.careerPath, new Set(careerPath)],
  ]);
}

/** Every page whose ids are known, by path, with those ids; pages of entries that failed their schema are left out. */
export function pageIds(entries: readonly PageFacts[], ids: Record<CollectionName, ReadonlySet<string>>): Map<string, Set<string>> {
  const pages = new Map<string, Set<string>>();
  const published = entries.filter((e) => e.data !== undefined && !isDraft(e.data));
  // The glossary lists every term at its id, with the sources of the definitions; the sources index lists every source.
  const glossary = new Set([MAIN_ID, ...(ids.glossary ?? [])]);
  if (published.some((e) => e.collection === 'glossary' && citesAnything(e))) glossary.add(PAGE_SOURCES_ID);
  pages.set(REGISTRY.glossary.path, glossary);
  pages.set(REGISTRY.sources.path, new Set([MAIN_ID, ...(ids.sources ?? [])]));
  for (const [path, own] of staticPageIds(published)) pages.set(path, own);
  const comesFrom = new Map<string, number>();
  for (const e of published) {
    if (e.collection !== 'roles') continue;
    for (const to of (e.data as { progressesTo?: string[] }).progressesTo ?? []) comesFrom.set(to, (comesFrom.get(to) ?? 0) + 1);
  }
  for (const e of entries) {
    if (e.data === undefined || !isPagedCollection(e.collection)) continue;
    const { headings, topics } = e.anchors;
    const body = e.collection === 'roles' ? roleBodyIds(headings) : headings.map((h) => h.id);
    pages.set(entryUrl(e.collection, e.id), new Set([MAIN_ID, ...templateIds(e, comesFrom), ...body, ...topics.map(disagreementId)]));
  }
  return pages;
}

/** The ids nearest the one written, by edit distance: what the message offers as the fix. */
export function nearestIds(fragment: string, known: ReadonlySet<string>, count = 3): string[] {
  const candidates = [...known].filter((id) => id !== MAIN_ID);
  const lower = fragment.toLowerCase();
  return candidates
    .map((id) => ({ id, distance: editDistance(lower, id.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((c) => `#${c.id}`);
}

const orList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** The fragment as a browser compares it with ids: percent-escapes decoded. */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function fragmentProblems(entries: readonly PageFacts[], pages: ReadonlyMap<string, ReadonlySet<string>>): FragmentProblem[] {
  const out: FragmentProblem[] = [];
  for (const e of entries) {
    for (const link of e.links) {
      // `#` alone goes to the top of the page, which always exists.
      if (!link.fragment || link.entry) continue;
      const samePage = link.path === '';
      if (samePage && !isPagedCollection(e.collection)) continue;
      const path = samePage ? entryUrl(e.collection, e.id) : link.path;
      const known = pages.get(path);
      if (!known) continue;
      const fragment = decoded(link.fragment);
      if (known.has(fragment)) continue;
      const nearest = nearestIds(fragment, known);
      const written = samePage ? `#${link.fragment}` : `${link.path}#${link.fragment}`;
      const where = samePage ? 'this page' : path;
      const fix = nearest.length
        ? `link to an id it has, such as ${orList(nearest)}`
        : `it has no sections to link to, so link to ${samePage ? 'the page' : path} itself`;
      out.push({
        rel: e.rel,
        line: link.line,
        column: link.column,
        message: `link to ${written}: ${where} has no id "${fragment}"; ${fix}`,
      });
    }
  }
  return out;
}
