/**
 * `npm run validate` checks files on several threads (src/lib/validate/parallel.ts);
 * the build checks them on one. Both must give the same result, problem for
 * problem and entry for entry, so the corpus of bad content and the real
 * content are validated both ways, with chunks small enough that every
 * thread gets files of every kind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent, type ValidationResult } from '../../src/lib/content-validator.ts';
import { validateContentInParallel } from '../../src/lib/validate/parallel.ts';
import { ReadAhead } from '../../src/lib/validate/read-ahead.ts';
import { loadCases, makeSite, TODAY } from '../support/bad-content.ts';

const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// The one-thread results the tests compare with, each worked out once for the file: the whole bad-content corpus
// (a site of every case) and the real content.
let corpus: { site: string; one: ValidationResult } | undefined;
const oneThreadCorpus = () => {
  if (!corpus) {
    const site = makeSite(loadCases());
    made.push(site);
    corpus = { site, one: validateContent({ root: site, today: TODAY }) };
  }
  return corpus;
};
let real: ValidationResult | undefined;
const oneThreadReal = () => (real ??= validateContent({ root: ROOT, today: TODAY }));

describe('validating on several threads', () => {
  it('gives the one-thread result for every bad-content case at once', async () => {
    const { site, one } = oneThreadCorpus();
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
    const one = oneThreadReal();
    const many = await validateContentInParallel({ root: ROOT, today: TODAY }, { threads: 2, minFiles: 0, chunk: 5 });
    expect(Object.values(one.entries).flat().length).toBeGreaterThan(100);
    expect(many).toEqual(one);
  });

  it('checks everything on this thread when there are too few files to start a worker', async () => {
    const one = oneThreadReal();
    let perThread: number[] = [];
    expect(await validateContentInParallel({ root: ROOT, today: TODAY }, { threads: 4, onDone: (n) => (perThread = n) })).toEqual(one);
    expect(perThread).toEqual([Object.values(one.entries).flat().length]);
  });
});

describe('reading the files ahead on another thread', () => {
  it('gives the one-thread result for every bad-content case, with every file read by the other thread', async () => {
    const { site, one } = oneThreadCorpus();
    const readAhead = new ReadAhead();
    let perThread: number[] = [];
    const result = await validateContentInParallel({ root: site, today: TODAY }, { threads: 1, readAhead, onDone: (n) => (perThread = n) });
    expect(result).toEqual(one);
    // Every listed content file is handed over read, the ones that turn out unreadable included.
    const files = Object.values(one.entries).flat().length;
    expect(perThread).toEqual([files]);
    expect(readAhead.served).toBe(files);
  });

  it('reads on this thread what a stopped reader did not', async () => {
    const { site, one } = oneThreadCorpus();
    const readAhead = new ReadAhead();
    await readAhead.stop();
    expect(await validateContentInParallel({ root: site, today: TODAY }, { threads: 1, readAhead })).toEqual(one);
    expect(readAhead.served).toBe(0);
  });
});

describe('the cache of checked files', () => {
  const run = async (root: string, cacheDir: string, today = TODAY) => {
    let hits = -1;
    const result = await validateContentInParallel({ root, today }, { cacheDir, minFiles: 0, chunk: 4, onDone: (_, h) => (hits = h) });
    return { result, hits };
  };

  it('gives the same result from the cache, and checks again exactly what changed', async () => {
    // A site of its own, because this test edits it; before the edit it holds what the shared one does.
    const site = makeSite(loadCases());
    const cacheDir = mkdtempSync(join(tmpdir(), 'validate-cache-'));
    made.push(site, cacheDir);
    const fresh = oneThreadCorpus().one;
    const files = Object.values(fresh.entries).flat().length;

    const cold = await run(site, cacheDir);
    expect(cold.hits).toBe(0);
    expect(cold.result).toEqual(fresh);
    const warm = await run(site, cacheDir);
    expect(warm.result).toEqual(fresh);
    // Files that could not be read or show images are checked every time; nearly all the rest come from the cache.
    expect(warm.hits).toBeGreaterThan(files * 0.8);

    // An edited file is checked again, and only it.
    const edited = join(site, 'content/roles/engineer.mdx');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: ""'));
    const afterEdit = await run(site, cacheDir);
    expect(afterEdit.hits).toBe(warm.hits - 1);
    expect(afterEdit.result).toEqual(validateContent({ root: site, today: TODAY }));
    expect(afterEdit.result.problems.some((p) => p.file === 'content/roles/engineer.mdx' && p.field === 'title')).toBe(true);

    // Another day can make figures stale or dates past: nothing is taken from the cache.
    const later = new Date('2031-01-01T00:00:00Z');
    const nextDay = await run(site, cacheDir, later);
    expect(nextDay.hits).toBe(0);
    expect(nextDay.result).toEqual(validateContent({ root: site, today: later }));
  });

  it('checks pages again when a glossary term changes, and every file when a file comes or goes', async () => {
    const site = makeSite([]);
    const cacheDir = mkdtempSync(join(tmpdir(), 'validate-cache-'));
    made.push(site, cacheDir);
    const guide = join(site, 'content/guides/getting-started.mdx');
    writeFileSync(guide, `${readFileSync(guide, 'utf8')}\nA paragraph about feedback the faders.\n`);
    await run(site, cacheDir);
    const before = await run(site, cacheDir);
    expect(before.hits).toBeGreaterThan(0);
    const feedback = (r: Awaited<ReturnType<typeof run>>) =>
      r.result.problems.filter((p) => p.file === 'content/guides/getting-started.mdx' && /"feedback" is in the glossary/.test(p.message));
    expect(feedback(before)).toEqual([]);

    // Same files, same ids: only the glossary's words differ, and the guide now uses one of them unlinked.
    const term = join(site, 'content/glossary/gain-staging.yaml');
    writeFileSync(term, readFileSync(term, 'utf8').replace(/^term: .*$/m, 'term: feedback'));
    const after = await run(site, cacheDir);
    expect(feedback(after)).toHaveLength(1);
    expect(after.result).toEqual(validateContent({ root: site, today: TODAY }));

    // A new file changes the ids every reference is checked against, so nothing comes from the cache.
    writeFileSync(
      join(site, 'content/glossary/another-term.yaml'),
      readFileSync(term, 'utf8').replace(/^term: .*$/m, 'term: another term'),
    );
    const added = await run(site, cacheDir);
    expect(added.hits).toBe(0);
    expect(added.result).toEqual(validateContent({ root: site, today: TODAY }));
  });
});
