/**
 * The Atom feed (src/lib/feed.ts): well-formed whatever the titles hold,
 * newest first, and each entry's text as it was written.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, xmlChars } from '../../src/lib/feed.ts';
import type { PageMeta } from '../../src/lib/page-meta.ts';

const SITE = new URL('https://handbook.example/');
const page = (title: string, updated: string, extra: Partial<PageMeta> = {}): PageMeta => ({
  path: `/roles/${updated}/`,
  title,
  description: `About ${title}`,
  type: 'Role profile',
  updated,
  ...extra,
});
/** Characters XML 1.0 forbids anywhere in a document, even escaped. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed;
/** A feed reader shows type="html" text after decoding it as HTML. */
const shown = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the Atom feed', () => {
  it('stays well-formed when titles and descriptions hold control characters, CDATA ends and markup', () => {
    const hostile = 'Mixing\u0000\u0001\u000b\u001f\ufffe\ud800 ]]> <script>x</script> &amp; "q"';
    const xml = atomFeed([page(hostile, '2026-02-01', { description: hostile, type: `Role\u0007` })], SITE);
    expect(xml).not.toMatch(FORBIDDEN);
    const [entry] = parse(xml).entry;
    expect(shown(entry.title['#text'])).toBe('Mixing ]]> <script>x</script> &amp; "q"');
    expect(shown(entry.summary['#text'])).toBe('Mixing ]]> <script>x</script> &amp; "q"');
    expect(entry.category['@_term']).toBe('Role');
  });

  it('lists dated pages newest first, with published and updated times, under the Atom namespace', () => {
    const xml = atomFeed(
      [page('Old', '2025-01-01'), page('Undated', '', { updated: undefined }), page('New', '2026-03-04', { published: '2026-01-01' })],
      SITE,
    );
    const feed = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual(['New', 'Old']);
    expect(feed.entry[0]).toMatchObject({
      id: 'https://handbook.example/roles/2026-03-04/',
      updated: '2026-03-04T00:00:00.000Z',
      published: '2026-01-01T00:00:00.000Z',
    });
    expect(feed.updated).toBe('2026-03-04T00:00:00.000Z');
    expect(feed.link.map((l: Record<string, string>) => l['@_rel'])).toEqual(['alternate', 'self']);
  });

  it('removes exactly the characters XML forbids', () => {
    expect(xmlChars('a\tb\nc\rd\u0000\u0008\u000b\u000c\u000e\u001f\u007fé😀\udfff\ud800\ufffe\uffff')).toBe('a\tb\nc\rd\u007fé😀');
  });
});
