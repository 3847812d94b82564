/**
 * Search in a real browser against the built site: what readers find, filtering,
 * the keyboard alone, accessibility while search is open, the tiny loader, and
 * the way things work without JavaScript.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import { validateContent } from '../../src/lib/content-validator.ts';
import { entryUrl } from '../../src/lib/routes.ts';
import type { Role } from '../../src/schemas/role.ts';
import { axeViolations, describeViolations } from './support/axe.ts';
import { testBrowser } from './support/test-browser.ts';
import { FIRST_SEARCH_BUDGET, measureFirstSearch } from './support/search-bytes.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const DIALOG = 'dialog.search-dialog';
/** How many results the interface draws before "More results" (PAGE in src/components/search/client.ts). */
const RESULTS_PER_STEP = 8;
const PANEL = '.search-panel';
const countIn = async (scope: string, on = page) =>
  Number((await on.locator(`${scope} .search-status`).textContent())!.match(/(\d+) results?/)![1]);

/** Waits until Pagefind has answered and the first `count` results (of those drawn) have their links. */
async function resultLinks(scope: string, count = 1, on = page): Promise<string[]> {
  await on.waitForFunction((s) => /\d+ results? for /.test(document.querySelector(`${s} .search-status`)?.textContent ?? ''), scope);
  const total = await countIn(scope, on);
  const want = Math.min(count, total);
  // Results load lazily and not always in order, so wait until the first `want` are all in.
  await on.waitForFunction(
    ({ s, n }) => {
      const items = [...document.querySelectorAll(`${s} .search-results > li`)].slice(0, n);
      return items.length === n && items.every((li) => li.querySelector('.search-result-link'));
    },
    { s: scope, n: want },
  );
  return on
    .locator(`${scope} .search-results > li > .search-result-link`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Searches on the /search/ page through its address, as a shared link would. */
async function searchPage(query: string, count = 1): Promise<string[]> {
  await page.goto(`${base()}/search/?q=${encodeURIComponent(query)}`);
  return resultLinks(PANEL, count);
}

/** Opens the search dialog on a content page with "/" and types a query. */
async function searchDialog(query: string, count = 1, from = '/roles/sound-engineer/'): Promise<string[]> {
  await page.goto(`${base()}${from}`);
  await page.keyboard.press('/');
  await page.locator(`${DIALOG}[open] input[type="search"]`).waitFor();
  await page.keyboard.type(query);
  return resultLinks(DIALOG, count);
}

describe('search finds what readers look for', () => {
  it('"cable management" finds the audio technician page, from the dialog', async () => {
    const [first] = await searchDialog('cable management');
    expect(first).toBe('/roles/audio-technician/');
  });

  it('"clock hours" finds the training program, from a shared /search/?q= link', async () => {
    // The glossary's "Clock hour" may rank first; the 378-hour program must follow close behind.
    const links = await searchPage('clock hours', 3);
    expect(links).toContain('/programs/audio-engineering-and-music-production/');
    await expect(page.locator(`${PANEL} input[type="search"]`).inputValue()).resolves.toBe('clock hours');
  });

  it('finds glossary terms by abbreviation: "FOH" finds front of house', async () => {
    const [first] = await searchTyped('FOH');
    expect(first).toBe('/glossary/#front-of-house');
  });

  // Other roles now carry these words in their own titles (broadcast audio engineer, mixing engineer) or as
  // alternate titles (recording engineer), so the sound engineer is expected among the first five, not three.
  it.each(['audio engineer', 'mixing engineer'])('finds the sound engineer through its alternate title "%s"', async (query) => {
    const links = await searchTyped(query, 5);
    expect(links.slice(0, 5)).toContain('/roles/sound-engineer/');
  });

  const { data } = validateContent({ root: ROOT });
  const roles = [...(data.roles as Map<string, Role>)].filter(([, r]) => !r.draft);
  // One /search/ page for the queries above and every role title, each typed into its box as a reader refines a
  // search: Pagefind loads once, not once per query in a fresh browser context (which was half of this file's time).
  // Opening a search from a shared address has tests of its own ("clock hours", the address kept in step).
  let titles: { context: BrowserContext; page: Page } | undefined;
  afterAll(async () => {
    await titles?.context.close();
  });
  async function searchTyped(query: string, count = 1): Promise<string[]> {
    if (!titles) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      titles = { context, page: await context.newPage() };
      await titles.page.goto(`${base()}/search/`);
    }
    const on = titles.page;
    await on.locator(`${PANEL} input[type="search"]`).fill(query);
    // The status names the query it answers, so the results below are this query's, not the previous one's.
    await on.waitForFunction(({ s, q }) => document.querySelector(`${s} .search-status`)?.textContent?.endsWith(`for “${q}”`) ?? false, {
      s: PANEL,
      q: query,
    });
    return resultLinks(PANEL, count, on);
  }
  it.each(roles.map(([id, r]) => [r.title, entryUrl('roles', id)]))('searching "%s" puts its role page first', async (title, url) => {
    const [first] = await searchTyped(title);
    expect(first).toBe(url);
  });

  it('keeps the address in step with the query, so a search can be shared', async () => {
    await searchPage('gain staging');
    const input = page.locator(`${PANEL} input[type="search"]`);
    await input.fill('latency');
    await page.waitForURL(/\?q=latency$/);
  });
});

describe('filters', () => {
  it('filtering by type narrows the results', async () => {
    const before = await searchDialog('sound', 1);
    const countOf = () => countIn(DIALOG);
    const all = await countOf();
    expect(before.length).toBeGreaterThan(0);

    const filters = page.locator(`${DIALOG} .search-filters`);
    await filters.locator('summary', { hasText: /^type/i }).click();
    await filters.locator('input[type="checkbox"][name="type"][value="Role"]').check();
    await page.waitForFunction(
      ({ s, n }) => {
        const m = document.querySelector(`${s} .search-status`)?.textContent?.match(/(\d+) results?/);
        return m && Number(m[1]) < n;
      },
      { s: DIALOG, n: all },
    );
    const narrowed = await countOf();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    // Every result drawn (the first RESULTS_PER_STEP, then more on request) is a role.
    const links = await resultLinks(DIALOG, Math.min(narrowed, RESULTS_PER_STEP));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith('/roles/'))).toBe(true);
  });
});

