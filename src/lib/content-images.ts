/**
 * How astro:assets renders the images content shows, in one place: the page's
 * <img> (src/components/mdx/Img.astro) and llms-full.txt ask for the same
 * transform, so both point at the same built file.
 *
 * Running text is at most 38rem (608 px) wide, so a WebP 608 px wide, and one
 * twice that for sharp screens, cover every reader; a smaller file is never
 * enlarged. Without this, astro:assets converts the file at its own size, and a
 * phone would download a 2,400 px image to show it 328 px wide.
 */
import type { ImageMetadata } from 'astro';

const COLUMN = 608;
const SIZES = '(min-width: 40rem) 38rem, calc(100vw - 2rem)';

export function contentImageOptions(image: ImageMetadata): { width: number; widths?: number[]; sizes?: string } {
  // Reading a property of an imported image marks its original file as used, and the build then publishes the
  // original beside the WebP files. Astro reads sizes from the hidden \`clone\` for the same reason (assets/internal.js).
  const src = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  const width = Math.min(src.width, COLUMN * 2);
  const widths = [...new Set([COLUMN, COLUMN * 2].map((w) => Math.min(w, src.width)))];
  return widths.length > 1 ? { width, widths, sizes: SIZES } : { width };
}
