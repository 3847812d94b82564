/**
 * Serves the built site once for all browser tests, as a static host would
 * (dist/_headers applied, text compressed: ./static-server.ts), and hands its
 * address to them as `baseUrl`. One server for every test: the CSP test needs
 * the headers, and the other tests lose nothing by having them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.ts';
import { DIST } from './pages.ts';
import { startStaticServer } from './static-server.ts';

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  // Brotli at quality 4 (the compression package's default), not the hosts' 11: see startStaticServer.
  const [server, browser] = await Promise.all([startStaticServer(DIST, { brotliQuality: 4 }), launchBrowserServer()]);
  project.provide('baseUrl', server.url);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await Promise.all([server.close(), browser.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the test files connect to the one Chromium (./browser.ts). */
    browserEndpoint: string;
  }
}
