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

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const pageFor = (url: string) => join(DIST, url.split('#')[0]!, 'index.html');

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
        if (fragment) expect(readFileSync(file, 'utf8'), `${url} has no element with id="${fragment}"`).toContain(`id="${fragment}"`);
      }
    });
  }

  const pages = existsSync(DIST) ? htmlFiles(DIST) : [];

  it.each(pages.map((p) => [relative(DIST, p)]))('%s has lang, one h1, a title, a description and a canonical URL', (rel) => {
    const html = readFileSync(join(DIST, rel), 'utf8');
    expect(html).toMatch(/<html lang="en"/);
    expect(html.match(/<h1[\s>]/g) ?? []).toHaveLength(1);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]{50,160}"/);
    expect(html).toMatch(/<link rel="canonical" href="https:\/\/[^"]+\/"/);
  });

  // The one exception is search's inline loader, which fetches nothing until the reader asks
  // (see src/components/search/SearchLoader.astro and tests/e2e/search-loader.test.ts).
  it.each(pages.map((p) => [relative(DIST, p)]))('%s ships no client JavaScript but the search loader', (rel) => {
    const html = readFileSync(join(DIST, rel), 'utf8');
    const scripts = [...html.matchAll(/<script\b(?![^>]*type="application\/ld\+json")([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe('');
    expect(scripts[0]![2]).toContain("'/pagefind/search-ui.'");
  });

  it('shows the program hours and derived figures', () => {
    const html = readFileSync(pageFor('/programs/audio-engineering-and-music-production/'), 'utf8');
    expect(html).toContain('378 clock hours over 29 weeks');
    expect(html).toMatch(/Instruction: 232 h \(61%\)/);
    expect(html).toMatch(/averages 13 hours a week/);
  });
});
