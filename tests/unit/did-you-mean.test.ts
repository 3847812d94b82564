import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/schemas/did-you-mean.ts';

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('enginer', 'engineer')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest id for a typo or a truncation', () => {
    expect(didYouMean('sound-enginer', ['sound-engineer', 'audio-technician'])).toBe('sound-engineer');
    expect(didYouMean('blog', ['article', 'blog-post'])).toBe('blog-post');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('salary', ['title', 'pay', 'outlook'])).toBeUndefined();
  });
});
