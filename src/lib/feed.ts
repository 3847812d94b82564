/**
 * The Atom feed of new and updated pages, newest first, written by the `feed`
 * package. Atom rather than RSS (so not @astrojs/rss, which writes RSS 2.0 and
 * was removed): the feed is about updates, and Atom gives each entry its own
 * `<updated>` next to `<published>`, where RSS has only a publication date.
 *
 * `feed` escapes and splits CDATA sections, but it passes on characters XML
 * forbids (C0 controls, U+FFFE/FFFF, lone surrogates), which would make the
 * whole feed malformed; they are removed first. It also marks titles and
 * summaries as HTML, so the plain text is HTML-escaped to read as written.
 */
import { Feed } from 'feed';
import type { PageMeta } from './page-meta.ts';
import { SITE_NAME } from './site.ts';

/** Removes every character outside XML 1.0's `Char` production (tab, LF and CR stay). */
export const xmlChars = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

const asHtml = (text: string) => xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Atom wants full RFC 3339 timestamps; content carries days. */
const day = (value: string) => new Date(`${value}T00:00:00Z`);

export function atomFeed(pages: readonly PageMeta[], site: URL, limit = 50): string {
  const dated = pages
    .filter((p): p is PageMeta & { updated: string } => Boolean(p.updated))
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title))
    .slice(0, limit);
  const feed = new Feed({
    title: `${SITE_NAME}: new and updated pages`,
    description: 'Role profiles, comparisons, guides and training programs about careers in sound.',
    id: site.href,
    link: site.href,
    language: 'en',
    updated: day(dated[0]?.updated ?? '1970-01-01'),
    feedLinks: { atom: new URL('/feed.xml', site).href },
    author: { name: `${SITE_NAME} editors` },
    generator: false,
  });
  for (const page of dated) {
    const url = new URL(page.path, site).href;
    feed.addItem({
      title: asHtml(page.title),
      id: url,
      link: url,
      date: day(page.updated),
      ...(page.published ? { published: day(page.published) } : {}),
      description: asHtml(page.description),
      category: [{ term: xmlChars(page.type) }],
    });
  }
  return feed.atom1();
}
