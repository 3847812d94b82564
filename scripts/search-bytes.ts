/**
 * Prints the bytes a reader's first search costs: everything the browser fetches
 * from pressing "/" on a content page to seeing the first results, in total and
 * by kind of file (JS, CSS, wasm, index, fragments), as a CDN would send it
 * (brotli for text; see tests/e2e/support/search-bytes.ts), and fails when the
 * total is over the budget.
 *
 *   npm run build && npm run search:bytes [-- "query" [/page/]]
 *
 * It serves dist/ with the browser tests' static server (sirv, with the
 * headers in dist/_headers) and drives Debian's Chromium to find which files
 * a first search fetches; their sizes come from dist/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { FIRST_SEARCH_BUDGET, measureFirstSearch } from '../tests/e2e/support/search-bytes.ts';
import { startStaticServer } from '../tests/e2e/support/static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const [query = 'mixing', from = '/roles/sound-engineer/'] = process.argv.slice(2);

if (!existsSync(join(ROOT, 'dist', 'pagefind', 'pagefind-entry.json'))) {
  console.error('dist/pagefind/ is missing: run `npm run build` first');
  process.exit(1);
}

// The browser tests' server (sirv, dist/_headers applied): in process, on a free port, and up as soon as it listens.
const server = await startStaticServer(DIST);
const base = server.url;
const browser = await launchBrowser();
let over = false;
try {
  const page = await browser.newPage();
  const { summary, files, total, byKind } = await measureFirstSearch(page, base, DIST, query, from);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

  console.log(`First query "${query}" on ${from} (${summary}): bytes a CDN sends after the reader pressed "/" (brotli for text)`);
  console.log('');
  console.log(`${'kind'.padEnd(10)}${'files'.padStart(6)}${'bytes'.padStart(10)}${''.padStart(12)}`);
  for (const [kind, { bytes, files: n }] of byKind) {
    if (n === 0) continue;
    console.log(`${kind.padEnd(10)}${String(n).padStart(6)}${String(bytes).padStart(10)}${kb(bytes).padStart(12)}`);
  }
  console.log(`${'total'.padEnd(10)}${String(files.length).padStart(6)}${String(total).padStart(10)}${kb(total).padStart(12)}`);
  console.log('');
  for (const f of files.sort((a, b) => b.wire - a.wire))
    console.log(`  ${String(f.wire).padStart(8)}  ${f.path}  (${f.raw} bytes on disk)`);
  over = total > FIRST_SEARCH_BUDGET;
  console.log(
    `\nBudget: ${FIRST_SEARCH_BUDGET} bytes; ${over ? `OVER by ${total - FIRST_SEARCH_BUDGET}` : `${FIRST_SEARCH_BUDGET - total} to spare`}. Headers are not counted.`,
  );
} finally {
  await browser.close();
  await server.close();
}
if (over) process.exit(1);
