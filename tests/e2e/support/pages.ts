/**
 * The pages of the built site that the quality checks visit, as URL paths
 * ("/roles/sound-engineer/"). The sitemap is the source of truth when the build
 * has one, so a page left out of it is not checked as if it were public; until
 * then every dist/**\/index.html is a page (404.html is not: nothing links to it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

const xml = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });

/** The <loc> of every entry in a sitemap or sitemap index. */
function locs(text: string): string[] {
  const doc = xml.parse(text) as { sitemapindex?: { sitemap?: { loc: string }[] }; urlset?: { url?: { loc: string }[] } };
  return [...(doc.sitemapindex?.sitemap ?? []), ...(doc.urlset?.url ?? [])].map((entry) => String(entry.loc).trim());
}

function fromSitemap(dist: string): string[] | undefined {
  const index = join(dist, 'sitemap-index.xml');
  const files = existsSync(index)
    ? locs(readFileSync(index, 'utf8')).map((url) => join(dist, new URL(url).pathname))
    : [join(dist, 'sitemap-0.xml')].filter(existsSync);
  if (files.length === 0) return undefined;
  return files.flatMap((file) => locs(readFileSync(file, 'utf8')).map((url) => decodeURI(new URL(url).pathname)));
}

function fromFiles(dist: string, dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return fromFiles(dist, path);
    if (e.name !== 'index.html') return [];
    const folder = relative(dist, dir).split(sep).join('/');
    return [folder ? `/${folder}/` : '/'];
  });
}

/** Every public page, sorted, home first. */
export function sitePages(dist = DIST): string[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run \`npm run build\` first`);
  const pages = fromSitemap(dist) ?? fromFiles(dist);
  return [...new Set(pages)].sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
}

/** The built file behind a page path. */
export function pageFile(path: string, dist = DIST): string {
  return join(dist, path, 'index.html');
}

/**
 * A page's template: "/roles/*\/" for every role page, the path itself for
 * one-off pages and section indexes. Tests that need one page of each kind
 * take the first page of each type.
 */
export function pageType(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments.length >= 2 ? `/${segments[0]}/*/` : path;
}

export function onePagePerType(pages: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const page of pages) if (!seen.has(pageType(page))) seen.set(pageType(page), page);
  return [...seen.values()];
}

/**
 * The pages the full axe matrix visits. A template with more than `2 × perTemplate` pages (one page per role, per source,
 * per pair of roles) is visited on a sample of them: its largest pages, where long text and wide tables show first, and
 * pages spread evenly through the rest. Every page of a smaller template is visited. The cheaper checks (sideways
 * scroll, images, layout shift) still load every page. The pages of one template share their markup and styles and
 * differ in their data, and axe was most of the test suite's time: 17 role pages alone took 4 to 12 s each.
 */
export const AXE_PER_TEMPLATE = 6;

export function axeSample(pages: readonly string[], perTemplate = AXE_PER_TEMPLATE, dist = DIST): string[] {
  const byType = new Map<string, string[]>();
  for (const page of pages) byType.set(pageType(page), [...(byType.get(pageType(page)) ?? []), page]);
  const keep = new Set<string>();
  for (const family of byType.values()) {
    if (family.length <= 2 * perTemplate) {
      for (const page of family) keep.add(page);
      continue;
    }
    const bySize = [...family].sort((a, b) => statSync(pageFile(b, dist)).size - statSync(pageFile(a, dist)).size);
    for (const page of bySize.slice(0, perTemplate / 2)) keep.add(page);
    const step = family.length / (perTemplate / 2);
    // A spread page that is also among the largest gives way to the next one, so every sample has perTemplate pages.
    for (let i = 0; i < perTemplate / 2; i += 1) {
      let at = Math.floor(i * step);
      while (keep.has(family[at % family.length]!)) at += 1;
      keep.add(family[at % family.length]!);
    }
  }
  return pages.filter((page) => keep.has(page));
}
