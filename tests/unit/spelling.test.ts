/** The spelling check of built pages (tests/build/spelling.test.ts) fails on British spellings and passes American ones. */
import { describe, expect, it } from 'vitest';
import { proseText } from '../support/rendered-text.ts';
import { misspellings } from '../support/spelling.ts';

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
});
