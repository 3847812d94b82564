/**
 * The social-image cache: a key changes with anything that changes the
 * picture, a stored image comes back byte for byte, and pruning keeps exactly
 * the images the site still has.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCachedImages, readCachedImage, writeCachedImage } from '../../src/lib/social-image-cache.ts';
import { socialImageKey } from '../../src/lib/social-image.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('socialImageKey', () => {
  it('is the same for the same title and type, and differs when either changes', () => {
    const key = socialImageKey('Audio technician', 'Role profile');
    expect(socialImageKey('Audio technician', 'Role profile')).toBe(key);
    expect(socialImageKey('Audio technicians', 'Role profile')).not.toBe(key);
    expect(socialImageKey('Audio technician', 'Guide')).not.toBe(key);
    // Safe as a file name.
    expect(key).toMatch(/^[\w-]{43}$/);
  });

  it('follows a change of title length that changes the font size', () => {
    // 36 and 37 characters sit on either side of a size step, so their trees differ beyond the text.
    expect(socialImageKey('a'.repeat(36), 'Guide')).not.toBe(socialImageKey('a'.repeat(37), 'Guide'));
  });
});

describe('the cache folder', () => {
  it('returns a stored image byte for byte, and nothing for an unknown key', () => {
    const dir = tempDir();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(writeCachedImage('abc', png, dir)).toBe(true);
    expect(readCachedImage('abc', dir)?.equals(png)).toBe(true);
    expect(readCachedImage('missing', dir)).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['abc.png']);
  });

  it('reports a cache it cannot write, and reads nothing from a folder that does not exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(writeCachedImage('abc', Buffer.from('x'), join(dir, 'file'))).toBe(false);
    expect(readCachedImage('abc', join(dir, 'absent'))).toBeUndefined();
  });

  it('prunes every image the site no longer has, and leftovers of a stopped build', () => {
    const dir = tempDir();
    for (const key of ['keep', 'old']) writeCachedImage(key, Buffer.from(key), dir);
    writeFileSync(join(dir, 'keep.png.123.partial'), '');
    expect(pruneCachedImages(new Set(['keep']), dir)).toBe(2);
    expect(readdirSync(dir)).toEqual(['keep.png']);
    expect(pruneCachedImages(new Set(), join(dir, 'absent'))).toBe(0);
  });
});
