/**
 * Titles, descriptions and types of every page, in one place. Pages read their
 * own head tags from here, and so do the social images, llms.txt, the feed and
 * the sitemap, so none of them can drift from what the page says.
 */
import {
  frameworkTitle,
  getComparisons,
  getFrameworks,
  getGuides,
  getPrograms,
  getRoles,
  getSources,
  type SourceEntry,
} from './content.ts';
import { entryUrl, PAGE_PATHS, SECTION_PATHS } from './routes.ts';
import type { PageLicence, Reuse } from '../schemas/licences.ts';

export type { Reuse };
import { folderOf, kindOf, REGISTRY, type CollectionName, type PagedCollection } from '../schemas/registry.ts';
import { SITE_NAME } from './site.ts';

export interface PageMeta {
  path: string;
  title: string;
  description: string;
  /** What kind of page it is, shown on social images and above titles. */
  type: string;
  published?: string | undefined;
  updated?: string | undefined;
}

export const STATIC_PAGES = {
  home: {
    path: PAGE_PATHS.home,
    title: SITE_NAME,
    description:
      'A cited guide to careers in sound: audio technicians, assistant engineers and sound engineers, their training, pay and skills.',
    type: 'Handbook',
  },
  roles: {
    path: SECTION_PATHS.roles,
    title: 'Roles',
    description:
      'Profiles of the jobs in sound: what each role does, the skills it needs, what it pays and where it leads. Listed from entry level up.',
    type: 'Index',
  },
  comparisons: {
    path: SECTION_PATHS.comparisons,
    title: 'Compare roles',
    description: 'Side-by-side comparisons of roles in sound, with a source for every cell and the points where sources disagree.',
    type: 'Index',
  },
  guides: {
    path: SECTION_PATHS.guides,
    title: 'Guides',
    description: 'Long-form guides to working in sound: what the jobs involve day to day and how people move between them.',
    type: 'Index',
  },
  programs: {
    path: SECTION_PATHS.programs,
    title: 'Training programs',
    description: 'Training programs in audio and how their clock hours split between instruction, lab work and internship.',
    type: 'Index',
  },
  frameworks: {
    path: SECTION_PATHS.frameworks,
    title: 'Competency frameworks',
    description: 'What each level of competence looks like, from emerging to advanced, set out as a matrix of topics and levels.',
    type: 'Index',
  },
  careerPath: {
    path: PAGE_PATHS.careerPath,
    title: 'Career path',
    description:
      'How people move between sound roles in live sound, studios, film and TV, broadcast and games, drawn from the roles the handbook profiles.',
    type: 'Overview',
  },
  glossary: {
    path: PAGE_PATHS.glossary,
    title: 'Glossary',
    description: 'Plain-English definitions of the sound-engineering terms used across the handbook, from gain staging to front of house.',
    type: 'Reference',
  },
  sources: {
    path: PAGE_PATHS.sources,
    title: 'Sources',
    description: 'Every document the handbook draws on, with its publisher, date, license, and the pages that cite it.',
    type: 'Reference',
  },
  search: {
    path: PAGE_PATHS.search,
    title: 'Search',
    description: "Search the handbook's roles, comparisons, guides, training programs, competencies and glossary terms.",
    type: 'Search',
  },
  contribute: {
    path: PAGE_PATHS.contribute,
    title: 'Contribute',
    description: 'How editors add and correct roles, guides, glossary terms and sources through pull requests, and how the checks help.',
    type: 'For editors',
  },
  contributeSchema: {
    path: PAGE_PATHS.contributeSchema,
    title: 'Field reference',
    description: 'Every field of every kind of handbook entry: its type, whether it is required, the values it allows and what it is for.',
    type: 'For editors',
  },
  contributeComponents: {
    path: PAGE_PATHS.contributeComponents,
    title: 'Components for MDX pages',
    description:
      'The components editors can use in MDX pages, each shown as the source you write next to what readers see, with its attributes.',
    type: 'For editors',
  },
  data: {
    path: PAGE_PATHS.data,
    title: 'Open data',
    description:
      'The handbook as JSON, one file per collection from roles and guides to the glossary and sources, each with a JSON Schema and license.',
    type: 'Reference',
  },
  notFound: {
    path: '/404/',
    title: 'Page not found',
    description: 'This address does not match any page in the Sound Careers Handbook. Try search or the indexes instead.',
    type: 'Error',
  },
} as const satisfies Record<string, PageMeta>;

