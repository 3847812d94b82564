/**
 * The reading layout, measured in Chromium on one page of every type (README, "Reading design"): the header's
 * height at 360, 900 and 1280 px; the text's measure and the wide measure of what breaks out; "On this page"
 * sticky beside the text from 1200 px; the competency matrix readable at 1000 px and stacked at 360 px; no
 * sideways scroll at 768 px (quality.test.ts and phone-layout.test.ts check every page at 360 px); and block quotes, code
 * blocks and Markdown footnotes styled apart from running text and citations in both colour schemes.
 * Every figure is in CSS pixels at the default text size.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from './support/test-browser.ts';
import { onePagePerType, sitePages } from './support/pages.ts';

const pages = sitePages();
const types = onePagePerType(pages);
const withToc = pages.find((p) => p.startsWith('/roles/') && p !== '/roles/')!;
const matrixPage = pages.find((p) => p.startsWith('/competencies/') && p !== '/competencies/')!;

let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});

let tab: Page | undefined;
/** One tab for every test, resized and reloaded: a new tab per page would multiply the run time. */
async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  tab ??= await browser.newPage();
  await tab.setViewportSize({ width, height: 800 });
  await tab.emulateMedia({ colorScheme });
  const res = await tab.goto(`${inject('baseUrl')}${path}`, { waitUntil: 'load' });
  expect(res?.status(), `${path} did not load`).toBe(200);
  return tab;
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    });

type Box = Awaited<ReturnType<typeof box>>;
interface TypeLayout {
  /** The header, the name, the sections and Search at each of HEADER_WIDTHS. */
  header: Map<number, { header: Box; brand: Box; nav: Box; search: Box }>;
  /** The page's scroll width and width at 768 px. */
  at768: { scrollWidth: number; clientWidth: number };
}
const HEADER_WIDTHS = [360, 900, 1280];
const measuredTypes = new Map<string, Promise<TypeLayout>>();

/**
 * What the header and 768 px tests assert for a page type, measured on one load resized to each width (a static
 * page's layout at a width does not depend on the width it was loaded at): a load per width cost three loads in four.
 */
function typeLayout(path: string): Promise<TypeLayout> {
  const known = measuredTypes.get(path);
  if (known) return known;
  const measuring = (async () => {
    const page = await open(path, 768);
    const at768 = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const header: TypeLayout['header'] = new Map();
    for (const width of HEADER_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const [whole, brand, nav, search] = [
        await box(page, '.site-header'),
        await box(page, '.brand'),
        await box(page, '.site-nav'),
        await box(page, '.search-trigger'),
      ];
      header.set(width, { header: whole, brand, nav, search });
    }
    return { header, at768 };
  })();
  measuredTypes.set(path, measuring);
  return measuring;
}

describe('the header', () => {
  it.each(types)('%s: at most 130 px tall at 360 px; one row of at most 80 px at 900 and 1280 px', async (path) => {
    const { header } = await typeLayout(path);
    for (const width of [900, 1280]) {
      // One row: the name, the sections and Search share a line.
      const { brand, nav, search } = header.get(width)!;
      expect(nav.top, `sections start below the name at ${width} px`).toBeLessThan(brand.bottom);
      expect(search.top, `Search starts below the name at ${width} px`).toBeLessThan(brand.bottom);
    }
    expect(Math.round(header.get(360)!.header.height), 'header at 360 px').toBeLessThanOrEqual(130);
    expect(Math.round(header.get(900)!.header.height), 'header at 900 px').toBeLessThanOrEqual(80);
    expect(Math.round(header.get(1280)!.header.height), 'header at 1280 px').toBeLessThanOrEqual(80);
  });
});

describe('the grid at 1280 px', () => {
  it(`${withToc}: text keeps a measure of about 70 characters, "On this page" sits sticky beside it`, async () => {
    const page = await open(withToc, 1280);
    const measure = await page
      .locator('.article-body > p')
      .first()
      .evaluate((p) => {
        const width = p.getBoundingClientRect().width;
        // Characters per line: the paragraph's width over the average width of its own characters.
        const probe = document.createElement('span');
        probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
        probe.textContent = (p.textContent ?? '').slice(0, 400);
        p.append(probe);
        const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
        probe.remove();
        return { width, chars: width / perChar };
      });
    expect(measure.chars).toBeGreaterThan(60);
    expect(measure.chars).toBeLessThan(85);
    const [toc, body] = await Promise.all([box(page, '.toc'), box(page, '.article-body')]);
    expect(toc.right, '"On this page" is beside the text').toBeLessThanOrEqual(body.left);
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => window.scrollY > 2000);
    const scrolled = await box(page, '.toc');
    expect(scrolled.top, '"On this page" stays in view').toBeGreaterThanOrEqual(0);
    expect(scrolled.top).toBeLessThan(100);
  });

  it(`${withToc}: below 1200 px "On this page" sits above the text and scrolls away`, async () => {
    const page = await open(withToc, 1199);
    const [toc, body] = await Promise.all([box(page, '.toc'), box(page, '.article-body')]);
    expect(toc.bottom).toBeLessThanOrEqual(body.top);
    expect(await page.locator('.toc').evaluate((el) => getComputedStyle(el).position)).toBe('static');
  });

  it(`${matrixPage}: the matrix breaks out wider than the text, to at most 1100 px`, async () => {
    const page = await open(matrixPage, 1280);
    const [text, matrix] = await Promise.all([box(page, '.article-body > p'), box(page, '.table-scroll:has(.matrix)')]);
    expect(matrix.width).toBeGreaterThan(text.width + 100);
    expect(matrix.width).toBeLessThanOrEqual(1100);
  });
});

