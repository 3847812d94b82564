/**
 * Page-weight budget for the first visit to every page in the sitemap, read
 * from dist/ after `npm run build`. Prints one row per page and exits 1 when a
 * page breaks a budget:
 *
 * - The first visit (the HTML with its inlined CSS, plus any stylesheet, script,
 *   font or eagerly loaded image it references) fits in 14 KB compressed, so it
 *   arrives within the first round trip (TCP's initial window of 10 packets).
 * - No JavaScript before interaction: no <script src>, and inline script (the
 *   search loader) under 2 KB.
 * - No web fonts, and no render-blocking request to another origin.
 *
 * Sizes are gzip at zlib's default level 6: every host can send it, and it is
 * larger than the brotli most hosts prefer, so a page that fits in gzip fits
 * either way. Brotli (quality 6) is printed alongside. The response headers from
 * dist/_headers count too, uncompressed: they share the first round trip, and
 * the CSP grows with every hashed inline script. The favicon is not counted:
 * browsers fetch it after rendering and it blocks nothing.
 *
 *   npm run budget   (runs in npm test, after the build)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { byTag, parseHtml, textOf, type HtmlDocument } from '../src/lib/html.ts';
import { DIST, pageFile, sitePages } from '../tests/e2e/support/pages.ts';
import { headersFor, parseHeadersFile } from '../tests/e2e/support/headers-file.ts';

export const FIRST_VISIT_BUDGET = 14 * 1024;
export const INLINE_JS_BUDGET = 2 * 1024;

export const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 6 }).length;
/**
 * Brotli only feeds a comparison column, so it runs at quality 6: at the default quality 11 it took about 170 ms a
 * page, two thirds of this script's time over 271 pages, for a figure about 10 % smaller that no budget reads.
 */
export const brotliSize = (data: string | Buffer) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data) } })
    .length;

export interface PageWeight {
  path: string;
  htmlRaw: number;
  htmlGzip: number;
  htmlBrotli: number;
  /** Response headers the host adds (name: value lines), uncompressed. */
  headers: number;
  /** Inline <style>, uncompressed (it travels inside the HTML). */
  inlineCss: number;
  /** Inline executable <script>, uncompressed. */
  inlineJs: number;
  /** Stylesheets, scripts, fonts and eager images fetched for the first render, gzip where text. */
  subresources: number;
  fonts: number;
  images: number;
  firstVisit: number;
  problems: string[];
}

type Tag = { name: string; attrs: Map<string, string>; body: string };

/** The elements of one page with this tag name, read with parse5 as a browser would (src/lib/html.ts). */
function tags(doc: HtmlDocument, name: string): Tag[] {
  return byTag(doc, name).map((element) => ({
    name,
    attrs: new Map(element.attrs.map((a) => [a.name, a.value])),
    body: name === 'script' || name === 'style' ? textOf(element) : '',
  }));
}

const isExternal = (url: string) => /^(https?:)?\/\//i.test(url);
const isJsType = (type: string | undefined) => !type || /^(module|text\/javascript|application\/javascript)$/i.test(type.trim());
const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

function cssProblems(css: string, where: string): string[] {
  const problems: string[] = [];
  if (/@font-face\b/i.test(css)) problems.push(`web font: @font-face in ${where}`);
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) {
    problems.push(
      isExternal(m[1]!)
        ? `render-blocking third-party request: @import ${m[1]} in ${where}`
        : `render-blocking @import ${m[1]} in ${where}`,
    );
  }
  return problems;
}

/**
 * Weighs one page. `readAsset` returns a same-site file's bytes (by URL path) or
 * undefined when it does not exist.
 */
