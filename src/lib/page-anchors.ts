/**
 * The ids page templates give their own sections, in one place. The templates
 * draw these headings (and their "On this page" entries) from here, and the
 * validator (src/lib/validate/fragments.ts) accepts a `#fragment` link to a
 * page only when the page will have that id: these, the role anatomy
 * (role-anatomy.ts), the ids of the body's headings (heading-ids.ts) and the
 * entries listed on a collection's page. A section drawn only for some entries
 * says so in `shown`, which the template uses to decide too.
 */
import { HANDBOOK_LICENCE } from '../schemas/licences.ts';
import { slugify } from './validate/read-files.ts';

export interface Anchor<D = unknown> {
  id: string;
  title: string;
  /** When the template draws it; always when absent. */
  shown?: (data: D) => boolean;
}

/** Every page's main content (BaseLayout), the target of the skip link. */
export const MAIN_ID = 'main';

/** "Sources for this page" (PageSources), drawn on a page that cites any source. */
export const PAGE_SOURCES_ID = 'page-sources';

/** "Adapted text and license" (PageSources), drawn when the page adapts text or carries a licence of its own. */
export const PAGE_LICENCE_ID = 'page-licence';

/** Whether PageSources draws the licence section for a page's reuse terms. */
export const showsLicence = (reuse: { licence: string; adaptedFrom: readonly unknown[] } | undefined) =>
  reuse !== undefined && (reuse.licence !== HANDBOOK_LICENCE || reuse.adaptedFrom.length > 0);

/** Each disagreement between sources (the "Where sources disagree" section, <SourcesDisagree>) is linkable by its topic. */
export const disagreementId = (topic: string) => `disagreement-${slugify(topic)}`;

type WithDisagreements = { disagreements: readonly unknown[] };

export const COMPARISON_ANCHORS = {
  sideBySide: { id: 'side-by-side', title: 'Side by side' },
  disagreements: {
    id: 'disagreements',
    title: 'Where sources disagree',
    shown: (d: WithDisagreements) => d.disagreements.length > 0,
  },
} as const satisfies Record<string, Anchor<WithDisagreements>>;

export const PROGRAM_ANCHORS = {
  figures: { id: 'figures', title: 'Length, hours and credits' },
  units: { id: 'units', title: 'What the units mean' },
} as const satisfies Record<string, Anchor>;

export const FRAMEWORK_ANCHORS = {
  levels: { id: 'levels', title: 'The four levels' },
  matrix: { id: 'matrix', title: 'Competency matrix' },
  about: { id: 'about', title: 'About this framework' },
} as const satisfies Record<string, Anchor>;

export const SOURCE_ANCHORS = {
  citedOn: { id: 'cited-on', title: 'Cited on' },
} as const satisfies Record<string, Anchor>;

/** /contribute/: the editors' guide. */
export const CONTRIBUTE_ANCHORS = {
  start: { id: 'start', title: 'Start here' },
  where: { id: 'where', title: 'Where content lives' },
  checking: { id: 'checking', title: 'Checking your work' },
  reference: { id: 'reference', title: 'Reference' },
  style: { id: 'style', title: 'House style' },
} as const satisfies Record<string, Anchor>;

/** /career-path/: the occupation section is drawn when some role is an occupation entry. */
export const CAREER_PATH_ANCHORS = {
  bySector: { id: 'by-sector', title: 'Sector by sector' },
  acrossSectors: { id: 'across-sectors', title: 'Moves between sectors' },
  occupation: { id: 'occupation', title: 'The occupation behind the path' },
} as const satisfies Record<string, Anchor>;

/** /career-path/: each sector's list of roles. */
export const sectorId = (sector: string) => `sector-${sector}`;

/** /contribute/components/: each documented component, by its name. */
export const componentId = (name: string) => name.toLowerCase();

/** An "On this page" entry for a template's section. */
export const tocItem = (anchor: Anchor<never>) => ({ slug: anchor.id, text: anchor.title });

/** The ids a template draws for one entry's page, given the entry's data (the schema output). */
export function anchorsShown<D>(anchors: Record<string, Anchor<D>>, data: D): string[] {
  return Object.values(anchors)
    .filter((a) => !a.shown || a.shown(data))
    .map((a) => a.id);
}