describe('the competency matrix', () => {
  it(`${matrixPage}: at 1000 px all four levels show, in columns at least 180 px wide, with no sideways scroll`, async () => {
    const page = await open(matrixPage, 1000);
    const region = await page
      .locator('.table-scroll:has(.matrix)')
      .evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    const columns = await page
      .locator('.matrix thead th')
      .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
    expect(columns).toHaveLength(5);
    for (const width of columns.slice(1)) expect(width).toBeGreaterThanOrEqual(180);
  });

  it(`${matrixPage}: at 360 px it stacks by topic, each statement labelled with its level; each topic has an anchor`, async () => {
    const page = await open(matrixPage, 360);
    const rows = await page.locator('.matrix tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        const label = (td: Element) => td.querySelector('.level-label') as HTMLElement | null;
        return {
          id: tr.querySelector('th')?.id ?? '',
          stacked: cells.every((td, i) => i === 0 || td.getBoundingClientRect().top >= cells[i - 1]!.getBoundingClientRect().bottom - 1),
          labelled: cells.every((td) => (label(td)?.offsetHeight ?? 0) > 0),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.stacked || !r.labelled)).toEqual([]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const { id } of rows) expect(id).toMatch(/^topic-/);
    const region = await page.locator('.table-scroll:has(.matrix)').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(region, 'the stacked matrix scrolls sideways').toBeLessThanOrEqual(0);
  });
});

describe('no sideways scroll at 768 px', () => {
  it.each(types)('%s', async (path) => {
    const { scrollWidth, clientWidth } = (await typeLayout(path)).at768;
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});

/** Markup as the Markdown pipeline writes it (src/lib/markdown-plugins.ts), added to a real page's article. */
const SAMPLE =
  '<blockquote id="t-quote"><p>A quoted passage.</p></blockquote>' +
  '<pre id="t-pre" class="astro-code"><code>npm run build</code></pre>' +
  '<p>A claim.<sup class="fn-ref" id="t-fn"><a href="#fn">[<span class="sr-only">note </span>a]</a></sup> Another' +
  '<span class="cite" id="t-cite"><a href="#n">[<span class="sr-only">source </span>1]</a></span></p>' +
  '<section class="footnotes" id="t-notes" data-footnotes><h2 id="footnote-label">Footnotes</h2><ol><li id="fn"><p>A note.</p></li></ol></section>';

describe('quotes, code and footnotes', () => {
  it.each(['light', 'dark'] as const)('are styled apart from running text and citations (%s)', async (scheme) => {
    const page = await open('/guides/from-technician-to-engineer/', 1280, scheme);
    const styles = await page.evaluate((sample) => {
      document.querySelector('.article-body')!.insertAdjacentHTML('afterbegin', sample);
      const css = (id: string) => getComputedStyle(document.getElementById(id)!);
      const body = getComputedStyle(document.body).backgroundColor;
      const boxed = (id: string) => {
        const s = css(id);
        return {
          padding: parseFloat(s.paddingLeft) >= 8 && parseFloat(s.paddingTop) >= 8,
          edge: parseFloat(s.borderLeftWidth) >= 1 || s.backgroundColor !== body,
          background: s.backgroundColor !== body && s.backgroundColor !== 'rgba(0, 0, 0, 0)',
        };
      };
      const items = document.querySelector('#t-notes ol')!;
      return {
        quote: boxed('t-quote'),
        pre: boxed('t-pre'),
        footnote: { style: css('t-fn').fontStyle, list: getComputedStyle(items).listStyleType },
        cite: { style: css('t-cite').fontStyle },
        notesRule: parseFloat(css('t-notes').borderTopWidth),
      };
    }, SAMPLE);
    expect(styles.quote).toEqual({ padding: true, edge: true, background: true });
    expect(styles.pre).toEqual({ padding: true, edge: true, background: true });
    expect(styles.footnote).toEqual({ style: 'italic', list: 'lower-alpha' });
    expect(styles.cite.style).toBe('normal');
    expect(styles.notesRule).toBeGreaterThanOrEqual(1);
  });
});
