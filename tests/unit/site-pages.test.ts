import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onePagePerType, pageType, sitePages } from '../e2e/support/pages.ts';

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'site-pages-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const built = {
  'index.html': '',
  '404.html': '',
  'roles/index.html': '',
  'roles/b/index.html': '',
  'roles/a/index.html': '',
  'drafts/x/index.html': '',
};

describe('the pages the quality checks visit', () => {
  it('are the built index.html pages, home first, without the 404 page, when there is no sitemap', () => {
    expect(sitePages(site(built))).toEqual(['/', '/drafts/x/', '/roles/', '/roles/a/', '/roles/b/']);
  });

  it("are the sitemap's pages when the build has one (as @astrojs/sitemap writes it)", () => {
    const root = site({
      ...built,
      'sitemap-index.xml': '<sitemapindex><sitemap><loc>https://example.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml':
        '<urlset><url><loc>https://example.org/</loc></url><url><loc>https://example.org/roles/a/</loc></url><url><loc>https://example.org/roles/</loc></url></urlset>',
    });
    expect(sitePages(root)).toEqual(['/', '/roles/', '/roles/a/']);
  });

  it('group by template, one page of each', () => {
    expect(pageType('/roles/a/')).toBe('/roles/*/');
    expect(pageType('/roles/')).toBe('/roles/');
    expect(onePagePerType(['/', '/roles/', '/roles/a/', '/roles/b/'])).toEqual(['/', '/roles/', '/roles/a/']);
  });

  it('refuse a directory that has not been built', () => {
    expect(() => sitePages(mkdtempSync(join(tmpdir(), 'empty-')))).toThrow(/npm run build/);
  });
});
