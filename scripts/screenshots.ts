/**
 * Screenshots of one page of every type (the first role page, the first
 * comparison, each one-off page…) at 360, 768 and 1280 px, in the light and the
 * dark colour scheme, so a reviewer can see what a change does to the layout.
 * Reads the built site in dist/ through the same static server the browser
 * tests use (so the CSP in _headers applies) and Debian's Chromium.
 *
 *   npm run build && npm run screenshots            every page type → screenshots/
 *   npm run screenshots -- /roles/sound-engineer/   only the pages named
 *
 * Files are named <page>--<width>-<scheme>.png; screenshots/ is not committed.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { DIST, ROOT, onePagePerType, sitePages } from '../tests/e2e/support/pages.ts';
import { startStaticServer } from '../tests/e2e/support/static-server.ts';

export const WIDTHS = [360, 768, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;
const OUT = join(ROOT, 'screenshots');

/** "/roles/sound-engineer/" → "roles-sound-engineer"; the home page is "home". */
export const fileStem = (path: string) => path.split('/').filter(Boolean).join('-') || 'home';

async function main(): Promise<number> {
  const named = process.argv.slice(2).filter((a) => a.startsWith('/'));
  const pages = named.length > 0 ? named : onePagePerType(sitePages());
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer(DIST);
  const browser = await launchBrowser();
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of pages) {
        const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        if (res?.status() !== 200) console.warn(`${path}: HTTP ${res?.status()}`);
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          const file = join(OUT, `${fileStem(path)}--${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${pages.length} pages × ${WIDTHS.length} widths × ${SCHEMES.length} schemes → ${OUT}`);
  return 0;
}

if (import.meta.main) process.exitCode = await main();
