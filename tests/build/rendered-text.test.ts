/**
 * The visible text of every built page, as a reader meets it on screen, read aloud or pasted
 * (tests/support/rendered-text.ts): no words glued together where elements meet, no citation marker run
 * into the next word, no doubled words, one style of citation marker ("[n]", attached to the word before it,
 * rising where several stand together; Markdown footnotes "[a]" likewise), dates in prose written out, and no
 * link whose text is a raw URL. tests/unit/rendered-text.test.ts
 * shows each rule failing on the text it exists to catch, including the footer as it was on 2 December 2026.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageFile, sitePages } from '../e2e/support/pages.ts';
import { textProblems } from '../support/rendered-text.ts';

const pages = sitePages();
describe('rendered text', () => {
  it.each(pages)('%s reads cleanly', (path) => {
    // The editors' documentation is about the date format itself, so it may show 2025-08.
    const problems = textProblems(readFileSync(pageFile(path), 'utf8'), {
      isoDates: !path.startsWith('/contribute/'),
    });
    expect(problems.map((p) => `${p.rule}: ${p.excerpt}`)).toEqual([]);
  });
});
