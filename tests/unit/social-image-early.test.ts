/**
 * Drawing social images ahead of Astro's request for them: each early drawing
 * is handed over exactly once, and a page with none is drawn on request.
 */
import { describe, expect, it, vi } from 'vitest';

const drawn: string[] = [];
vi.mock('../../src/lib/social-image.ts', () => ({
  renderSocialImage: async (title: string, type: string) => {
    drawn.push(`${type}: ${title}`);
    return Buffer.from(`${type}: ${title}`);
  },
}));

// Workers run several files (isolate: false in vitest.config.ts), so another file may already have imported the pool
// with the real renderer: start from an empty module cache so the pool is evaluated against the mock.
vi.resetModules();
const { drawSocialImagesEarly, takeSocialImage } = await import('../../src/lib/social-image-pool.ts');

describe('drawSocialImagesEarly and takeSocialImage', () => {
  it('draws each page once, early, and hands the drawing over on request', async () => {
    drawSocialImagesEarly([
      { title: 'Audio technician', type: 'Role profile' },
      { title: 'Glossary', type: 'Reference' },
      { title: 'Audio technician', type: 'Role profile' },
    ]);
    expect(drawn).toEqual(['Role profile: Audio technician', 'Reference: Glossary']);
    expect((await takeSocialImage('Audio technician', 'Role profile')).toString()).toBe('Role profile: Audio technician');
    expect(drawn).toHaveLength(2);
  });

  it('draws again once the early drawing has been taken, and draws on request a page never started', async () => {
    drawn.length = 0;
    await takeSocialImage('Audio technician', 'Role profile');
    await takeSocialImage('Sources', 'Reference');
    expect(drawn).toEqual(['Role profile: Audio technician', 'Reference: Sources']);
  });
});
