/**
 * The sections of a role page, in their fixed order (README.md, "Role pages"), and where an editor's own
 * `##` section of the MDX body is shown: a body section headed "Getting in" sits under "How to become one",
 * "Pay and outlook, with dates" under "Pay", and anything the words do not place under "What they do". The
 * body's headings are set one level down there (h3), so no section of the page appears twice.
 */
export const ROLE_SECTIONS = [
  { id: 'at-a-glance', title: 'At a glance' },
  { id: 'what-they-do', title: 'What they do' },
  { id: 'work-environment', title: 'Work environment' },
  { id: 'how-to-become', title: 'How to become one' },
  { id: 'skills', title: 'Skills' },
  { id: 'pay', title: 'Pay' },
  { id: 'outlook', title: 'Job outlook' },
  { id: 'career-path', title: 'Career path and related roles' },
  { id: 'disagreements', title: 'Where sources disagree' },
] as const;

export type RoleSectionId = (typeof ROLE_SECTIONS)[number]['id'];

/** Ids the page gives its own headings and sections; a body heading with one of them is renamed. */
export const ROLE_PAGE_IDS: readonly string[] = [...ROLE_SECTIONS.map((s) => s.id), 'page-sources'];

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
