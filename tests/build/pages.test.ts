/**
 * Runs against dist/ after `npm run build`: every content entry produced its
 * page (or its anchor on a shared page), and every page has the basics.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, CONTENT_DIR, idFromFileName } from '../../src/schemas/collections.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';
import { entryUrl } from '../../src/lib/routes.ts';
import { attr, byTag, ids as elementIds, meta, parseHtml, textOf, type HtmlDocument } from '../../src/lib/html.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const pageFor = (url: string) => join(DIST, url.split('#')[0]!, 'index.html');

/** How the /compare/ page's pair picker script is told apart from the search loader. */
const PICKER = "getElementById('pair-picker')";

// Several checks read the same page (every glossary term's anchor is on one page); each file is parsed once.
const parsedFiles = new Map<string, HtmlDocument>();
const parsed = (file: string) => parsedFiles.get(file) ?? parsedFiles.set(file, parseHtml(readFileSync(file, 'utf8'))).get(file)!;

describe('built site', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
  });

  for (const collection of COLLECTIONS) {
    const def = COLLECTION_DEFS[collection];
    const ids = readdirSync(join(ROOT, CONTENT_DIR, def.dir))
      .filter((f) => f.endsWith(def.extension))
      .map(idFromFileName);

    it(`has a page or anchor for every entry in ${collection} (${ids.length})`, () => {
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const url = entryUrl(collection, id);
        const file = pageFor(url);
        expect(existsSync(file), `${url} was not built`).toBe(true);
        const fragment = url.split('#')[1];
        if (fragment) expect(elementIds(parsed(file)), `${url} has no element with id="${fragment}"`).toContain(fragment);
      }
    });
  }

  const pages = existsSync(DIST) ? htmlFiles(DIST) : [];

  it.each(pages.map((p) => [relative(DIST, p)]))('%s has lang, one h1, a title, a description and a canonical URL', (rel) => {
    const doc = parsed(join(DIST, rel));
    expect(attr(byTag(doc, 'html')[0]!, 'lang')).toBe('en-US');
    expect(byTag(doc, 'h1')).toHaveLength(1);
    expect(textOf(byTag(doc, 'title')[0]!).trim()).not.toBe('');
    expect(meta(doc, 'description')?.length).toBeGreaterThanOrEqual(50);
    expect(meta(doc, 'description')?.length).toBeLessThanOrEqual(160);
    const canonical = byTag(doc, 'link').find((l) => attr(l, 'rel') === 'canonical');
    expect(canonical && attr(canonical, 'href')).toMatch(/^https:\/\/[^"]+\/$/);
  });

  // The one exception is search's inline loader, which fetches nothing until the reader asks
  // (see src/components/search/SearchLoader.astro and tests/e2e/search-loader.test.ts), and on /compare/ the
  // pair picker, which only turns its two selects into a link (src/pages/compare/index.astro).
  it.each(pages.map((p) => [relative(DIST, p)]))('%s ships no client JavaScript but the search loader', (rel) => {
    const all = byTag(parsed(join(DIST, rel)), 'script').filter((s) => attr(s, 'type') !== 'application/ld+json');
    const picker = (s: (typeof all)[number]) => textOf(s).includes(PICKER);
    if (rel === 'compare/index.html') expect(all.filter(picker)).toHaveLength(1);
    const scripts = rel === 'compare/index.html' ? all.filter((s) => !picker(s)) : all;
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attrs).toEqual([]);
    expect(textOf(scripts[0]!)).toContain("'/pagefind/search-ui.'");
  });

  it('shows the program hours and derived figures', () => {
    const html = readFileSync(pageFor('/programs/audio-engineering-and-music-production/'), 'utf8');
    expect(html).toContain('378 clock hours over 29 weeks');
    expect(html).toMatch(/Instruction: 232 h \(61%\)/);
    expect(html).toMatch(/averages 13 hours a week/);
    expect(html).toContain('id="unit-clock-hour"');
  });

  it('shows a program in its own units, with derived figures only where the unit allows', () => {
    const degree = readFileSync(pageFor('/programs/bsc-game-and-interactive-audio-futureworks/'), 'utf8');
    expect(degree).toContain('360 credits over 3 years (full time)');
    expect(degree).toMatch(/averages 120 credits a year/);
    expect(degree).toMatch(/about 3,600\s+hours of study/);
    const certificate = readFileSync(pageFor('/programs/commercial-music-certificate-santa-rosa/'), 'utf8');
    expect(certificate).toContain('17 units');
    expect(certificate).not.toMatch(/hours of study, in class/);
    expect(certificate).toMatch(/No source the handbook has read says how many hours one unit stands for/);
    const apprenticeship = readFileSync(pageFor('/programs/creative-industries-production-technician-apprenticeship/'), 'utf8');
    expect(apprenticeship).toContain('a length of 24 months (typical duration to gateway, full time)');
  });
});
