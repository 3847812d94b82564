/**
 * Social preview images (1200×630 PNG) drawn at build time with satori and
 * resvg: the page title and its type on the handbook's colours. The font comes
 * from an npm package so every machine renders the same image.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import { SITE_NAME } from './site.ts';

const FONT_DIR = join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf');
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
const loadFonts = () =>
  (fonts ??= [
    { name: 'DejaVu Sans', data: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')), weight: 400, style: 'normal' },
    { name: 'DejaVu Sans', data: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')), weight: 700, style: 'normal' },
  ]);

export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children?: Node | Node[] | string): Node => ({
  type,
  props: { style, children },
});

export async function renderSocialImage(title: string, type: string): Promise<Buffer> {
  // Long titles step down in size so they stay within three lines.
  const size = title.length > 60 ? 60 : title.length > 36 ? 72 : 88;
  const tree = el(
    'div',
    {
      // Satori sizes the content box, so padding and border come off the canvas size.
      width: SOCIAL_IMAGE.width - 24 - 160,
      height: SOCIAL_IMAGE.height - 144,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '72px 80px',
      background: '#fdfcf9',
      borderLeft: '24px solid #0a58a8',
      fontFamily: 'DejaVu Sans',
      color: '#1d1d1f',
    },
    [
      el('div', { display: 'flex', fontSize: 34, color: '#0a58a8', fontWeight: 700, letterSpacing: 1 }, type.toUpperCase()),
      el('div', { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.15 }, title),
      el('div', { fontSize: 32, color: '#54565b', display: 'flex', alignItems: 'center' }, SITE_NAME),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], { ...SOCIAL_IMAGE, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE.width } }).render().asPng();
}
