/**
 * A folder of social images keyed by their inputs (`socialImageKey`: the node
 * tree, the fonts, the renderer's version and options). An image whose key is
 * on disk is read, not drawn. Unlike a cache of Astro's, which Astro throws
 * away whenever the config or the lockfile changes, this one only misses
 * when an image's own inputs change, so CI keeps it between runs
 * (.github/workflows/ci.yml) and a clean build with a restored folder draws
 * only the new and renamed pages.
 *
 * `npm run build -- --force` still uses it; delete the folder to redraw all.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOCIAL_IMAGE_CACHE_DIR = join(process.cwd(), 'node_modules/.cache/social-images');

const fileOf = (dir: string, key: string) => join(dir, `${key}.png`);

export function readCachedImage(key: string, dir = SOCIAL_IMAGE_CACHE_DIR): Buffer | undefined {
  try {
    return readFileSync(fileOf(dir, key));
  } catch {
    return undefined;
  }
}

/** Stores an image; a cache that cannot be written (read-only disk) only costs the next build a drawing. */
export function writeCachedImage(key: string, png: Buffer, dir = SOCIAL_IMAGE_CACHE_DIR): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a build stopped midway never leaves half an image under a valid key.
    const partial = `${fileOf(dir, key)}.${process.pid}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, fileOf(dir, key));
    return true;
  } catch {
    return false;
  }
}

/** Deletes every cached image whose key is not in `keep` (pages renamed or removed, a new renderer), so the folder never outgrows the site. */
export function pruneCachedImages(keep: ReadonlySet<string>, dir = SOCIAL_IMAGE_CACHE_DIR): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.endsWith('.png') && keep.has(name.slice(0, -'.png'.length))) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
