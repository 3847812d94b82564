/**
 * The Atom feed of new and updated pages, newest first. Written by hand rather
 * than with @astrojs/rss because that package produces RSS, and the issue asks for Atom.
 */
import type { PageMeta } from './page-meta.ts';
import { SITE_NAME } from './site.ts';

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Atom wants full RFC 3339 timestamps; content carries days. */
const stamp = (day: string) => `${day}T00:00:00Z`;

export function atomFeed(pages: readonly PageMeta[], site: URL, limit = 50): string {
  const dated = pages
    .filter((p): p is PageMeta & { updated: string } => Boolean(p.updated))
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title))
    .slice(0, limit);
  const feedUrl = new URL('/feed.xml', site).href;
  const entries = dated.map((p) => {
    const url = new URL(p.path, site).href;
    return [
      '  <entry>',
      `    <title>${escapeXml(p.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      ...(p.published ? [`    <published>${stamp(p.published)}</published>`] : []),
      `    <updated>${stamp(p.updated)}</updated>`,
      `    <category term="${escapeXml(p.type)}"/>`,
      `    <summary>${escapeXml(p.description)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <title>${escapeXml(SITE_NAME)}: new and updated pages</title>`,
    `  <subtitle>Role profiles, comparisons, guides and training programs about careers in sound.</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(site.href)}"/>`,
    `  <id>${escapeXml(site.href)}</id>`,
    `  <updated>${stamp(dated[0]?.updated ?? '1970-01-01')}</updated>`,
    `  <author><name>${escapeXml(SITE_NAME)} editors</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
