import { describe, expect, it } from 'vitest';
import { splitPoints } from '../../scripts/shift-scan.ts';

const page = [
  '<!DOCTYPE html><html><head><title>Not in the body</title><style>p{color:red}</style></head>',
  '<body><script>const inScript = 1;</script>',
  '<h1>Café menu</h1>',
  '<p>Crème <a href="/x">brûlée</a> x</p>',
  '<template>Hidden text<p>Hidden paragraph</p></template><noscript>Without scripts</noscript>',
  '</body></html>',
].join('');

/** The two halves of the text a split falls in, reading the page's bytes as the browser receives them. */
const around = (at: number) => {
  const bytes = Buffer.from(page);
  const before = bytes.subarray(0, at).toString('utf8');
  const after = bytes.subarray(at).toString('utf8');
  return [before.slice(before.lastIndexOf('>') + 1), after.slice(0, after.indexOf('<'))];
};

describe('shift-scan split points', () => {
  it('splits in the middle of each text node of the body, in bytes, skipping scripts, styles, templates and single characters', () => {
    const points = splitPoints(page, 10);
    // "Café menu" (9 characters, the é two bytes), "Crème " (6), "brûlée" (6); " x" and the others are skipped.
    expect(points.map(around)).toEqual([
      ['Café', ' menu'],
      ['Crè', 'me '],
      ['brû', 'lée'],
    ]);
  });

  it('stops at the number of text nodes asked for, from the top', () => {
    expect(splitPoints(page, 1)).toEqual(splitPoints(page, 10).slice(0, 1));
    expect(splitPoints(page, 0)).toEqual([]);
  });
});
