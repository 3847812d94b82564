/**
 * Bundles the search interface (src/components/search/client.ts and
 * client.css) into dist/pagefind/search-ui.js and search-ui.css with esbuild,
 * minified, next to Pagefind's own pagefind.js. The inline loader fetches them
 * only when a reader asks for search.
 *
 * It also holds the interface to a byte budget: what a reader downloads before
 * the index itself (pagefind.js, search-ui.js and search-ui.css), compressed
 * with brotli as a CDN serves it. Over budget, the build fails; the whole first
 * search is measured in Chromium by `npm run search:bytes` and the browser tests.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export const SEARCH_UI_FILES = { js: 'search-ui.js', css: 'search-ui.css' } as const;

/** Bytes of the interface (Pagefind's API plus ours, JS and CSS) after brotli: about 30 KB of the 130 KB first search. */
export const SEARCH_UI_BUDGET = 30_000;

const SOURCE = join(process.cwd(), 'src/components/search');

/** Brotli at the highest quality, as a CDN compresses static text ahead of time. */
export const brotliBytes = (data: Uint8Array) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Writes the interface into `bundleDir` (dist/pagefind) and returns its compressed size, file by file. */
export async function writeSearchUi(bundleDir: string): Promise<Record<string, number>> {
  const common = { bundle: true, minify: true, logLevel: 'silent', legalComments: 'none', target: 'es2022' } as const;
  await build({
    ...common,
    entryPoints: [join(SOURCE, 'client.ts')],
    outfile: join(bundleDir, SEARCH_UI_FILES.js),
    format: 'esm',
    // Pagefind's own API sits beside it in the bundle and is imported at run time.
    external: ['/pagefind/*'],
  });
  await build({ ...common, entryPoints: [join(SOURCE, 'client.css')], outfile: join(bundleDir, SEARCH_UI_FILES.css) });
  const sizes: Record<string, number> = {};
  for (const file of ['pagefind.js', SEARCH_UI_FILES.js, SEARCH_UI_FILES.css])
    sizes[file] = brotliBytes(readFileSync(join(bundleDir, file)));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  if (total > SEARCH_UI_BUDGET) {
    const list = Object.entries(sizes)
      .map(([f, b]) => `${f} ${b}`)
      .join(', ');
    throw new Error(`The search interface is ${total} bytes with brotli (${list}), over its budget of ${SEARCH_UI_BUDGET}`);
  }
  return sizes;
}
