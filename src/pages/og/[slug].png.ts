import type { APIRoute, GetStaticPaths } from 'astro';
import { allPages, ogImagePath, STATIC_PAGES } from '../../lib/page-meta.ts';
import { socialImageKey } from '../../lib/social-image.ts';
import { pruneCachedImages } from '../../lib/social-image-cache.ts';
import { drawSocialImagesEarly, takeSocialImage } from '../../lib/social-image-pool.ts';

export const getStaticPaths = (async () => {
  const pages = [...(await allPages()), STATIC_PAGES.notFound];
  if (import.meta.env.PROD) {
    // Every image is drawn (or read from the image cache) while the HTML pages render, not when Astro reaches
    // this route. Astro's incremental build, which copied unchanged images instead, is off: it cost a clean build
    // about 9 % at 3,000 added pages and saved a rebuild 3 % (bench/README.md).
    drawSocialImagesEarly(pages);
    pruneCachedImages(new Set(pages.map((page) => socialImageKey(page.title, page.type))));
  }
  return pages.map((page) => ({
    params: { slug: ogImagePath(page.path).slice('/og/'.length, -'.png'.length) },
    props: { title: page.title, type: page.type },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await takeSocialImage(props.title as string, props.type as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
