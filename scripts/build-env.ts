/**
 * Loaded before Astro by `npm run build` (`node --import ./scripts/build-env.ts …`), so it runs before any module
 * loads a native binding. An environment variable already set (in a shell or CI) wins.
 *
 * MIMALLOC_PURGE_DELAY=0: Rolldown's binding (rolldown-binding) allocates with mimalloc, which by default keeps
 * freed pages for a while and returns them only when it is next called. The handbook's client build is too short
 * to give it that chance, so memory Rolldown freed after the server bundle stayed resident for the rest of the
 * build: about 230 MB of the peak at +1,000 pages (bench/README.md). mimalloc reads the option once, when the
 * binding is loaded (before astro.config.mjs), which is why the site's config cannot set it.
 */
process.env['MIMALLOC_PURGE_DELAY'] ??= '0';
