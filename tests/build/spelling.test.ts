/**
 * One spelling standard on every built page: the prose readers meet (visible text without code; text marked
 * with another `lang`, such as a British title, keeps its own spelling) is American English, as the pages
 * declare (`<html lang="en-US">`, `og:locale` en_US). tests/unit/spelling.test.ts shows the check failing on
 * British spellings. A real word cspell lacks (a name, an audio term) goes in cspell-dict.txt; a British
 * spelling in content is rewritten, except in the quoted title of a source.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, byTag, parseHtml } from '../../src/lib/html.ts';
import { pageFile, sitePages } from '../e2e/support/pages.ts';
import { PAGE_LANG, proseText } from '../support/rendered-text.ts';
import { type Misspelling, misspellingsEach } from '../support/spelling.ts';

const pages = sitePages();

describe(`spelling (${PAGE_LANG})`, () => {
  const langs = new Map<string, string | undefined>();
  const found = new Map<string, Misspelling[]>();
  // Every page's prose is checked in one call (misspellingsEach); each page's test then reads its own findings.
  beforeAll(async () => {
    const texts = pages.map((path) => {
      const doc = parseHtml(readFileSync(pageFile(path), 'utf8'));
      langs.set(path, attr(byTag(doc, 'html')[0]!, 'lang'));
      return proseText(doc);
    });
    (await misspellingsEach(texts)).forEach((list, i) => found.set(pages[i]!, list));
  });

  it.each(pages)('%s is spelled in American English', (path) => {
    expect(langs.get(path)).toBe(PAGE_LANG);
    expect(found.get(path)!.map((m) => `"${m.word}" in: ${m.line.slice(0, 160)}`)).toEqual([]);
  });
});
