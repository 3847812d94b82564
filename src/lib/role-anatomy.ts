/**
 * The sections of a role page, in their fixed order (README.md, "Role pages"), and where an editor's own
 * `##` section of the MDX body is shown: a body section headed "Getting in" sits under "How to become one",
 * "Pay and outlook, with dates" under "Pay", and anything the words do not place under "What they do". The
 * body's headings are set one level down there (h3), so no section of the page appears twice.
 */
import { PAGE_SOURCES_ID } from './page-anchors.ts';

/**
 * What decides which sections a role page draws: its data, the places its MDX body fills (`bodyByPlace`), and how
 * many published roles lead to it. The page and the validator's fragment check both decide from these, so a
 * `#pay` link is accepted exactly when the page has a Pay section.
 */
export interface RolePageFacts {
  data: Record<
    | 'hours'
    | 'physicalDemands'
    | 'hearingSafety'
    | 'settings'
    | 'education'
    | 'training'
    | 'experience'
    | 'certifications'
    | 'skills'
    | 'pay'
    | 'outlook'
    | 'disagreements',
    readonly unknown[]
  >;
  places: ReadonlySet<RoleSectionId>;
  comesFrom: number;
}

type Shown = (f: RolePageFacts) => boolean;
const always: Shown = () => true;
const any =
  (...fields: (keyof RolePageFacts['data'])[]): Shown =>
  (f) =>
    fields.some((field) => f.data[field].length > 0);

export const ROLE_SECTIONS = [
  { id: 'at-a-glance', title: 'At a glance', shown: always },
  { id: 'what-they-do', title: 'What they do', shown: always },
  {
    id: 'work-environment',
    title: 'Work environment',
    shown: (f: RolePageFacts) =>
      any('hours', 'physicalDemands', 'hearingSafety')(f) || f.data.settings.length > 1 || f.places.has('work-environment'),
  },
  {
    id: 'how-to-become',
    title: 'How to become one',
    shown: (f: RolePageFacts) =>
      any('education', 'training', 'experience', 'certifications')(f) || f.comesFrom > 0 || f.places.has('how-to-become'),
  },
  { id: 'skills', title: 'Skills', shown: (f: RolePageFacts) => any('skills')(f) || f.places.has('skills') },
  { id: 'pay', title: 'Pay', shown: (f: RolePageFacts) => any('pay')(f) || f.places.has('pay') },
  { id: 'outlook', title: 'Job outlook', shown: (f: RolePageFacts) => any('outlook')(f) || f.places.has('outlook') },
  { id: 'career-path', title: 'Career path and related roles', shown: always },
  {
    id: 'disagreements',
    title: 'Where sources disagree',
    shown: (f: RolePageFacts) => any('disagreements')(f) || f.places.has('disagreements'),
  },
] as const;

export type RoleSectionId = (typeof ROLE_SECTIONS)[number]['id'];

/** The `###` headings the page draws from typed fields inside a section, each only when it has something to list. */
export const ROLE_SUBSECTIONS = [
  { id: 'hours', title: 'Hours', in: 'work-environment', shown: any('hours') },
  { id: 'physical-demands', title: 'Physical demands', in: 'work-environment', shown: any('physicalDemands') },
  { id: 'hearing-safety', title: 'Hearing safety', in: 'work-environment', shown: any('hearingSafety') },
  { id: 'education', title: 'Education', in: 'how-to-become', shown: any('education') },
  { id: 'training', title: 'Training', in: 'how-to-become', shown: any('training') },
  { id: 'experience', title: 'Experience', in: 'how-to-become', shown: any('experience') },
  { id: 'entry-routes', title: 'Entry routes', in: 'how-to-become', shown: (f: RolePageFacts) => f.comesFrom > 0 },
  { id: 'certifications', title: 'Certifications', in: 'how-to-become', shown: any('certifications') },
] as const satisfies readonly { id: string; title: string; in: RoleSectionId; shown: Shown }[];

export type RoleSubsectionId = (typeof ROLE_SUBSECTIONS)[number]['id'];
export type RoleAnchor = RoleSectionId | RoleSubsectionId;

/** The sections and sub-sections a role page draws, in page order. */
export function shownRoleAnchors(facts: RolePageFacts): Set<RoleAnchor> {
  const shown = new Set<RoleAnchor>(ROLE_SECTIONS.filter((s) => s.shown(facts)).map((s) => s.id));
  for (const sub of ROLE_SUBSECTIONS) if (shown.has(sub.in) && sub.shown(facts)) shown.add(sub.id);
  return shown;
}

/** A section's or sub-section's id and heading, for the page to draw. */
export const roleAnchor = (id: RoleAnchor) => [...ROLE_SECTIONS, ...ROLE_SUBSECTIONS].find((s) => s.id === id)!;

/** Ids the page gives its own headings (a role always cites sources, so PageSources is always drawn); a body heading with one of them is renamed (SubHeading.astro), so no id is given twice. */
export const ROLE_PAGE_IDS: readonly string[] = [...ROLE_SECTIONS.map((s) => s.id), ...ROLE_SUBSECTIONS.map((s) => s.id), PAGE_SOURCES_ID];

/** Words in a body heading that place its section, tried in this order. */
const PLACES: [RegExp, RoleSectionId][] = [
  [/\b(pay|salar|earn|wage|money|official figures)/i, 'pay'],
  [/\b(outlook|jobs in numbers|demand|prospects)/i, 'outlook'],
  [/\b(hours|conditions|hearing|environment|travel|demands|show day|safety)/i, 'work-environment'],
  [/\b(getting in|get started|become|way in|preparation|learn|training|qualif|certif|education|who gets)/i, 'how-to-become'],
  [/\bskill/i, 'skills'],
  [/\b(leads|career path|next step|progress|moving on)/i, 'career-path'],
];

/** The section a body heading belongs under; `undefined` (the text before the first heading) is the overview. */
export function placeOf(heading: string | undefined): RoleSectionId {
  if (heading === undefined || /^overview$/i.test(heading.trim())) return 'what-they-do';
  return PLACES.find(([words]) => words.test(heading))?.[1] ?? 'what-they-do';
}

/** The tag a body section is wrapped in at build time (src/lib/markdown-plugins.ts), one per place. */
export const placeTag = (place: RoleSectionId) => `role-${place}`;

/**
 * The MDX body of a role, cut at its `##` headings and grouped by place, in the body's order: which sections
 * have prose of the editor's, and the text to number its citations from. Fenced code is not cut.
 */
export function bodyByPlace(body: string): Map<RoleSectionId, string> {
  const parts = new Map<RoleSectionId, string>();
  let place = placeOf(undefined);
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.*)$/.exec(line);
    if (heading) place = placeOf(heading[1]!.replace(/[*_`]/g, ''));
    parts.set(place, `${parts.get(place) ?? ''}${line}\n`);
  }
  for (const [place, text] of parts) if (!text.trim()) parts.delete(place);
  return parts;
}
