import type { APIRoute, ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { contentImageOptions } from '../lib/content-images.ts';
import { llmsFull } from '../lib/llms.ts';

// Every image in a page folder: the validator allows no other place, and no image that its page does not show.
const images = import.meta.glob<ImageMetadata>('/content/*/*/*.{png,jpg,jpeg,webp,avif}', { import: 'default' });

export const GET: APIRoute = async ({ site }) => {
  // The same transform as the page's <Image>, so llms-full.txt points at the file the page shows.
  const builtImage = async (file: string) => {
    const load = images[`/${file}`];
    if (!load) throw new Error(`llms-full.txt: ${file} is shown by a page but was not found`);
    const src = await load();
    return new URL((await getImage({ src, ...contentImageOptions(src) })).src, site).href;
  };
  return new Response(await llmsFull(site!, builtImage), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
