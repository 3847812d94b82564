/**
 * The site under its own security headers. The test server applies
 * dist/_headers the way Netlify or Cloudflare Pages would, the browser opens
 * one page of every type (and runs a search when Pagefind's files are in the
 * build), and no Content-Security-Policy violation may occur.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from './support/test-browser.ts';
import { DIST, onePagePerType, sitePages } from './support/pages.ts';
import { headersFor, parseHeadersFile } from './support/headers-file.ts';

const pages = onePagePerType(sitePages());
const hasPagefind = existsSync(join(DIST, 'pagefind', 'pagefind.js'));

// The one server of the browser tests (support/global-setup.ts), which applies dist/_headers.
const server = { url: inject('baseUrl') };
let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  context: BrowserContext;
  /** CSP violations the page reported, as "directive: blocked URI". */
  violations(): Promise<string[]>;
  /** Console errors and warnings, where Chromium reports header problems it does not throw for. */
  console: string[];
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext();
  // Registered before any page script runs, and injected by the browser, so the policy does not block it.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return { page, context, console: messages, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

describe('security headers in the browser', () => {
  it('are applied by the test server exactly as dist/_headers says', async () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    for (const path of pages) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      const expected = headersFor(rules, path);
      for (const name of ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'permissions-policy']) {
        expect(res.headers.get(name), `${path} ${name}`).toBe(expected.get(name));
      }
    }
  });

  describe('every page type', () => {
    // One tab for all of them: the init script runs again in every new document, so nothing carries over.
    let w: Watched;
    beforeAll(async () => {
      w = await watchedPage();
    });
    afterAll(async () => {
      await w?.context.close();
    });

    it.each(pages)('%s loads with no CSP violation and a clean console', async (path) => {
      w.console.length = 0;
      const res = await w.page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(res?.headers()['content-security-policy']).toMatch(/script-src/);
      expect(await w.violations()).toEqual([]);
      expect(w.console).toEqual([]);
    });
  });

  it('blocks and reports an inline script that is not hashed (so the checks above can fail)', async () => {
    const w = await watchedPage();
    try {
      await w.page.goto(`${server.url}/`);
      const ran = await w.page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.append(s);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => w.violations()).toEqual(['script-src-elem: inline']);
    } finally {
      await w.context.close();
    }
  });

  // Search lives on another branch until it is merged; without /pagefind/ in the build there is nothing to run.
  it.skipIf(!hasPagefind)('runs a Pagefind search (WebAssembly, worker, index fetches) with no CSP violation', async () => {
    const w = await watchedPage();
    try {
      await w.page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
      // Open search the way a reader would, so the inline loader fetches the search code.
      const input = w.page.locator('input[type="search"]').first();
      if (await input.isVisible()) {
        await input.click();
        await input.pressSequentially('engineer');
        await w.page.waitForLoadState('networkidle');
      }
      // Then query the index directly: the part the policy could break is Pagefind's own runtime.
      const found = await w.page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const search = await pagefind.search('engineer');
        const first = search.results[0] ? await search.results[0].data() : undefined;
        return { count: search.results.length, url: first && first.url };
      })()`);
      expect(found).toMatchObject({ count: expect.any(Number), url: expect.stringMatching(/^\//) });
      expect((found as { count: number }).count).toBeGreaterThan(0);
      // The search dialog on other pages, if the site has one behind Ctrl+K: open it and search there too.
      await w.page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
      await w.page.keyboard.press('Control+k');
      // The dialog's code is fetched on demand, so it opens a moment after the key press.
      const opened = await w.page
        .locator('dialog[open], [role="dialog"]')
        .first()
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (opened) {
        // Type only once the dialog's input has focus: keys sent earlier would be lost.
        const dialogInput = w.page.locator('dialog[open] input').first();
        await dialogInput.waitFor();
        await expect.poll(() => dialogInput.evaluate((el) => el === document.activeElement || el.getRootNode() !== document)).toBe(true);
        await dialogInput.pressSequentially('engineer');
        await w.page.waitForLoadState('networkidle');
        await expect
          // expect.poll gives up after 1 s by default, which a busy machine needs for the first results.
          .poll(() => w.page.locator('dialog[open] a[href^="/"]').count(), { message: 'the dialog shows results', timeout: 20_000 })
          .toBeGreaterThan(0);
      }
      expect(await w.violations()).toEqual([]);
      expect(w.console).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});
