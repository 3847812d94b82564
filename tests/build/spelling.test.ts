/**
 * One spelling standard on every built page: the prose readers meet (visible text without code; text marked
 * with another `lang`, such as a British title, keeps its own spelling) is American English, as the pages
 * declare (`<html lang="en-US">`, `og:locale` en_US). tests/unit/spelling.test.ts shows the check failing on
 * British spellings. A real word cspell lacks (a name, an audio term) goes in cspell-dict.txt; a British
 * spelling in content is rewritten, except in the quoted title of a source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attr, byTag, parseHtml } from '../../src/lib/html.ts';
import { pageFile, sitePages } from '../e2e/support/pages.ts';
import { PAGE_LANG, proseText } from '../support/rendered-text.ts';
import { misspellings } from '../support/spelling.ts';

const pages = sitePages();

describe(`spelling (${PAGE_LANG})`, () => {
  it.each(pages)('%s is spelled in American English', async (path) => {
    const html = readFileSync(pageFile(path), 'utf8');
    expect(attr(byTag(parseHtml(html), 'html')[0]!, 'lang')).toBe(PAGE_LANG);
    const found = await misspellings(proseText(html));
    expect(found.map((m) => `"${m.word}" in: ${m.line.slice(0, 160)}`)).toEqual([]);
  });
});
