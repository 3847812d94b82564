/**
 * Launches Debian's Chromium through playwright-core. Never a downloaded
 * browser: CI installs Debian's packages from apt.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** The full browser, from Debian's `chromium` package: screenshots and Lighthouse (scripts/). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser tests' Chromium: Debian's `chromium-headless-shell` package where it is installed (.ci/run installs it),
 * else the full browser. The shell is the same Chromium build (same Blink, V8 and version) without the browser's
 * interface: on an idle two-core machine the browser tests took 176 s and 245 s of CPU with it against 244 s and 394 s
 * with the full browser in its headless mode, whose browser process alone used 71 s of CPU (25 s in the shell) and its
 * renderers 231 s (149 s), with every test passing in both. CHROMIUM_PATH overrides both.
 */
export const TEST_CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? CHROMIUM_PATH;

/** As root Chromium needs --no-sandbox; the rest keep it off the (closed) network. Shared with scripts/audit.ts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The full browser (screenshots and scripts, where what a reader's Chromium draws is the point). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** One Chromium for every browser test file, started by the global setup (./global-setup.ts). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