export function weighPage(path: string, html: string, readAsset: (urlPath: string) => Buffer | undefined, headers = 0): PageWeight {
  const problems: string[] = [];
  let subresources = 0;
  let fonts = 0;
  let images = 0;
  const local = (url: string) => new URL(url, `https://site.invalid${path}`).pathname;
  const fetchLocal = (url: string, what: string) => {
    const data = readAsset(local(url));
    if (!data) problems.push(`${what} ${url} is missing from the build`);
    return data;
  };

  const doc = parseHtml(html);
  const styles = tags(doc, 'style');
  const inlineCss = styles.reduce((n, s) => n + Buffer.byteLength(s.body), 0);
  for (const s of styles) problems.push(...cssProblems(s.body, 'inline <style>'));

  for (const link of tags(doc, 'link')) {
    const rel = (link.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.attrs.get('href') ?? '';
    if (rel.includes('stylesheet')) {
      if (isExternal(href)) {
        problems.push(`render-blocking third-party request: stylesheet ${href}`);
        continue;
      }
      const css = fetchLocal(href, 'stylesheet');
      if (css) {
        subresources += gzipSize(css);
        problems.push(...cssProblems(css.toString('utf8'), href));
      }
    }
    if ((rel.includes('preload') || rel.includes('prefetch')) && (link.attrs.get('as') === 'font' || FONT_FILE.test(href))) {
      problems.push(`web font: <link rel="${rel.join(' ')}" href="${href}">`);
      fonts += isExternal(href) ? 0 : (fetchLocal(href, 'font')?.length ?? 0);
    }
  }

  let inlineJs = 0;
  for (const script of tags(doc, 'script')) {
    if (!isJsType(script.attrs.get('type'))) continue; // JSON-LD and other data blocks do not run.
    const src = script.attrs.get('src');
    if (src === undefined) {
      inlineJs += Buffer.byteLength(script.body);
      continue;
    }
    const blocking = !script.attrs.has('async') && !script.attrs.has('defer') && script.attrs.get('type') !== 'module';
    if (isExternal(src)) {
      problems.push(`${blocking ? 'render-blocking ' : ''}third-party script ${src}`);
      continue;
    }
    problems.push(`JavaScript before interaction: <script src="${src}">; load it from the inline loader when it is needed`);
    const js = fetchLocal(src, 'script');
    if (js) subresources += gzipSize(js);
  }
  if (inlineJs > INLINE_JS_BUDGET) problems.push(`inline JavaScript is ${inlineJs} bytes; the loader budget is ${INLINE_JS_BUDGET}`);

  for (const img of tags(doc, 'img')) {
    const src = img.attrs.get('src') ?? '';
    // Lazy images wait until they near the viewport; every other image is part of the first visit.
    if (img.attrs.get('loading') === 'lazy' || !src || src.startsWith('data:')) continue;
    if (isExternal(src)) {
      problems.push(`third-party image ${src} in the first visit`);
      continue;
    }
    images += fetchLocal(src, 'image')?.length ?? 0;
  }

  const htmlGzip = gzipSize(html);
  const firstVisit = headers + htmlGzip + subresources + fonts + images;
  if (firstVisit > FIRST_VISIT_BUDGET)
    problems.push(`first visit is ${firstVisit} bytes compressed; the budget is ${FIRST_VISIT_BUDGET} (14 KB)`);
  return {
    path,
    htmlRaw: Buffer.byteLength(html),
    htmlGzip,
    htmlBrotli: brotliSize(html),
    headers,
    inlineCss,
    inlineJs,
    subresources,
    fonts,
    images,
    firstVisit,
    problems,
  };
}

/** Font files anywhere in the build: a web font is a budget failure even if no page links it yet. */
export function fontFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && FONT_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function formatTable(rows: readonly PageWeight[]): string {
  const header = [
    'page',
    'HTML',
    'gzip',
    'br',
    'headers',
    'inline CSS',
    'inline JS',
    'requests',
    'fonts',
    'images',
    'first visit',
    'of 14 KB',
  ];
  const body = rows.map((r) => [
    r.path,
    kb(r.htmlRaw),
    kb(r.htmlGzip),
    kb(r.htmlBrotli),
    kb(r.headers),
    kb(r.inlineCss),
    String(r.inlineJs),
    kb(r.subresources),
    kb(r.fonts),
    kb(r.images),
    kb(r.firstVisit),
    `${Math.round((r.firstVisit / FIRST_VISIT_BUDGET) * 100)}%${r.problems.length ? ' ✗' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function main(): number {
  const pages = sitePages();
  const read = (urlPath: string) => {
    const file = join(DIST, decodeURIComponent(urlPath));
    return existsSync(file) ? readFileSync(file) : undefined;
  };
  const rules = existsSync(join(DIST, '_headers')) ? parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')) : [];
  const headerBytes = (path: string) =>
    [...headersFor(rules, path)].reduce((n, [name, value]) => n + Buffer.byteLength(`${name}: ${value}\r\n`), 0);
  const rows = pages.map((path) => weighPage(path, readFileSync(pageFile(path), 'utf8'), read, headerBytes(path)));
  console.log(`Page weight, first visit (KB; HTML compressed with gzip -6 as a host would send it, brotli quality 6 for comparison;`);
  console.log(`headers from dist/_headers; inline JS in bytes; first visit = headers + gzip HTML + requests + fonts + images):\n`);
  console.log(formatTable(rows));
  const problems = [
    ...rows.flatMap((r) => r.problems.map((p) => `${r.path}: ${p}`)),
    ...fontFiles(DIST).map((f) => `web font file in the build: ${f}`),
  ];
  const largest = rows.reduce((a, b) => (b.firstVisit > a.firstVisit ? b : a));
  // In bytes too: to one decimal place, "14.0 KB" covers pages both inside and over the 14,336-byte budget.
  const margin = FIRST_VISIT_BUDGET - largest.firstVisit;
  console.log(
    `\n${rows.length} pages; largest first visit ${kb(largest.firstVisit)} KB (${largest.path}) of ${kb(FIRST_VISIT_BUDGET)} KB: ` +
      `${largest.firstVisit} of ${FIRST_VISIT_BUDGET} bytes, ${margin >= 0 ? `${margin} to spare` : `${-margin} over`}.`,
  );
  if (problems.length === 0) {
    console.log('Budget holds: no JavaScript before interaction beyond the inline loader, no web fonts, no third-party requests.');
    return 0;
  }
  console.error(`\nBudget broken (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return 1;
}

if (import.meta.main) process.exitCode = main();
