/**
 * Finds the layout shifts a phone sees when it paints a page before it has parsed all of it. Each page's HTML is served
 * in two parts, split in the middle of one of its text nodes, with a pause between them long enough for Chromium to
 * paint the first part; whatever moves when the second part arrives is a shift that the browser tests' single load
 * catches only when a busy machine happens to pause the parser at that point (see docs/quality.md).
 *
 *   npm run build && npm run shift-scan                      one page of every type, 360 px
 *   npm run shift-scan -- /roles/ /data/ --width 320         the pages named, at another width
 *
 * Options: --width (default 360), --max (text nodes per page, from the top; default 150), --pause (ms, default 200).
 * Exits 1 when any split shifts something.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { elements, parseHtml, type HtmlNode } from '../src/lib/html.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { onePagePerType, pageFile, sitePages } from '../tests/e2e/support/pages.ts';

/** Text nodes whose paint can be cut short: in the body, outside script, style, noscript and template (whose content is
 * never painted), with some visible text. Walks childNodes, not `elements()`, which also enters templates' content. */
function* bodyTextNodes(root: HtmlNode): Generator<{ start: number; end: number }> {
  const body = [...elements(root)].find((e) => e.tagName === 'body');
  const stack: HtmlNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      const location = (node as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
      if (location && (node as { value: string }).value.trim().length >= 2) yield { start: location.startOffset, end: location.endOffset };
      continue;
    }
    if (!('childNodes' in node) || ['script', 'style', 'template', 'noscript'].includes(node.nodeName)) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
}

/**
 * Where to split `html` (byte offsets into its UTF-8 encoding, ascending): the middle of each of the first `max` text
 * nodes of its body, in document order. A text node's middle is where a partly parsed word is most likely to be painted.
 */
export function splitPoints(html: string, max: number): number[] {
  const points: number[] = [];
  for (const { start, end } of bodyTextNodes(parseHtml(html, { locations: true }))) {
    if (points.length === max) break;
    points.push(Buffer.byteLength(html.slice(0, start + Math.floor((end - start) / 2))));
  }
  return points.sort((a, b) => a - b);
}

/** The shifts recorded in the page so far, each with what moved. Runs in the page. */
async function shiftsInPage(): Promise<{ value: number; moved: string[] }[]> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  seen.push(...observer.takeRecords());
  observer.disconnect();
  type Shift = { value: number; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
  const at = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)}`;
  return (seen as unknown as Shift[]).map((e) => ({
    value: e.value,
    moved: e.sources.map(
      (s) =>
        `${s.node?.nodeName.toLowerCase() ?? '?'} "${(s.node?.textContent ?? '').trim().slice(0, 30)}" ${at(s.previousRect)} → ${at(s.currentRect)}`,
    ),
  }));
}

type Serving = { path: string; html: Buffer; split: number };

async function scan(tab: Page, base: string, serve: Serving, path: string, max: number): Promise<number> {
  serve.path = path;
  serve.html = readFileSync(pageFile(path));
  const points = splitPoints(serve.html.toString('utf8'), max);
  let shifted = 0;
  for (const split of points) {
    serve.split = split;
    await tab.goto(`${base}${path}?split=${split}`, { waitUntil: 'load' });
    const shifts = await tab.evaluate(shiftsInPage);
    if (shifts.length === 0) continue;
    shifted += 1;
    const before = serve.html
      .subarray(Math.max(0, split - 40), split)
      .toString('utf8')
      .replace(/\s+/g, ' ');
    for (const s of shifts)
      console.log(`${path} split after …${JSON.stringify(before)}: ${s.value.toFixed(5)}, moved ${s.moved.join('; ')}`);
  }
  console.log(`${path}: ${points.length} splits, ${shifted} with a shift`);
  return shifted;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      width: { type: 'string', default: '360' },
      max: { type: 'string', default: '150' },
      pause: { type: 'string', default: '200' },
    },
  });
  const pages = positionals.length > 0 ? positionals : onePagePerType(sitePages());
  const pause = Number(values.pause);
  const serve: Serving = { path: '', html: Buffer.alloc(0), split: 0 };
  // Not the tests' static server: this one has to hold the second part back. It serves the page in hand and nothing
  // else (the site's styles are inline, and its images have fixed sizes).
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== serve.path) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(serve.html.subarray(0, serve.split));
    setTimeout(() => res.end(serve.html.subarray(serve.split)), pause);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  let shifted = 0;
  try {
    const context = await browser.newContext({ viewport: { width: Number(values.width), height: 800 } });
    const tab = await context.newPage();
    for (const path of pages) shifted += await scan(tab, base, serve, path, Number(values.max));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${pages.length} page(s) at ${values.width} px: ${shifted} split(s) with a shift`);
  return shifted > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
