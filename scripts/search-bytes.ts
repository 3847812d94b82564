/**
 * Prints the bytes a reader's first search costs: everything the browser fetches
 * from pressing "/" on a content page to seeing the first results, in total and
 * by kind of file (JS, CSS, wasm, index, fragments).
 *
 *   npm run build && npm run search:bytes [-- "query" [/page/]]
 *
 * It serves dist/ with `astro preview` (which compresses text the way a typical
 * host does), drives Debian's Chromium, and counts each response's encoded body
 * plus headers as Chromium reports them. Chromium reports no size for a worker's
 * own script, so that one file is re-requested with the same Accept-Encoding.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.ts';

const ROOT = join(import.meta.dirname, '..');
const [query = 'sound engineer', from = '/roles/sound-engineer/'] = process.argv.slice(2);

type Kind = 'JS' | 'CSS' | 'wasm' | 'index' | 'fragments' | 'other';
const KINDS: Kind[] = ['JS', 'CSS', 'wasm', 'index', 'fragments', 'other'];

function kindOf(path: string): Kind {
  if (path.endsWith('.js')) return 'JS';
  if (path.endsWith('.css')) return 'CSS';
  if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  // The entry manifest, metadata, word index chunks and filter chunks are all index.
  if (/\.(pf_meta|pf_index|pf_filter)$/.test(path) || path.endsWith('pagefind-entry.json')) return 'index';
  return 'other';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Bytes on the wire for one GET, headers included, as the browser would have asked for it. */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      let body = 0;
      res.on('data', (chunk: Buffer) => (body += chunk.length));
      res.on('end', () => {
        const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${Object.entries(res.headers)
          .map(([k, v]) => `${k}: ${String(v)}\r\n`)
          .join('')}\r\n`;
        resolve(body + Buffer.byteLength(head));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitForServer(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`astro preview did not answer at ${url}`);
}

if (!existsSync(join(ROOT, 'dist', 'pagefind', 'pagefind-entry.json'))) {
  console.error('dist/pagefind/ is missing: run `npm run build` first');
  process.exit(1);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// process.execPath is the pinned Node 24, as in the browser tests' setup.
const server = spawn(
  process.execPath,
  [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', String(port)],
  {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const browser = await launchBrowser();
try {
  await waitForServer(`${base}/`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: { path: string; bytes: number; estimated: boolean }[] = [];
  let measuring = false;
  let lastActivity = Date.now();
  const pending: Promise<void>[] = [];
  context.on('request', () => (lastActivity = Date.now()));
  context.on('requestfinished', (req) => {
    lastActivity = Date.now();
    if (!measuring) return;
    pending.push(
      (async () => {
        const sizes = await req.sizes();
        const path = new URL(req.url()).pathname;
        const reported = sizes.responseBodySize > 0;
        const bytes = reported ? sizes.responseBodySize + sizes.responseHeadersSize : await wireBytes(req.url());
        fetched.push({ path, bytes, estimated: !reported });
      })(),
    );
  });

  await page.goto(`${base}${from}`, { waitUntil: 'networkidle' });
  measuring = true;
  await page.keyboard.press('/');
  await page.locator('pagefind-modal dialog[open] pagefind-input input').waitFor();
  await page.keyboard.type(query);
  await page.waitForFunction(() => /\d+ results? for /.test(document.querySelector('pagefind-modal pagefind-summary')?.textContent ?? ''));
  await page.locator('pagefind-modal .pf-result-link').first().waitFor();
  // The visible results load their fragments after the count appears; wait for the network to go quiet.
  while (Date.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 100));
  await Promise.all(pending);
  const summary = await page.locator('pagefind-modal pagefind-summary').textContent();

  const byKind = new Map<Kind, { bytes: number; files: number }>(KINDS.map((k) => [k, { bytes: 0, files: 0 }]));
  for (const f of fetched) {
    const k = byKind.get(kindOf(f.path))!;
    k.bytes += f.bytes;
    k.files += 1;
  }
  const total = fetched.reduce((sum, f) => sum + f.bytes, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

  console.log(`First query "${query}" on ${from} (${summary?.trim()}): bytes transferred after the reader pressed "/"`);
  console.log('');
  console.log(`${'kind'.padEnd(10)}${'files'.padStart(6)}${'bytes'.padStart(10)}${''.padStart(12)}`);
  for (const [kind, { bytes, files }] of byKind) {
    if (files === 0) continue;
    console.log(`${kind.padEnd(10)}${String(files).padStart(6)}${String(bytes).padStart(10)}${kb(bytes).padStart(12)}`);
  }
  console.log(`${'total'.padEnd(10)}${String(fetched.length).padStart(6)}${String(total).padStart(10)}${kb(total).padStart(12)}`);
  console.log('');
  for (const f of fetched.sort((a, b) => b.bytes - a.bytes)) {
    console.log(
      `  ${String(f.bytes).padStart(8)}  ${f.path}${f.estimated ? '  (re-requested: Chromium reports no size for a worker script)' : ''}`,
    );
  }
  console.log(
    "\nBytes are encoded bodies plus response headers, as served by `astro preview` (text gzip-compressed; Pagefind's index files are compressed already).",
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
