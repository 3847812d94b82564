/** Site-wide names and navigation. The public address itself is `site` in astro.config.mjs. */
import { PAGE_PATHS, SECTION_PATHS } from './routes.ts';

export const SITE_NAME = 'Sound Careers Handbook';

// Search is not listed: the header has its own search control (src/components/search/SearchTrigger.astro).
/**
 * The repository the site is built from: the one place its address is set.
 * "Edit this page" links and the contributor guide point here. A placeholder
 * until the handbook's repository is public (see README).
 */
export const REPO_URL = 'https://github.com/sound-careers-handbook/handbook';
/** The branch pull requests go to and the site is published from. */
export const REPO_BRANCH = 'main';

/**
 * Where to change a file (repository-relative path) on the repository host:
 * the web editor for a file, the folder listing for a folder ("…/").
 */
export const editUrl = (path: string) =>
  path.endsWith('/') ? `${REPO_URL}/tree/${REPO_BRANCH}/${path.slice(0, -1)}` : `${REPO_URL}/edit/${REPO_BRANCH}/${path}`;

/** Where to read a file on the repository host. */
export const repoFileUrl = (path: string) => `${REPO_URL}/blob/${REPO_BRANCH}/${path}`;

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
