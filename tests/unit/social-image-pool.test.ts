/**
 * Drawing social images for a build: the queue returns exactly what drawing
 * directly returns, never runs more drawings at once than it is allowed, and a
 * drawing is the same bytes every time (which is what lets a cache stand in for it).
 */
import { describe, expect, it } from 'vitest';
import { SocialImagePool } from '../../src/lib/social-image-pool.ts';
import { renderSocialImage } from '../../src/lib/social-image.ts';

describe('SocialImagePool', () => {
  it('draws what the renderer draws, at most `size` at a time', async () => {
    const pool = new SocialImagePool(2);
    const jobs: [string, string][] = [
      ['Audio technician', 'Role profile'],
      ['From technician to engineer: the first five years in a busy studio', 'Guide'],
      ['Glossary', 'Reference'],
      ['Sound engineer', 'Role profile'],
      ['Assistant sound engineer vs sound engineer', 'Comparison'],
    ];
    const drawn = await Promise.all(jobs.map(([title, type]) => pool.render(title, type)));
    expect(pool.peak).toBe(2);
    for (const [i, [title, type]] of jobs.entries()) {
      const png = drawn[i]!;
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.equals(await renderSocialImage(title, type)), title).toBe(true);
    }
    // Different titles must give different images, or the comparison above proves nothing.
    expect(drawn[0]!.equals(drawn[2]!)).toBe(false);
    expect(drawn[0]!.equals(drawn[3]!)).toBe(false);
  }, 30_000);

  it('lets a waiting drawing start only when one finishes', async () => {
    const pool = new SocialImagePool(1);
    await Promise.all([pool.render('One', 'Guide'), pool.render('Two', 'Guide'), pool.render('Three', 'Guide')]);
    expect(pool.peak).toBe(1);
  });
});
