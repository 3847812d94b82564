/**
 * Starts the render watchdog (src/lib/render-watchdog.ts) when `astro build`
 * starts rendering and stops it when the build is done, with one line saying
 * the limit, how many pages were watched and which was slowest. Pages are
 * marked by src/middleware.ts, which Astro runs for every prerendered page.
 */
import type { AstroIntegration } from 'astro';
import { renderLimitMs, startWatchdog, stopWatchdog } from '../lib/render-watchdog.ts';

export function renderWatchdog(): AstroIntegration {
  return {
    name: 'handbook:render-watchdog',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const limitMs = renderLimitMs();
        startWatchdog({ limitMs });
        logger.info(`each page must render within ${limitMs / 1000} s (HANDBOOK_RENDER_LIMIT_SECONDS), or the build stops naming it`);
      },
      'astro:build:done': async ({ logger }) => {
        const report = await stopWatchdog();
        if (report)
          logger.info(
            `${report.pages} page(s) and endpoint(s) rendered under the watchdog; slowest ${Math.round(report.slowestMs)} ms (${report.slowestPath})`,
          );
      },
    },
  };
}
