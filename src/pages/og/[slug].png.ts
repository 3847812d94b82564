import type { APIRoute, GetStaticPaths } from 'astro';
import { allPages, ogImagePath, STATIC_PAGES } from '../../lib/page-meta.ts';
import { renderSocialImage } from '../../lib/social-image.ts';

export const getStaticPaths = (async () => {
  const pages = [...(await allPages()), STATIC_PAGES.notFound];
  return pages.map((page) => ({
    params: { slug: ogImagePath(page.path).slice('/og/'.length, -'.png'.length) },
    props: { title: page.title, type: page.type },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderSocialImage(props.title as string, props.type as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
