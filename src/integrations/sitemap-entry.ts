/**
 * Reads a built page to decide its sitemap entry: pages marked noindex (the
 * 404 page, drafts previewed in dev) are left out, and `lastmod` is the
 * page's own article:modified_time, which comes from the content's `updated` date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(process.cwd(), 'dist');

export function sitemapEntry(url: string): { lastmod?: string } | undefined {
  const path = new URL(url).pathname;
  if (path === '/404/') return undefined;
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) return {};
  const html = readFileSync(file, 'utf8');
  if (/<meta name="robots" content="[^"]*noindex/.test(html)) return undefined;
  const modified = /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1];
  return modified ? { lastmod: modified } : {};
}
