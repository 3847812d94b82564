// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cspHeaders } from './src/integrations/csp-headers.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sitemapEntry } from './src/integrations/sitemap-entry.ts';
import { validateOnBuild } from './src/integrations/validate-on-build.ts';
import { renderWatchdog } from './src/integrations/render-watchdog.ts';
import { handbookHastPlugins } from './src/lib/markdown-plugins.ts';

// Pagefind indexes the built pages in its own process from search.start on, while this process writes the sitemap
// and checks the CSP; search.finish then checks the index against the content and writes dist/pagefind/. It is the
// only place search is indexed.
const search = searchIndex();

export default defineConfig({
  // The one place the public address is set; canonical URLs, the sitemap and feeds derive from it.
  site: 'https://sound-careers-handbook.example',
  trailingSlash: 'always',
  // Astro 7's default, compressHTML 'jsx', drops whitespace that spans a line break between text and an
  // inline element (JSX rules). Templates therefore write a space that matters as {' '}: Prettier moves line
  // breaks freely, so a space left to a line break would come and go. tests/build/rendered-text.test.ts fails
  // on any word glued at an element boundary. (`true` would keep those spaces, but also put one before every
  // citation marker that Prettier moves onto its own line.)
  markdown: {
    // Sätteri is Astro 7's default processor; these plugins attach citation markers and give Markdown
    // tables their scroll region (src/lib/markdown-plugins.ts).
    processor: satteri({ hastPlugins: handbookHastPlugins }),
  },
  build: {
    format: 'directory',
    // Pages are small; inlining the stylesheet saves a render-blocking request on a phone.
    inlineStylesheets: 'always',
    // Social images are drawn on worker threads (src/lib/social-image-pool.ts); with several pages in
    // flight the main thread renders HTML while the workers draw, instead of waiting on each image.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Astro marks every MDX module with a "use astro:head-inject" directive that Rolldown warns it may not
        // keep; Astro reads it before bundling, so the warning is noise (withastro/astro#18087). One multi-line
        // warning per MDX file buried real warnings and, at 10,000 entries, filled the log with 100,000 lines.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // Writes .astro/collections/*.schema.json, which the Astro VS Code extension uses to complete MDX frontmatter.
  experimental: {
    contentIntellisense: true,
  },
  integrations: [
    validateOnBuild(),
    // Stops the build, naming the page, if one page takes longer than a minute to render (src/lib/render-watchdog.ts).
    renderWatchdog(),
    mdx(),
    // The pages are finished when the build's closing steps start, and nothing from here on writes HTML.
    search.start,
    sitemap({
      // The built page is the source of truth for whether it is indexable and when it changed. An item that
      // serialize() drops is left out, so no `filter` is needed (it would read every built page a second time).
      serialize: (item) => {
        const entry = sitemapEntry(item.url);
        return entry ? { ...item, ...entry } : undefined;
      },
    }),
    // Hashes the inline code of the finished pages into dist/_headers.
    cspHeaders(),
    search.finish,
  ],
});
