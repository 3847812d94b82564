// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { cspHeaders } from './src/integrations/csp-headers.ts';
import { validateOnBuild } from './src/integrations/validate-on-build.ts';

export default defineConfig({
  // The one place the public address is set; canonical URLs, the sitemap and feeds derive from it.
  site: 'https://sound-careers-handbook.example',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small; inlining the stylesheet saves a render-blocking request on a phone.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  // cspHeaders() runs last: it hashes the inline code of the finished pages into dist/_headers.
  integrations: [validateOnBuild(), mdx(), cspHeaders()],
});