describe('keyboard alone', () => {
  it('Ctrl+K opens search, arrows move through results, Enter opens one', async () => {
    await page.goto(`${base()}/guides/from-technician-to-engineer/`);
    await page.keyboard.press('Control+k');
    await page.locator(`${DIALOG}[open] input[type="search"]`).waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('INPUT');
    // "FOH" is the glossary term's abbreviation; the front-of-house engineer's role page follows it.
    await page.keyboard.type('FOH');
    const [first] = await resultLinks(DIALOG, 2);
    expect(first).toBe('/glossary/#front-of-house');

    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    await expect(focusedHref()).resolves.toBe(first);
    await page.keyboard.press('ArrowDown');
    const next = await focusedHref();
    expect(next).toMatch(/^\//);
    expect(next).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(first);

    await Promise.all([page.waitForURL(`${base()}/glossary/#front-of-house`), page.keyboard.press('Enter')]);
    await expect(page.locator(':target').textContent()).resolves.toBe('Front of house');
  });

  it('"/" opens search and Esc closes it, returning focus to where the reader was', async () => {
    await page.goto(`${base()}/roles/audio-technician/`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.matches('[data-search-open]'))); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(page.evaluate(() => document.activeElement?.matches('[data-search-open]'))).resolves.toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.locator(DIALOG);
    await page.locator(`${DIALOG}[open] input[type="search"]`).waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.matches('[data-search-open]'))).resolves.toBe(true);

    await page.keyboard.press('/');
    await page.locator(`${DIALOG}[open] input[type="search"]`).waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
  });

  it('does not steal "/" from a text field', async () => {
    await page.goto(`${base()}/`);
    await page.locator('#home-q').focus();
    await page.keyboard.type('a/b');
    await expect(page.locator('#home-q').inputValue()).resolves.toBe('a/b');
    await expect(page.locator(`${DIALOG}[open]`).count()).resolves.toBe(0);
  });
});

describe('accessibility', () => {
  it('axe reports no violations while the search dialog is open with results and filters', async () => {
    await searchDialog('mixing', 3);
    await page.locator(`${DIALOG} .search-filters summary`, { hasText: /^type/i }).click();
    // The same axe-core and WCAG 2.2 AA + best-practice tags as AxeBuilder, run in the open page (support/axe.ts).
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('axe reports no violations on the /search/ page with results', async () => {
    await searchPage('clock hours', 1);
    // The same axe-core and WCAG 2.2 AA + best-practice tags as AxeBuilder, run in the open page (support/axe.ts).
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});

describe('loading', () => {
  it('fetches nothing for search until the reader asks, then loads it on focus', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base()}/roles/sound-engineer/`, { waitUntil: 'networkidle' });
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(requested.filter((p) => p.endsWith('.js'))).toEqual([]);

    await page.locator('[data-search-open]').focus();
    await page.waitForFunction(() => document.documentElement.dataset['search'] === 'ready');
    expect(requested).toContain('/pagefind/search-ui.js');
    // Focus only prepares: the dialog opens on a click, Enter or a shortcut.
    await expect(page.locator(`${DIALOG}[open]`).count()).resolves.toBe(0);
  });

  it('sends a modified click on the search link to the /search/ page, as a link', async () => {
    await page.goto(`${base()}/roles/sound-engineer/`);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('[data-search-open]').click({ modifiers: ['Control'] })]);
    // A new tab starts at about:blank, whose own load can come before the navigation to the link: wait for the address,
    // and if it never comes, let the expectation below say where the tab is instead.
    await popup.waitForURL((url) => url.pathname === '/search/', { timeout: 10_000 }).catch(() => undefined);
    expect(new URL(popup.url()).pathname).toBe('/search/');
  });
});

describe('bytes', () => {
  it(`a first search for "mixing" from a role page fetches at most ${FIRST_SEARCH_BUDGET} bytes with brotli`, async () => {
    const { total, files, summary } = await measureFirstSearch(page, base(), `${ROOT}dist`, 'mixing', '/roles/sound-engineer/');
    console.info(`first search for "mixing": ${total} bytes in ${files.length} files (${summary})`);
    expect(summary).toMatch(/^\d+ results? for /);
    // The interface, Pagefind's API and its wasm must all be among them, or the figure measures less than a search.
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['/pagefind/search-ui.js', '/pagefind/pagefind.js']));
    expect(files.some((f) => f.kind === 'wasm')).toBe(true);
    expect(total).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
  });
});

describe('without JavaScript', () => {
  it('the header search link and the search form lead to a page that explains and links to the indexes', async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${base()}/roles/sound-engineer/`);
    await Promise.all([page.waitForURL(`${base()}/search/`), page.locator('.site-header a', { hasText: 'Search' }).click()]);
    await page.locator('#q').fill('front of house');
    await Promise.all([page.waitForURL(/\/search\/\?q=front\+of\+house$/), page.locator('#q').press('Enter')]);
    await expect(page.locator('.search-fallback').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Full-text search runs in your browser with JavaScript').isVisible()).resolves.toBe(true);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/roles/', '/compare/', '/guides/', '/programs/', '/competencies/', '/glossary/']));
  });
});
