/** The spelling check of built pages (tests/build/spelling.test.ts) fails on British spellings and passes American ones. */
import { describe, expect, it } from 'vitest';
import { proseText } from '../support/rendered-text.ts';
import { misspellings, misspellingsEach } from '../support/spelling.ts';

const words = async (html: string) => (await misspellings(proseText(html))).map((m) => m.word);

describe('spelling of rendered text', () => {
  it('finds British spellings in prose, as they stood on 2 December 2026', async () => {
    expect(await words('<p>Engineers usually specialise; License: CC BY 4.0 licence.</p><p>Organise the colour.</p>')).toEqual([
      'specialise',
      'licence',
      'Organise',
      'colour',
    ]);
  });

  it('passes American spelling, the project dictionary, host names, code and text marked as another language', async () => {
    const html =
      '<p>Engineers specialize in mixdown with Nuendo; see onetonline.org.</p><p>The field is <code>licence</code>.</p>' +
      '<p>Licensed as the <span lang="en-GB">Open Government Licence</span>.</p>';
    expect(await words(html)).toEqual([]);
  });

  it('finds in several texts checked at once exactly what each gives alone, however often a word recurs', async () => {
    const texts = [
      'We organise the colour of the mix.',
      'Nothing wrong here.',
      // A directive read in one text must not switch the check off for the texts after it.
      'Editors write cspell:disable in a comment. The colour stays.',
      Array.from({ length: 12 }, () => 'The colour.').join(' '),
      'Colour again, and the licence at the end',
    ];
    const together = await misspellingsEach(texts);
    const alone = await Promise.all(texts.map((text) => misspellings(text)));
    expect(together).toEqual(alone);
    expect(together.map((list) => list.map((m) => m.word))).toEqual([
      ['organise', 'colour'],
      [],
      alone[2]!.map((m) => m.word),
      Array.from({ length: 12 }, () => 'colour'),
      ['Colour', 'licence'],
    ]);
  });
});
