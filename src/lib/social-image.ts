/**
 * Social preview images (1200×630 PNG) drawn at build time with Takumi
 * (@takumi-rs/core, a native renderer that lays out and rasterises a node tree
 * in one step): the page title and its type on the handbook's colours. The
 * font comes from an npm package so every machine renders the same image.
 *
 * Takumi draws on libuv's thread pool, so a drawing never blocks the main
 * thread; about 8 ms of CPU per image, where satori + resvg took about 55 ms
 * (bench/README.md).
 */
import { Renderer, type Node } from '@takumi-rs/core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_NAME } from './site.ts';

const FONT_DIR = join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf');
const FONTS = [
  { file: 'DejaVuSans.ttf', weight: 400 },
  { file: 'DejaVuSans-Bold.ttf', weight: 700 },
] as const;
const FAMILY = 'DejaVu Sans';

export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

let fontData: Buffer[] | undefined;
const loadFonts = () => (fontData ??= FONTS.map((f) => readFileSync(join(FONT_DIR, f.file))));

let renderer: Promise<Renderer> | undefined;
function getRenderer(): Promise<Renderer> {
  return (renderer ??= (async () => {
    const r = new Renderer();
    const data = loadFonts();
    for (const [i, f] of FONTS.entries()) await r.registerFont({ name: FAMILY, data: data[i]!, weight: f.weight, style: 'normal' });
    return r;
  })());
}

const text = (value: string, style: Record<string, unknown>): Node => ({ type: 'text', text: value, style });

/** The node tree of one image: everything that decides its pixels apart from the fonts and the renderer. */
export function socialImageTree(title: string, type: string): Node {
  // Long titles step down in size so they stay within three lines.
  const size = title.length > 60 ? 60 : title.length > 36 ? 72 : 88;
  return {
    type: 'container',
    style: {
      width: SOCIAL_IMAGE.width,
      height: SOCIAL_IMAGE.height,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '72px 80px',
      backgroundColor: '#fdfcf9',
      borderLeft: '24px solid #0a58a8',
      fontFamily: FAMILY,
      color: '#1d1d1f',
    },
    children: [
      text(type.toUpperCase(), { fontSize: 34, color: '#0a58a8', fontWeight: 700, letterSpacing: 1 }),
      text(title, { fontSize: size, fontWeight: 700, lineHeight: 1.15 }),
      text(SITE_NAME, { fontSize: 32, color: '#54565b' }),
    ],
  };
}

const RENDER_OPTIONS = { ...SOCIAL_IMAGE, format: 'png' } as const;

let inputsDigest: string | undefined;
/**
 * A key for the image's inputs: the node tree, the render options, the font files
 * and the renderer's version. Two images with the same key are the same pixels,
 * so a cached PNG under it can stand in for a drawing (src/lib/social-image-cache.ts).
 */
export function socialImageKey(title: string, type: string): string {
  inputsDigest ??= (() => {
    const hash = createHash('sha256');
    const takumi = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@takumi-rs/core/package.json'), 'utf8')) as {
      version: string;
    };
    hash.update(`takumi ${takumi.version}\n${JSON.stringify(RENDER_OPTIONS)}\n`);
    for (const data of loadFonts()) hash.update(data);
    return hash.digest('hex');
  })();
  return createHash('sha256')
    .update(inputsDigest)
    .update(JSON.stringify(socialImageTree(title, type)))
    .digest('base64url');
}

export async function renderSocialImage(title: string, type: string): Promise<Buffer> {
  const png = await (await getRenderer()).render(socialImageTree(title, type), RENDER_OPTIONS);
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
