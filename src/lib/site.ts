/** Site-wide names and navigation. The public address itself is `site` in astro.config.mjs. */
import { COLLECTIONS, REGISTRY, type CollectionName } from '../schemas/registry.ts';
import { PAGE_PATHS } from './routes.ts';

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

const navItems = (entries: 'pages' | 'anchors') =>
  COLLECTIONS.filter((c: CollectionName) => REGISTRY[c].nav && REGISTRY[c].entries === entries).map((c) => ({
    label: REGISTRY[c].label,
    href: REGISTRY[c].path,
  }));

/** The header: the sections of entries, the career path, then the reference pages (labels from the collection registry). */
export const NAV: readonly { label: string; href: string }[] = [
  ...navItems('pages'),
  { label: 'Career path', href: PAGE_PATHS.careerPath },
  ...navItems('anchors'),
];

export interface Crumb {
  label: string;
  href?: string;
}
