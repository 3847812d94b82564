/**
 * The bad-content corpus, checked by `astro build` itself. Two builds, run at
 * the same time, cover every case, to keep CI time down:
 * - one site holding every invalid case must fail, and its output must name
 *   each case's file:line error (the validator runs at the start of the build
 *   and logs every error before failing);
 * - one site holding every accepted case must build, and each page must show
 *   its content in full, with markup from frontmatter escaped, and every entry
 *   must have its page or anchor.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialize } from 'parse5';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { imageSize } from 'image-size';
import { inlineCode } from '../../src/integrations/csp-headers.ts';
import { validateContent } from '../../src/lib/content-validator.ts';
import { attr, byTag, elements, ids, parseHtml } from '../../src/lib/html.ts';
import { entryUrl } from '../../src/lib/routes.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';
import { loadCases, makeSite, ROOT } from '../support/bad-content.ts';

const BUILD_TIMEOUT = 300_000;
const cases = loadCases();
const invalid = cases.filter((c) => !c.renders);
const accepted = cases.filter((c) => c.renders);
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The page as a browser parsed it, written out with every attribute value emptied: what is left is markup and text. */
function withoutAttributeValues(html: string): string {
  const doc = parseHtml(html);
  for (const element of elements(doc)) for (const a of element.attrs) a.value = '';
  return serialize(doc);
}

interface BuildResult {
  status: number | null;
  output: string;
}

function build(site: string): Promise<BuildResult> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output: Buffer.concat(output).toString('utf8') })));
}

// Both builds start at once: the invalid one stops after validation, which is mostly Astro starting up on one core,
// so it overlaps with the accepted one's full build instead of running before it.
const invalidSite = makeSite(invalid, { buildable: true, label: 'invalid' });
const acceptedSite = makeSite(accepted, { buildable: true, label: 'accepted' });
made.push(invalidSite, acceptedSite);
const builds = { invalid: build(invalidSite), accepted: build(acceptedSite) };

describe('astro build on every invalid case at once', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await builds.invalid;
  }, BUILD_TIMEOUT);

  it('fails', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`Content has ${invalid.length} error\\(s\\)`));
  });

  it('produces no pages', () => {
    const dist = join(invalidSite, 'dist');
    expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
  });

  for (const c of invalid) {
    it(`names ${c.name}'s error with its file and line`, () => {
      expect(result.output).toContain(c.errors[0]);
    });
  }
});

