/**
 * `npm run validate` checks files on several threads (src/lib/validate/parallel.ts);
 * the build checks them on one. Both must give the same result, problem for
 * problem and entry for entry, so the corpus of bad content and the real
 * content are validated both ways, with chunks small enough that every
 * thread gets files of every kind.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content-validator.ts';
import { validateContentInParallel } from '../../src/lib/validate/parallel.ts';
import { loadCases, makeSite, TODAY } from '../support/bad-content.ts';

const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('validating on several threads', () => {
  it('gives the one-thread result for every bad-content case at once', async () => {
    const site = makeSite(loadCases());
    made.push(site);
    const one = validateContent({ root: site, today: TODAY });
    let perThread: number[] = [];
    const options = { threads: 3, minFiles: 0, chunk: 3, mainChecks: false, onDone: (n: number[]) => (perThread = n) };
    const many = await validateContentInParallel({ root: site, today: TODAY }, options);
    expect(perThread).toHaveLength(3);
    expect(perThread.reduce((a, b) => a + b)).toBe(Object.values(one.entries).flat().length);
    // Which worker gets more depends on which loads first; between them they check every file.
    expect(perThread[2], 'the workers checked every file').toBe(0);
    expect(one.problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(100);
    expect(many).toEqual(one);
  });

  it('gives the one-thread result for the real content, warnings included', async () => {
    const one = validateContent({ root: ROOT, today: TODAY });
    const many = await validateContentInParallel({ root: ROOT, today: TODAY }, { threads: 2, minFiles: 0, chunk: 5 });
    expect(Object.values(one.entries).flat().length).toBeGreaterThan(100);
    expect(many).toEqual(one);
  });

  it('checks everything on this thread when there are too few files to start a worker', async () => {
    const one = validateContent({ root: ROOT, today: TODAY });
    let perThread: number[] = [];
    expect(await validateContentInParallel({ root: ROOT, today: TODAY }, { threads: 4, onDone: (n) => (perThread = n) })).toEqual(one);
    expect(perThread).toEqual([Object.values(one.entries).flat().length]);
  });
});
