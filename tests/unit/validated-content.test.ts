/**
 * The validation handed from the start of a build to its end: reused once for
 * the same site, never for another site or a later build.
 */
import { describe, expect, it } from 'vitest';
import { takeValidatedContent, validateForBuild } from '../../src/integrations/validated-content.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const OTHER = new URL('../fixtures/scaffold/', import.meta.url).pathname;

describe('validateForBuild and takeValidatedContent', () => {
  it('hands the build-start result to the build end once, then validates afresh', () => {
    const atStart = validateForBuild(ROOT);
    expect(atStart.filesSeen).toBeGreaterThan(0);
    expect(takeValidatedContent(ROOT)).toBe(atStart);
    const later = takeValidatedContent(ROOT);
    expect(later).not.toBe(atStart);
    expect(later.filesSeen).toBe(atStart.filesSeen);
  });

  it('never hands one site’s result to another', () => {
    const site = validateForBuild(ROOT);
    expect(takeValidatedContent(OTHER)).not.toBe(site);
  });
});