type EntryCollection = Exclude<PagedCollection, 'frameworks'>;

/** The source file of an entry, for "Edit this page" and for error messages. */
export const entrySource = (collection: CollectionName, id: string) => `${folderOf(collection)}${id}${REGISTRY[collection].extension}`;

/** The ArticleLayout props every entry page shares: its head tags, dates, breadcrumbs and source file. */
export function entryPageProps(
  collection: EntryCollection,
  entry: {
    id: string;
    data: {
      title: string;
      description: string;
      published: string;
      updated: string;
      draft: boolean;
      licence: PageLicence;
      adaptedFrom: readonly { source: string; changes: string }[];
    };
  },
) {
  const d = entry.data;
  return {
    title: d.title,
    description: d.description,
    kind: kindOf(collection),
    breadcrumbs: [
      { label: 'Home', href: PAGE_PATHS.home },
      { label: REGISTRY[collection].label, href: REGISTRY[collection].path },
    ],
    published: d.published,
    updated: d.updated,
    draft: d.draft,
    source: entrySource(collection, entry.id),
    reuse: { licence: d.licence, adaptedFrom: d.adaptedFrom } satisfies Reuse,
  };
}

/** Every published page of the site except the 404 page, content pages first. */
export async function allPages(): Promise<PageMeta[]> {
  const content: PageMeta[] = [
    ...(await getRoles()).map((e) => ({ path: entryUrl('roles', e.id), type: kindOf('roles'), ...pick(e.data) })),
    ...(await getComparisons()).map((e) => ({ path: entryUrl('comparisons', e.id), type: kindOf('comparisons'), ...pick(e.data) })),
    ...(await getGuides()).map((e) => ({ path: entryUrl('guides', e.id), type: kindOf('guides'), ...pick(e.data) })),
    ...(await getPrograms()).map((e) => ({ path: entryUrl('programs', e.id), type: kindOf('programs'), ...pick(e.data) })),
    ...(await getFrameworks()).map((f) => ({
      path: entryUrl('frameworks', f.id),
      type: kindOf('frameworks'),
      title: frameworkTitle(f),
      description: f.data.handbook?.description ?? `Competency levels for ${f.data.occupation.title}, from emerging to advanced.`,
      updated: f.data.handbook?.updated,
    })),
  ];
  const statics = Object.values(STATIC_PAGES).filter((p) => p.path !== STATIC_PAGES.notFound.path);
  const sources = [...sourcePagesMeta(await getSources()).values()];
  return [...content, ...statics, ...sources];
}

/** Cut at a word so the text fits in `max` characters, with an ellipsis when cut. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * Each source's own page, by id. Page titles must be unique and at most 70 characters, but source titles are long and
 * two publishers may use the same one, so a shared title gets its publisher and every title is cut to fit.
 */
export function sourcePagesMeta(sources: readonly SourceEntry[]): Map<string, PageMeta> {
  const count = new Map<string, number>();
  for (const s of sources) count.set(s.data.title, (count.get(s.data.title) ?? 0) + 1);
  return new Map(
    sources.map((s) => {
      const name = count.get(s.data.title)! > 1 ? `${s.data.title} (${s.data.publisher})` : s.data.title;
      const description = `${s.data.title}, from ${s.data.publisher}: its date, license and every handbook page that cites it.`;
      return [
        s.id,
        { path: entryUrl('sources', s.id), title: fit(`Source: ${name}`, 70), description: fit(description, 160), type: kindOf('sources') },
      ];
    }),
  );
}

function pick(d: { title: string; description: string; published: string; updated: string }) {
  return { title: d.title, description: d.description, published: d.published, updated: d.updated };
}

/** The social preview image of a page: /og/<path>.png, with / for the home page as "home". */
export function ogImagePath(pagePath: string): string {
  const slug = pagePath.replace(/^\/|\/$/g, '').replaceAll('/', '--') || 'home';
  return `/og/${slug}.png`;
}
