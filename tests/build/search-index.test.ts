/**
 * Runs against dist/ after `npm run build`: the search bundle the loader asks
 * for exists, the index holds one page per content page, and every heading in
 * an indexed article has an id, so that it is a search sub-result of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_DIR, planSearchIndex } from '../../src/integrations/search-index.ts';
import { validateContent } from '../../src/lib/content-validator.ts';
import { attr, byTag, elements, parseHtml, textOf } from '../../src/lib/html.ts';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist', BUNDLE_DIR);
const { expected } = planSearchIndex(validateContent({ root: ROOT }).data);

describe('search bundle', () => {
  it('has the interface files the loader fetches, and the Pagefind API they import', () => {
    for (const file of ['search-ui.js', 'search-ui.css', 'pagefind.js']) expect(existsSync(join(BUNDLE, file)), file).toBe(true);
    // The interface imports Pagefind's API by this absolute path.
    expect(readFileSync(join(BUNDLE, 'search-ui.js'), 'utf8')).toContain('"/pagefind/pagefind.js"');
  });

  it('indexes exactly as many pages as there are content pages', () => {
    const entry = JSON.parse(readFileSync(join(BUNDLE, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages['en']!.page_count).toBe(expected.length);
  });

  const pages = expected.filter((e) => !e.url.includes('#'));
  it.each(pages.map((p) => [p.url]))('%s gives every heading in its article an id', (url) => {
    const doc = parseHtml(readFileSync(join(ROOT, 'dist', url, 'index.html'), 'utf8'));
    const article = byTag(doc, 'article').find((a) => attr(a, 'data-pagefind-body') !== undefined);
    expect(article, 'the article is not marked data-pagefind-body').toBeDefined();
    const withoutId = [...elements(article!)]
      .filter((e) => /^h[2-6]$/.test(e.tagName) && !attr(e, 'id'))
      .map((e) => `<${e.tagName}> ${textOf(e).trim()}`);
    expect(withoutId).toEqual([]);
  });
});
