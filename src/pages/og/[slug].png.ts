import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, ogImagePath, STATIC_PAGES } from '../../lib/page-meta.ts';
import { socialImageKey } from '../../lib/social-image.ts';
import { pruneCachedImages } from '../../lib/social-image-cache.ts';
import { drawSocialImagesEarly, takeSocialImage } from '../../lib/social-image-pool.ts';

/**
 * Astro's incremental-build manifest (experimental.incrementalBuild, cacheDir
 * node_modules/.astro). Without one, every image will be drawn (or read from
 * the image cache) this build.
 */
const INCREMENTAL_MANIFEST = join(process.cwd(), 'node_modules/.astro/incremental-build.json');

export const getStaticPaths = (async () => {
  const pages = [...(await allPages()), STATIC_PAGES.notFound];
  const keys = pages.map((page) => socialImageKey(page.title, page.type));
  if (import.meta.env.PROD) {
    // On a first build, draw every image while the HTML pages render. With a manifest Astro copies unchanged
    // images instead of asking for them, and drawing them all early would waste the time it saves.
    if (!existsSync(INCREMENTAL_MANIFEST)) drawSocialImagesEarly(pages);
    pruneCachedImages(new Set(keys));
  }
  return pages.map((page, i) => ({
    params: { slug: ogImagePath(page.path).slice('/og/'.length, -'.png'.length) },
    props: { title: page.title, type: page.type },
    // The image's inputs (node tree, fonts, renderer). With experimental.incrementalBuild an unchanged key
    // (and unchanged route code, which Astro tracks itself) is copied from the last build.
    cacheKey: keys[i]!,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await takeSocialImage(props.title as string, props.type as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
