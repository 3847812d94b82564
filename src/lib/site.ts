/** Site-wide names and navigation. The public address itself is `site` in astro.config.mjs. */
import { PAGE_PATHS, SECTION_PATHS } from './routes.ts';

export const SITE_NAME = 'Sound Careers Handbook';

// Search is not listed: the header has its own search control (src/components/search/SearchTrigger.astro).
export const NAV = [
  { label: 'Roles', href: SECTION_PATHS.roles },
  { label: 'Compare', href: SECTION_PATHS.comparisons },
  { label: 'Guides', href: SECTION_PATHS.guides },
  { label: 'Training', href: SECTION_PATHS.programs },
  { label: 'Competencies', href: SECTION_PATHS.frameworks },
  { label: 'Career path', href: PAGE_PATHS.careerPath },
  { label: 'Glossary', href: PAGE_PATHS.glossary },
] as const;

export interface Crumb {
  label: string;
  href?: string;
}
