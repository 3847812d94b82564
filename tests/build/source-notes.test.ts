/**
 * Every page's source notes credit each source in full (issue 15): its licence,
 * by name and linked to the licence's text where it has one, and its web
 * address when the source has one. Read from the built pages against the
 * typed licences in content/sources/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content-validator.ts';
import { attr, byTag, elements, parseHtml, textOf, type HtmlElement } from '../../src/lib/html.ts';
import { licenceName, licenceUrl } from '../../src/schemas/licences.ts';
import type { Source } from '../../src/schemas/source.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [relative(DIST, dir)] : [],
  );
}

const sources = validateContent({ root: ROOT }).data.sources as Map<string, Source>;
const notes: { page: string; item: HtmlElement }[] = [];
for (const page of existsSync(DIST) ? pages(DIST) : []) {
  const doc = parseHtml(readFileSync(join(DIST, page, 'index.html'), 'utf8'));
  for (const list of byTag(doc, 'ol').filter((ol) => (attr(ol, 'class') ?? '').split(/\s+/).includes('sources-list')))
    for (const item of [...elements(list)].filter((e) => e.tagName === 'li')) notes.push({ page: `/${page}/`, item });
}

describe("pages' source notes", () => {
  it('are found on the built pages', () => {
    expect(notes.length).toBeGreaterThan(100);
  });

  it.each(notes.map((n) => [n.page, attr(n.item, 'id'), n.item] as const))('%s %s: licence and address', (_page, id, item) => {
    const source = sources.get((id ?? '').replace(/^note-/, ''));
    expect(source, `note ${id} names no source`).toBeDefined();
    const text = textOf(item).replace(/\s+/g, ' ');
    expect(text).toContain(`License: ${licenceName(source!.licence)}.`);
    const links = byTag(item, 'a');
    const licenceLink = licenceUrl(source!.licence);
    if (licenceLink) expect(links.some((a) => attr(a, 'href') === licenceLink && attr(a, 'rel')?.includes('license'))).toBe(true);
    // The address is linked by its host name ("Read it at bls.gov"): a raw URL is no link text for a reader.
    const host = source!.url && new URL(source!.url).hostname.replace(/^www\./, '');
    if (source!.url) expect(links.some((a) => attr(a, 'href') === source!.url && textOf(a).includes(host!))).toBe(true);
  });
});
