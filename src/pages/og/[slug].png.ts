import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { allPages, ogImagePath, STATIC_PAGES } from '../../lib/page-meta.ts';
import { renderSocialImageOffThread } from '../../lib/social-image-pool.ts';

export const getStaticPaths = (async () => {
  const pages = [...(await allPages()), STATIC_PAGES.notFound];
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
  const png = await renderSocialImageOffThread(props.title as string, props.type as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
