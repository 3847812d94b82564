/**
 * Runs for every page Astro renders, at build time for this static site. Its one job: tell the render watchdog
 * (src/lib/render-watchdog.ts) which page is rendering and when it is done, so a page that never finishes stops the
 * build with its name instead of hanging it. Outside a build no watchdog runs and this passes the request through.
 */
import { defineMiddleware } from 'astro:middleware';
import { renderDone, renderStarted } from './lib/render-watchdog.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const slot = renderStarted(context.url.pathname);
  try {
    // Static builds render each page to a string before `next` settles (no streaming), so this spans the whole render.
    return await next();
  } finally {
    renderDone(slot);
  }
});