describe('astro build on every accepted case at once', () => {
  const site = acceptedSite;
  let result: BuildResult;
  beforeAll(async () => {
    result = await builds.accepted;
  }, BUILD_TIMEOUT);

  const html = (page: string) => readFileSync(join(site, 'dist', page, 'index.html'), 'utf8');

  it('succeeds', () => {
    expect(result.status, result.output.slice(-4000)).toBe(0);
  });

  it('renders its pages under the render watchdog, which src/middleware.ts tells of each page', () => {
    // The watchdog itself (a page past the limit stops the build) is tests/unit/render-watchdog.test.ts.
    expect(result.output).toMatch(/each page must render within [\d.]+ s/);
    const watched = /(\d+) page\(s\) and endpoint\(s\) rendered under the watchdog; slowest \d+ ms \(\/[^)]*\)/.exec(result.output);
    const built = /(\d+) page\(s\) built/.exec(result.output);
    expect(watched, result.output.slice(-2000)).not.toBeNull();
    // Every page is marked, and endpoints (feeds, images, data) too, so the count passes the HTML pages built.
    expect(Number(watched![1])).toBeGreaterThanOrEqual(Number(built![1]));
  });

  for (const c of accepted) {
    it(`${c.name}: renders its content in full, markup escaped`, () => {
      for (const check of c.renders!) {
        const page = html(check.page);
        for (const text of check.contains) expect(page, `${check.page} should contain ${text.slice(0, 80)}`).toContain(text);
        // Inside an attribute value (the meta description) a "<" is plain text, so only markup outside attributes
        // counts: the page is parsed as a browser would and written out again with every attribute value emptied.
        const markup = withoutAttributeValues(page);
        for (const text of check.absent ?? []) expect(markup, `${check.page} must not contain ${text}`).not.toContain(text);
      }
    });
  }

  it('gives every entry its page or anchor: nothing is dropped', () => {
    const { entries } = validateContent({ root: site });
    for (const collection of COLLECTIONS) {
      for (const rel of entries[collection]) {
        const id = rel
          .split('/')
          .pop()!
          .replace(/\.[^.]+$/, '');
        const [path, fragment] = entryUrl(collection, id).split('#') as [string, string | undefined];
        const file = join(site, 'dist', path, 'index.html');
        expect(existsSync(file), `${rel} has no page at ${path}`).toBe(true);
        if (fragment) expect(ids(parseHtml(readFileSync(file, 'utf8'))), `${rel} has no anchor #${fragment}`).toContain(fragment);
      }
    }
  });

  it("optimises a page's images through astro:assets and gives them absolute addresses everywhere else", async () => {
    const page = 'guides/corpus-image-in-page-folder';
    const doc = parseHtml(html(page));
    const images = byTag(doc, 'img');
    expect(images).toHaveLength(4);
    for (const img of images) {
      // Converted to WebP under /_astro/, with the width and height of the file so nothing shifts as it loads.
      expect(attr(img, 'src')).toMatch(/^\/_astro\/colour-bars[\w-]*\.[\w-]+\.webp$/);
      const built = readFileSync(join(site, 'dist', attr(img, 'src')!));
      const size = imageSize(built);
      expect(size.type).toBe('webp');
      expect([String(size.width), String(size.height)]).toEqual([attr(img, 'width'), attr(img, 'height')]);
      expect(attr(img, 'alt')).toMatch(/test card/);
    }
    // A file wider than the text column is served at the column's width and twice that, never at its own 1600 px.
    const [wide] = images;
    expect(attr(wide!, 'sizes')).toBeTruthy();
    const candidates = attr(wide!, 'srcset')!
      .split(',')
      .map((c) => c.trim().split(/\s+/));
    expect(candidates.map(([, w]) => w)).toEqual(['608w', '1216w']);
    for (const [url, w] of candidates) {
      const size = imageSize(readFileSync(join(site, 'dist', url!)));
      expect([size.type, `${size.width}w`]).toEqual(['webp', w]);
    }
    // The files as written are not published beside the optimised ones.
    expect(readdirSync(join(site, 'dist/_astro')).filter((f) => /\.(png|jpe?g|avif)$/.test(f))).toEqual([]);

    // llms-full.txt shows the same built files, by absolute address; no text output keeps the address as written.
    const llms = readFileSync(join(site, 'dist/llms-full.txt'), 'utf8');
    for (const img of images) expect(llms).toContain(`](https://sound-careers-handbook.example${attr(img, 'src')}`);
    const outputs = [llms, ...readdirSync(join(site, 'dist/data')).map((f) => readFileSync(join(site, 'dist/data', f), 'utf8'))];
    for (const text of outputs) expect(text).not.toMatch(/\(\.?\/?corpus-image-in-page-folder\/|\.\.\/src\/assets/);

    const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'))));
    const report = await validator.validateString(html(page), `${page}/index.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} [${m.ruleId}] ${m.message}`))).toEqual([]);
  });

  it('ships no script from content', () => {
    const pages = readdirSync(join(site, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    // The site's only code is the one search loader, whose text is the same on every page (JSON-LD is data, not
    // code); anything else would have come from content. Pages are read as a browser reads them, so `<script>`
    // inside an attribute value (the HTML-in-frontmatter case puts some there) is text, not a script.
    // The /compare/ page also has the pair picker, the site's own; only there is it allowed.
    const scripts = (html: string, page: string) => {
      const code = inlineCode(html);
      const own = page.replaceAll('\\', '/') === 'compare/index.html';
      return [
        ...code.scripts.filter((s) => !(own && s.includes("getElementById('pair-picker')"))),
        ...code.scriptSources.map((src) => `src=${src}`),
      ];
    };
    const loaders = new Set(pages.flatMap((page) => scripts(readFileSync(join(site, 'dist', page), 'utf8'), page)));
    expect(loaders.size).toBe(1);
    expect([...loaders][0]).toContain('/pagefind/');
    for (const page of pages) expect(scripts(readFileSync(join(site, 'dist', page), 'utf8'), page)).toHaveLength(1);
  });
});
