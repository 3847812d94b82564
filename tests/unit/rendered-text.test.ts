/** Each rule of the rendered-text check fails on the text it exists to catch, and passes clean text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseText, textProblems, visibleText } from '../support/rendered-text.ts';

const rules = (html: string, options?: { isoDates?: boolean }) => textProblems(html, options).map((p) => p.rule);

describe('rendered-text checks', () => {
  it("fail on the site footer as it was built on 2 December 2026 ('sources.Sources', '·Contribute')", () => {
    const footer = readFileSync(join(import.meta.dirname, '../fixtures/rendered-text/footer-2026-12-02.html'), 'utf8');
    const problems = textProblems(footer);
    expect(problems.map((p) => p.rule)).toEqual(['glued words', 'glued words']);
    expect(problems[0]!.excerpt).toContain('sources.Sources');
    expect(problems[1]!.excerpt).toContain('·Contribute');
  });

  it('pass the footer once its spaces are written out', () => {
    expect(
      rules('<p>explained from cited sources. <a href="/s/">Sources</a> · <a href="/g/">Glossary</a> · <a href="/c/">Contribute</a></p>'),
    ).toEqual([]);
  });

  it('find words glued where inline elements meet, and pills that run together', () => {
    expect(rules('<p>read<a href="/g/">From technician to engineer</a></p>')).toEqual(['glued words']);
    expect(rules('<p><span class="pill">Entry level</span><span class="pill">Recording studio</span></p>')).toEqual(['glued words']);
    // Separate list items, table cells or controls are separate blocks, not glued words.
    expect(rules('<ul><li>Entry level</li><li>Recording studio</li></ul><label>Search</label><button>Go</button>')).toEqual([]);
    // Punctuation that opens or closes around an element is not a glue.
    expect(rules('<p>(<code>content/roles/</code>) and <strong>Label</strong>: text, <a href="/">link</a>.</p>')).toEqual([]);
  });

  const cite = (n: number) => `<span class="cite"><a href="#note-x">[<span class="sr-only">source </span>${n}]</a></span>`;

  it('find a citation marker run into the next word', () => {
    expect(rules(`<p>at four levels of competence.${cite(1)}The framework describes</p>`)).toEqual([
      'glued words',
      'marker before a letter',
    ]);
    expect(rules(`<p>at four levels of competence.${cite(1)} The framework describes</p>`)).toEqual([]);
  });

  it('find doubled words within a block, but not across blocks', () => {
    expect(rules('<p>the the page</p>')).toEqual(['doubled word']);
    expect(rules('<p>one <em>page page</em></p>')).toEqual(['doubled word']);
    expect(rules('<h2>Pay</h2><p>Pay figures</p>')).toEqual([]);
  });

  it('allow one marker style only: attached, "[n]", rising', () => {
    expect(rules(`<p>A claim${cite(1)}${cite(2)}.</p>`)).toEqual([]);
    expect(rules(`<p>A claim ${cite(1)}.</p>`)).toEqual(['marker style']);
    expect(rules(`<p>A claim${cite(2)}${cite(1)}.</p>`)).toEqual(['marker style']);
    expect(rules(`<p>A claim${cite(2)} ${cite(1)}.</p>`)).toEqual(['marker style', 'marker style']);
    expect(rules('<p>A claim [3] typed by hand.</p>')).toEqual(['marker style']);
    expect(rules('<p>A claim<span class="cite"><a href="#n">†</a></span>.</p>')).toEqual(['marker style']);
  });

  const note = (letter: string) =>
    `<sup class="fn-ref"><a href="#user-content-fn-${letter}" data-footnote-ref>[<span class="sr-only">note </span>${letter}]</a></sup>`;

  it('hold Markdown footnote markers to their own style: attached, "[a]", rising, never run into a word', () => {
    expect(rules(`<p>A claim.${note('a')} Another${cite(1)} and a note.${note('b')}${note('c')}</p>`)).toEqual([]);
    expect(rules(`<p>A claim. ${note('a')}</p>`)).toEqual(['marker style']);
    expect(rules(`<p>A claim.${note('b')}${note('a')}</p>`)).toEqual(['marker style']);
    expect(rules(`<p>A claim.${note('a')}Next</p>`)).toEqual(['glued words', 'marker before a letter']);
    // Sätteri's own marker, a bare superscript number, is not the handbook's footnote style.
    expect(rules('<p>A claim.<sup class="fn-ref"><a href="#fn-1" data-footnote-ref>1</a></sup></p>')).toEqual([
      'glued words',
      'marker style',
    ]);
  });

  it('find links whose text is a raw URL', () => {
    expect(rules('<p>See <a href="https://www.bls.gov/ooh/">https://www.bls.gov/ooh/</a>.</p>')).toEqual(['URL as link text']);
    expect(rules('<p>See <a href="https://www.bls.gov/ooh/">www.bls.gov/ooh</a>.</p>')).toEqual(['URL as link text']);
    expect(
      rules('<p>See <a href="https://www.bls.gov/ooh/">the BLS handbook</a> at <a href="https://www.bls.gov/">bls.gov</a>.</p>'),
    ).toEqual([]);
  });

  it('find ISO dates in prose, but not in code or where allowed', () => {
    expect(rules('<p>The BLS (2025-08-28) projects a fall.</p>')).toEqual(['ISO date in prose']);
    expect(rules('<p>Write <code>asOf: 2024-05</code> for May 2024.</p>')).toEqual([]);
    expect(rules('<p>e.g. 2024-05</p>', { isoDates: false })).toEqual([]);
    expect(rules('<p>Code 27-4014.00 and the 2024–34 period.</p>')).toEqual([]);
  });

  it('read the text a reader meets: hidden, script and SVG text left out, blocks on lines of their own', () => {
    const html =
      '<main><h1>Title</h1><p>One <a href="/">two</a></p><script>var x</script><p hidden>gone</p><svg><text>chart</text></svg></main>';
    expect(visibleText(html)).toBe('Title\nOne two');
  });

  it('leave code and text in another language out of the prose', () => {
    const html = '<html lang="en-US"><p>Set <code>licence</code> to <span lang="en-GB">Open Government Licence</span> now.</p></html>';
    expect(visibleText(html)).toBe('Set licence to Open Government Licence now.');
    expect(proseText(html)).toBe('Set to now.');
  });
});
