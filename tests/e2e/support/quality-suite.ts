/**
 * Accessibility and layout of every page in the sitemap, in Debian's Chromium against the shared static server
 * (global-setup.ts): axe (WCAG 2.2 AA and best practices) in both colour schemes at phone and desktop widths, no
 * sideways scrolling on a 360 px phone, and nothing that could shift the layout as it loads. The pages are split between
 * two test files that call `qualitySuite`: the axe sample (tests/e2e/quality.test.ts: axe and the layout checks, on one
 * load per page) and the rest (tests/e2e/phone-layout.test.ts: the layout checks), so two Vitest workers share them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, colourRules, describeViolations } from './axe.ts';
import { testBrowser } from './test-browser.ts';
import { AXE_PER_TEMPLATE, axeSample, pageType, sitePages } from './pages.ts';

const SCHEMES = ['light', 'dark'] as const;
const PHONE = 360;
const WIDTHS = [PHONE, 1280] as const;
const HEIGHT = 800;

/** How far the page scrolls sideways, naming the elements that stick out. Runs in the page. */
function overflowReport() {
  const limit = document.documentElement.clientWidth;
  // Inside a scroll region (a table's or a chart's) only absolutely positioned elements can escape (when the region is not
  // their containing block), so only those are suspects there.
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
    .filter(
      (el) => !el.parentElement?.closest('.table-scroll, .chart-scroll') || ['absolute', 'fixed'].includes(getComputedStyle(el).position),
    )
    .slice(0, 5)
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ends at ${Math.round(el.getBoundingClientRect().right)} px`);
  return { scrollWidth: document.documentElement.scrollWidth, limit, wide };
}

/** Images without alt text or reserved dimensions, and the layout shift so far. Runs in the page. */
async function imageReport() {
  const problems: string[] = [];
  for (const img of document.querySelectorAll('img')) {
    const name = img.getAttribute('src') ?? '(no src)';
    if (!img.hasAttribute('alt')) problems.push(`${name}: no alt attribute`);
    if (!img.getAttribute('width') || !img.getAttribute('height')) problems.push(`${name}: no width and height attributes`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const sized = svg.hasAttribute('viewBox') || (svg.getAttribute('width') && svg.getAttribute('height'));
    if (!sized) problems.push(`<svg> ${svg.id || svg.getAttribute('aria-labelledby') || ''}: no viewBox or width and height`);
  }
  const seen: PerformanceEntry[] = [];
  await new Promise<void>((resolve) => {
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // A shift is recorded at the frame after the change that caused it, and the buffered ones are in the observer's
    // queue by then: two frames are enough, where a fixed wait of 100 ms cost 27 s over 271 pages.
    const done = () => {
      seen.push(...observer.takeRecords());
      observer.disconnect();
      resolve();
    };
    requestAnimationFrame(() => requestAnimationFrame(done));
  });
  type Shift = { value: number; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
  const shifts = seen as unknown as Shift[];
  const shift = shifts.reduce((sum, e) => sum + e.value, 0);
  // What moved, so that a shift seen once on a busy machine can be traced without reproducing it.
  const at = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  const name = (node: Node | null) => {
    if (!(node instanceof Element)) return node?.nodeName ?? 'a node no longer in the page';
    return `<${node.tagName.toLowerCase()}${node.className ? ` class="${node.className}"` : ''}> "${(node.textContent ?? '').trim().slice(0, 30)}"`;
  };
  const moved = shifts.flatMap((e) => e.sources.map((s) => `${name(s.node)} from ${at(s.previousRect)} to ${at(s.currentRect)}`));
  return { problems, shift, moved };
}

/**
 * What the dark scheme changes on the loaded page besides colours: each declaration under a prefers-color-scheme: dark
 * media rule that is neither a colour property nor a custom property holding a colour, and any element whose media
 * attribute (a <picture> source, a stylesheet link) names the scheme. Runs in the page.
 */
function darkBeyondColours(): string[] {
  const colourProperties = new Set([
    'color',
    'background-color',
    'border-top-color',
    'border-right-color',
    'border-bottom-color',
    'border-left-color',
    'outline-color',
    'text-decoration-color',
    'caret-color',
    'accent-color',
    'column-rule-color',
    'fill',
    'stroke',
    'color-scheme',
  ]);
  const dark = (media: string) => /prefers-color-scheme:\s*dark/.test(media);
  const found: string[] = [];
  const walk = (rules: CSSRuleList, inDark: boolean) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        walk(rule.cssRules, inDark || dark(rule.conditionText));
        continue;
      }
      if (inDark && rule instanceof CSSStyleRule) {
        for (const property of rule.style) {
          const value = rule.style.getPropertyValue(property).trim();
          const colour = property.startsWith('--') ? CSS.supports('color', value) : colourProperties.has(property);
          if (!colour) found.push(`${rule.selectorText} { ${property}: ${value} }`);
        }
      }
      // Nested rules, @supports and @layer blocks.
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules, inDark);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules, dark(sheet.media.mediaText));
  for (const el of document.querySelectorAll('[media]')) {
    if (el.tagName !== 'META' && /prefers-color-scheme/.test(el.getAttribute('media') ?? ''))
      found.push(`<${el.tagName.toLowerCase()} media>`);
  }
  return found;
}

/** Which pages a file checks: the axe sample (axe and the layout checks) or every other page (the layout checks). */
export type QualityPart = 'axe sample' | 'rest';

/** Registers the quality tests for `part` of the site's pages in the calling test file. */
export function qualitySuite(part: QualityPart): void {
  const pages = sitePages();
  const axePages = axeSample(pages);
  const mine = part === 'axe sample' ? axePages : pages.filter((p) => !axePages.includes(p));

  let browser: Browser;
  beforeAll(async () => {
    browser = await testBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * One tab per file, reused for page after page (a new context per page would triple the run time), one page at a time.
   * A page is loaded once, at phone width, and then resized: axe runs four times in the same document, so its code is
   * compiled and optimised once per page instead of once per load. Against one tab per width (each page loaded twice, the
   * widths side by side) that took a quarter less of Chromium's CPU time over seven of the largest pages. Two tabs in one
   * context taking pages in turn took more CPU than one (141 s and 272 s of CPU against 123 s and 193 s, 2026-12-03): the
   * pages are split between two files instead (the axe sample, the rest), which two Vitest workers run side by side, each
   * with a context of its own.
   */
  let tab: Page;
  let busy: Promise<unknown> = Promise.resolve();
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: PHONE, height: HEIGHT } });
    tab = await context.newPage();
  });

  /** Runs `use` on the file's tab, showing `path` at phone width in the light scheme, after whatever the tab was doing. */
  function withPage<T>(path: string, use: (page: Page) => Promise<T>): Promise<T> {
    const turn = busy.then(async () => {
      await tab.setViewportSize({ width: PHONE, height: HEIGHT });
      await tab.emulateMedia({ colorScheme: 'light' });
      const res = await tab.goto(`${inject('baseUrl')}${path}`, { waitUntil: 'load' });
      if (res?.status() !== 200) throw new Error(`${path} did not load: status ${res?.status()}`);
      return use(tab);
    });
    busy = turn.catch(() => {});
    return turn;
  }

  const axeRuns = { renders: 0, violations: 0 };
  if (part === 'axe sample')
    afterAll(() => {
      console.log(
        `axe: ${axeRuns.renders} renders (${axePages.length} of ${pages.length} pages × ${SCHEMES.length} colour schemes × ${WIDTHS.length} widths), ${axeRuns.violations} violation(s)`,
      );
    });

  /**
   * What the 360 px layout checks below assert, measured on the phone-width load the axe pass makes anyway (before axe
   * runs or the colour scheme changes): loading every page twice more just for them cost a third of this file's time.
   */
  const layout = new Map<
    string,
    Promise<{ overflow: ReturnType<typeof overflowReport>; images: Awaited<ReturnType<typeof imageReport>> }>
  >();

  if (part === 'axe sample')
    describe('axe', () => {
      it('visits every template, and every page of a template with few pages', () => {
        expect(new Set(axePages.map(pageType))).toEqual(new Set(pages.map(pageType)));
        for (const type of new Set(pages.map(pageType))) {
          const all = pages.filter((p) => pageType(p) === type);
          const visited = axePages.filter((p) => pageType(p) === type);
          if (all.length <= 2 * AXE_PER_TEMPLATE) expect(visited).toEqual(all);
          else expect(visited).toHaveLength(AXE_PER_TEMPLATE);
        }
      });

      it.concurrent.for(axePages)(`%s has no violations at ${WIDTHS.join(' or ')} px, light or dark`, async (path, { expect }) => {
        const found = await withPage(path, async (page) => {
          layout.set(path, Promise.resolve({ overflow: await page.evaluate(overflowReport), images: await page.evaluate(imageReport) }));
          const found: string[] = [];
          for (const [i, width] of WIDTHS.entries()) {
            if (width !== PHONE) await page.setViewportSize({ width, height: HEIGHT });
            // Light then dark at the first width, dark then light at the next, so the scheme changes once less.
            for (const colorScheme of i % 2 === 0 ? SCHEMES : [...SCHEMES].reverse()) {
              await page.emulateMedia({ colorScheme });
              // The dark scheme only swaps colours (checked here, on every page), so in it only the rules that depend on
              // colour can find anything new; the other ~100 rules would repeat the light run's result at twice the cost.
              let rules: string[] | undefined;
              if (colorScheme === 'dark') {
                expect(await page.evaluate(darkBeyondColours), `${path}: the dark scheme changes more than colours`).toEqual([]);
                rules = await colourRules(page);
                expect(rules).toContain('color-contrast');
              }
              const violations = await axeViolations(page, undefined, rules);
              axeRuns.renders += 1;
              axeRuns.violations += violations.length;
              found.push(...describeViolations(violations).map((line) => `${width} px ${colorScheme}: ${line}`));
            }
          }
          return found;
        });
        expect(found).toEqual([]);
      });
    });

  describe('layout on a 360 px phone', () => {
    /** The page's layout as the axe pass measured it, or measured here (once, for both tests) for a page outside its sample. */
    const measured = (path: string) => {
      const known = layout.get(path);
      if (known) return known;
      if (axePages.includes(path)) throw new Error(`${path} was not measured: it did not load at ${PHONE} px (see the axe test)`);
      const report = withPage(path, async (page) => ({
        overflow: await page.evaluate(overflowReport),
        images: await page.evaluate(imageReport),
      }));
      layout.set(path, report);
      return report;
    };

    it.concurrent.for(mine)('%s does not scroll sideways', async (path, { expect }) => {
      const { overflow } = await measured(path);
      expect(overflow.scrollWidth, `page scrolls sideways; wide elements: ${overflow.wide.join('; ') || 'none found'}`).toBeLessThanOrEqual(
        overflow.limit,
      );
    });

    it.concurrent.for(mine)('%s gives every image alt text and fixed dimensions, and does not shift', async (path, { expect }) => {
      const { images: first } = await measured(path);
      expect(first.problems).toEqual([]);
      // A busy machine can paint a page before its HTML is all parsed, and a box whose place depends on text still to
      // come then moves (the header, breadcrumbs and search form are set so that none does: global.css). Where the parser
      // stopped differs from load to load, so such a shift seldom recurs; one the page causes itself (an image without
      // dimensions, content a script inserts) recurs on every load. A page that shifts is loaded once more, and the
      // test fails if it shifts again; a shift seen only once is printed.
      let report = first;
      if (first.shift > 0) {
        report = await withPage(path, (page) => page.evaluate(imageReport));
        if (report.shift === 0)
          console.warn(`${path}: a layout shift of ${first.shift} on one load and none on the next; it moved ${first.moved.join('; ')}`);
      }
      expect(report.shift, `cumulative layout shift while loading; what moved: ${report.moved.join('; ') || 'not reported'}`).toBe(0);
    });

    // Once, in the file without axe runs.
    if (part === 'rest')
      it('the checks catch a violation, a wide element, an unsized image and a shift (so they can fail)', async () => {
        await withPage('/', async (page) => {
          await page.evaluate(() => {
            const main = document.querySelector('main')!;
            main.insertAdjacentHTML('afterbegin', '<div id="too-wide">wide</div><img src="/favicon.svg">');
            // Through the CSSOM: the site's CSP refuses a style attribute it has no hash for.
            document.getElementById('too-wide')!.style.width = '600px';
          });
          expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
          expect((await page.evaluate(overflowReport)).wide[0]).toMatch(/^<div class=""> ends at \d+ px/);
          const report = await page.evaluate(imageReport);
          expect(report.problems).toEqual(['/favicon.svg: no alt attribute', '/favicon.svg: no width and height attributes']);
          expect(report.shift).toBeGreaterThan(0);
          // Which elements Chromium names varies from run to run; that it names some, in this form, does not.
          expect(report.moved.length).toBeGreaterThan(0);
          for (const line of report.moved)
            expect(line).toMatch(/^<[a-z0-9]+( class="[^"]*")?> ".*" from -?\d+,-?\d+ \d+×\d+ to -?\d+,-?\d+ \d+×\d+$/);
        });
      });
  });
}
