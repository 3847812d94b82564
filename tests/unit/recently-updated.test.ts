/** The short, newest-first lists that pages such as the home page show instead of a whole section. */
import { describe, expect, it } from 'vitest';
import { recentlyUpdated } from '../../src/lib/content.ts';

const entry = (id: string, updated: string, published = '2026-01-01') => ({ id, data: { updated, published } });

describe('recentlyUpdated', () => {
  const entries = [
    entry('a', '2026-03-01'),
    entry('b', '2026-05-01'),
    entry('c', '2026-05-01', '2026-04-01'),
    entry('d', '2026-01-15'),
    entry('e', '2026-05-01'),
  ];

  it('shows the most recently updated first, then the most recently published, keeping order on a tie', () => {
    expect(recentlyUpdated(entries, 10).shown.map((e) => e.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('stops at the limit and still counts every entry', () => {
    const { shown, total } = recentlyUpdated(entries, 2);
    expect(shown.map((e) => e.id)).toEqual(['c', 'b']);
    expect(total).toBe(5);
  });

  it('leaves the list it was given untouched', () => {
    recentlyUpdated(entries, 2);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
