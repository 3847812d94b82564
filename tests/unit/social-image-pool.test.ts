/**
 * The worker pool that draws social images off the main thread: what it
 * returns must be exactly what drawing in-thread returns, and closing it must
 * never leave a caller waiting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SocialImagePool } from '../../src/lib/social-image-pool.ts';
import { renderSocialImage } from '../../src/lib/social-image.ts';

let pool: SocialImagePool | undefined;
afterEach(() => pool?.close());

describe('SocialImagePool', () => {
  it('draws on worker threads exactly what the in-thread renderer draws', async () => {
    pool = new SocialImagePool(2);
    const jobs: [string, string][] = [
      ['Audio technician', 'Role profile'],
      ['From technician to engineer: the first five years in a busy studio', 'Guide'],
      ['Glossary', 'Reference'],
    ];
    const drawn = await Promise.all(jobs.map(([title, type]) => pool!.render(title, type)));
    for (const [i, [title, type]] of jobs.entries()) {
      const png = drawn[i]!;
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.equals(await renderSocialImage(title, type)), title).toBe(true);
    }
    // Different titles must give different images, or the comparison above proves nothing.
    expect(drawn[0]!.equals(drawn[2]!)).toBe(false);
  }, 30_000);

  it('rejects every job still waiting or drawing when it is closed', async () => {
    pool = new SocialImagePool(1);
    const settling = Promise.allSettled([pool.render('One', 'Guide'), pool.render('Two', 'Guide'), pool.render('Three', 'Guide')]);
    await pool.close();
    const settled = await settling;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('The social image pool was closed'));
  });
});
