import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allPages, ogImagePath, STATIC_PAGES } from '../../lib/page-meta.ts';
import { drawSocialImagesEarly, takeSocialImage } from '../../lib/social-image-pool.ts';

/**
 * Astro's incremental-build manifest (experimental.incrementalBuild, cacheDir
 * node_modules/.astro). Without one, every image will be drawn this build.
 */
const INCREMENTAL_MANIFEST = join(process.cwd(), 'node_modules/.astro/incremental-build.json');

export const getStaticPaths = (async () => {
  const pages = [...(await allPages()), STATIC_PAGES.notFound];
  // On a first build, draw every image while the HTML pages render. With a manifest Astro copies unchanged
  // images instead of asking for them, and drawing them all early would waste the time it saves.
  if (import.meta.env.PROD && !existsSync(INCREMENTAL_MANIFEST)) drawSocialImagesEarly(pages);
  return pages.map((page) => ({
    params: { slug: ogImagePath(page.path).slice('/og/'.length, -'.png'.length) },
    props: { title: page.title, type: page.type },
    // The image shows only the title and the type. With experimental.incrementalBuild, an unchanged
    // pair (and unchanged drawing code, which Astro tracks itself) is copied from the last build.
    cacheKey: createHash('sha256')
      .update(JSON.stringify([page.title, page.type]))
      .digest('base64url'),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await takeSocialImage(props.title as string, props.type as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
