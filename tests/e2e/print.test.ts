/**
 * The print stylesheet: a printed page keeps the article, drops the site's
 * navigation, spells out where its links go, and is dark ink on white paper
 * even when printed from a device in dark mode.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from './support/test-browser.ts';
import { onePagePerType, sitePages } from './support/pages.ts';

const pages = onePagePerType(sitePages());

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await testBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

interface PrintReport {
  visibleNav: string[];
  mainVisible: boolean;
  links: { href: string; after: string }[];
  inkContrast: { selector: string; ratio: number }[];
}

/** What the printed page shows, read from computed styles under print media. */
function printReport(): Promise<PrintReport> {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? [])
        .slice(0, 3)
        .map(Number)
        .map((v) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // The paper is white; a box with its own background prints that instead.
    const paper = (el: Element | null): string => {
      for (let node = el; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const inkContrast = [
      ...document.querySelectorAll('main p, main li, main td, main th, main dt, main dd, main .meta, main .lede, main a'),
    ]
      .filter(shown)
      .map((el) => {
        const [hi, lo] = [luminance(getComputedStyle(el).color), luminance(paper(el))].sort((a, b) => b - a);
        return { selector: `${el.tagName.toLowerCase()}.${el.className}`, ratio: Math.round(((hi! + 0.05) / (lo! + 0.05)) * 10) / 10 };
      });
    return {
      visibleNav: [...document.querySelectorAll('nav, .site-header, .site-footer, .skip-link')]
        .filter(shown)
        .map((el) => el.outerHTML.slice(0, 80)),
      mainVisible: shown(document.querySelector('main')!),
      links: [...document.querySelectorAll('main a[href]')].map((a) => ({
        href: a.getAttribute('href')!,
        after: getComputedStyle(a, '::after').content,
      })),
      inkContrast,
    };
  });
}

describe('printed pages', () => {
  const seen = { internal: 0, external: 0 };
  /** The page the tab holds, loaded and since then only read. */
  let loaded: string | undefined;

  it.each(pages.flatMap((path) => [[path, 'light'] as const, [path, 'dark'] as const]))(
    '%s printed from the %s scheme drops navigation, shows link URLs and prints dark on white',
    async (path, colorScheme) => {
      await page.emulateMedia({ media: 'screen', colorScheme });
      // The dark run reads the page the light run loaded (the report only reads styles), with the scheme switched.
      if (loaded !== path) {
        loaded = undefined;
        await page.goto(`${inject('baseUrl')}${path}`);
        loaded = path;
      }
      // On screen the navigation is there, so the print check below is not vacuous.
      expect((await printReport()).visibleNav.length).toBeGreaterThan(0);

      await page.emulateMedia({ media: 'print', colorScheme });
      const report = await printReport();
      expect(report.mainVisible).toBe(true);
      expect(report.visibleNav).toEqual([]);
      for (const { href, after } of report.links) {
        if (href.startsWith('#')) {
          // In-page links (citation markers, the table of contents) would only clutter the paper.
          expect(after, href).toBe('none');
        } else {
          expect(after, `link to ${href} does not show its URL`).toContain(href);
          seen[href.startsWith('/') ? 'internal' : 'external'] += 1;
        }
      }
      const faint = report.inkContrast.filter((c) => c.ratio < 4.5);
      expect(faint, 'text too faint to read on paper').toEqual([]);
    },
  );

  it('covered both internal and external links', () => {
    expect(seen.internal).toBeGreaterThan(0);
    expect(seen.external).toBeGreaterThan(0);
  });
});
