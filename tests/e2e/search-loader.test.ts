/**
 * The search loader's budget, checked on the built pages: one small inline
 * script, the same text on every page (so one CSP hash covers it), and no other
 * script anywhere before the reader asks for search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../src/integrations/csp-headers.ts';
import { attr, byTag, parseHtml, textOf } from '../../src/lib/html.ts';

const DIST = join(import.meta.dirname, '../../dist');
const LOADER_BUDGET = 2048;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'pagefind' ? [] : htmlFiles(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const pages = htmlFiles(DIST).map((file) => ({ rel: relative(DIST, file), html: readFileSync(file, 'utf8') }));
/** Scripts that run: structured data (JSON-LD) is data, not code. */
const scriptsOf = (html: string) =>
  byTag(parseHtml(html), 'script')
    .filter((s) => attr(s, 'type') !== 'application/ld+json')
    .map((s) => ({ attrs: s.attrs, text: textOf(s) }));

describe('search loader', () => {
  const loaders = pages.map((p) => scriptsOf(p.html)[0]?.text ?? '');
  const loader = loaders[0]!;

  it(`is under ${LOADER_BUDGET} bytes`, () => {
    const bytes = Buffer.byteLength(loader, 'utf8');
    console.info(`search loader: ${bytes} bytes`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(LOADER_BUDGET);
  });

  // The /compare/ page also carries the pair picker (src/pages/compare/index.astro), its one island; nowhere else.
  const picker = (s: { text: string }) => s.text.includes("getElementById('pair-picker')");
  it.each(pages.map((p) => [p.rel, p.html]))('%s has exactly the loader: one inline script, the same everywhere', (rel, html) => {
    const all = scriptsOf(html);
    expect(all.filter(picker)).toHaveLength(rel === 'compare/index.html' ? 1 : 0);
    const scripts = all.filter((s) => !picker(s));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attrs).toEqual([]);
    expect(scripts[0]!.text).toBe(loader);
    // Inline handlers would each need their own CSP allowance.
    expect(inlineCode(html).handlers).toEqual([]);
  });
});
