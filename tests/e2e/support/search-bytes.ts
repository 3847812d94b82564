/**
 * What a reader's first search costs on the wire: every file Chromium fetches
 * from pressing "/" on a content page to seeing the first results, counted as
 * a CDN would serve it. Text (JavaScript, CSS, JSON, and the wasm) is
 * compressed with brotli at quality 11, the way CDNs compress static files
 * ahead of time; Pagefind's index, filter and fragment files are gzipped
 * inside already and served as they are. Headers are left out: they depend on
 * the host, not on the site.
 *
 * Shared by `npm run search:bytes` (which prints the figure) and the browser
 * tests (which hold it to FIRST_SEARCH_BUDGET).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Page } from 'playwright-core';

/** Bytes a first search may cost: wasm, index and fragments are about 100 KB, the interface the rest. */
export const FIRST_SEARCH_BUDGET = 130_000;

export type Kind = 'JS' | 'CSS' | 'wasm' | 'index' | 'fragments' | 'other';
export const KINDS: Kind[] = ['JS', 'CSS', 'wasm', 'index', 'fragments', 'other'];

export function kindOf(path: string): Kind {
  if (path.endsWith('.js')) return 'JS';
  if (path.endsWith('.css')) return 'CSS';
  if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  // The entry manifest, metadata, word index chunks and filter chunks are all index.
  if (/\.(pf_meta|pf_index|pf_filter)$/.test(path) || path.endsWith('pagefind-entry.json')) return 'index';
  return 'other';
}

const COMPRESSED_BY_HOST = /\.(js|css|json|html|svg|txt|xml|pagefind)$/;

/** Body bytes of one built file as a CDN sends it: brotli for text, as-is for files that are compressed already. */
export function wireBytes(dist: string, path: string): { raw: number; wire: number } {
  const data = readFileSync(join(dist, decodeURIComponent(path).replace(/\/$/, '/index.html')));
  if (!COMPRESSED_BY_HOST.test(path)) return { raw: data.length, wire: data.length };
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // A host sends whichever is smaller: Pagefind's wasm is gzipped inside, so brotli gains nothing on it.
  return { raw: data.length, wire: Math.min(brotli, data.length) };
}

export interface FirstSearch {
  summary: string;
  files: { path: string; kind: Kind; raw: number; wire: number }[];
  total: number;
  byKind: Map<Kind, { bytes: number; files: number }>;
}

/**
 * Opens `from`, presses "/", types `query` and waits for the first results and
 * a quiet network; returns every same-origin file fetched meanwhile.
 */
export async function measureFirstSearch(page: Page, base: string, dist: string, query: string, from: string): Promise<FirstSearch> {
  const requested = new Set<string>();
  let measuring = false;
  let lastActivity = Date.now();
  page.on('request', (req) => {
    lastActivity = Date.now();
    const url = new URL(req.url());
    if (measuring && url.origin === new URL(base).origin) requested.add(url.pathname);
  });
  page.on('requestfinished', () => (lastActivity = Date.now()));
  await page.goto(`${base}${from}`, { waitUntil: 'networkidle' });
  measuring = true;
  await page.keyboard.press('/');
  await page.locator('dialog.search-dialog[open] input[type="search"]').waitFor();
  await page.keyboard.type(query);
  await page.waitForFunction(() =>
    /\d+ results? for /.test(document.querySelector('dialog.search-dialog .search-status')?.textContent ?? ''),
  );
  await page.locator('dialog.search-dialog .search-result-link').first().waitFor();
  // The visible results load their fragments after the count appears; wait for the network to go quiet.
  while (Date.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 100));
  const summary = (await page.locator('dialog.search-dialog .search-status').textContent())?.trim() ?? '';

  const files = [...requested].map((path) => ({ path, kind: kindOf(path), ...wireBytes(dist, path) }));
  const byKind = new Map<Kind, { bytes: number; files: number }>(KINDS.map((k) => [k, { bytes: 0, files: 0 }]));
  for (const f of files) {
    const k = byKind.get(f.kind)!;
    k.bytes += f.wire;
    k.files += 1;
  }
  return { summary, files, total: files.reduce((sum, f) => sum + f.wire, 0), byKind };
}
