/**
 * Fixture pairs for the command-line options of `npm run validate`. Each folder
 * under tests/fixtures/validator-options/ is laid over the validator's `_base`
 * site and holds:
 *
 * - `args.txt`: the options, on one line;
 * - `content/`: files laid over the site (on a branch, for the git set-ups);
 * - `setup.txt` (optional): `branch` (main holds `_base` plus `main/`, and a
 *   branch commits `content/`, any other paths in `files/`, and deletes the paths
 *   in `delete.txt`; `untracked/` is copied in without committing), `shallow`
 *   (the same, cloned with --depth 1) or `no-main` (the same, with main renamed);
 *   without it the site is not a git checkout;
 * - `expected.txt`: the exact output, with the timing and commit ids blanked;
 * - `fixed/` and `gone.txt` (optional, for --fix): files as they must read
 *   afterwards, and paths that must no longer exist.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Job, type JobResult, SCRIPT } from '../support/validate-cli-runner.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/validator-options');
const BASE = join(import.meta.dirname, '../fixtures/validator/_base');
const RUNNER = join(import.meta.dirname, '../support/validate-cli-runner.ts');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const read = (...parts: string[]) => (existsSync(join(...parts)) ? readFileSync(join(...parts), 'utf8') : undefined);
const overlay = (from: string, to: string) => existsSync(from) && cpSync(from, to, { recursive: true });
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'pipe',
    encoding: 'utf8',
  });

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function site(name: string): string {
  const caseDir = join(FIXTURES, name);
  const setup = read(caseDir, 'setup.txt')?.trim();
  const dir = mkdtempSync(join(tmpdir(), `validate-${name}-`));
  made.push(dir);
  const work = setup ? join(dir, 'origin') : dir;
  cpSync(BASE, work, { recursive: true });
  if (!setup) {
    overlay(join(caseDir, 'content'), join(work, 'content'));
    return work;
  }
  overlay(join(caseDir, 'main'), join(work, 'content'));
  git(work, 'init', '-q');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'main');
  if (setup === 'no-main') git(work, 'branch', '-q', '-m', 'main', 'trunk');
  git(work, 'checkout', '-q', '-b', 'feature');
  overlay(join(caseDir, 'content'), join(work, 'content'));
  overlay(join(caseDir, 'files'), work);
  for (const path of (read(caseDir, 'delete.txt') ?? '').split('\n').filter(Boolean)) rmSync(join(work, path));
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '--allow-empty', '-m', 'change');
  if (setup === 'shallow') {
    const clone = join(dir, 'clone');
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${work}`, clone);
    return clone;
  }
  overlay(join(caseDir, 'untracked'), join(work, 'content'));
  return work;
}

/** One real start of the command, as `npm run validate` runs it. */
function spawnRun(root: string, args: string[]): JobResult {
  try {
    const stdout = execFileSync(process.execPath, [SCRIPT, '--root', root, '--today', '2026-11-22', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout };
  }
}

/**
 * The same command for many sites in one Node process (tests/support/validate-cli-runner.ts), in order: the script runs
 * once per job as it would on its own, and Node starts once instead of once per case.
 */
function runAll(jobs: { root: string; args: string[] }[]): JobResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'validate-jobs-'));
  made.push(dir);
  const jobsFile = join(dir, 'jobs.json');
  const resultsFile = join(dir, 'results.json');
  const list: Job[] = jobs.map(({ root, args }) => ({ cwd: root, args: ['--root', root, '--today', '2026-11-22', ...args] }));
  writeFileSync(jobsFile, JSON.stringify(list));
  execFileSync(process.execPath, [RUNNER, jobsFile, resultsFile], { stdio: 'pipe' });
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as JobResult[];
}

const normalise = (out: string) => out.replace(/\(\d+ ms\)$/m, '(… ms)').replace(/ \([0-9a-f]{7}\)$/m, ' (<commit>)');

const cases = readdirSync(FIXTURES);
// Setting up the git cases and running the command take a few seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

describe('validate options: fixture pairs', () => {
  const roots = new Map<string, string>();
  const results = new Map<string, JobResult>();
  /** A second site of fix-key-order, fixed twice in a row. */
  let twice: string;
  let fixedTwice: JobResult[];
  beforeAll(() => {
    for (const name of cases) roots.set(name, site(name));
    twice = site('fix-key-order');
    const jobs = cases.map((name) => ({ root: roots.get(name)!, args: read(FIXTURES, name, 'args.txt')!.trim().split(/\s+/) }));
    const out = runAll([...jobs, { root: twice, args: ['--fix'] }, { root: twice, args: ['--fix'] }]);
    cases.forEach((name, i) => results.set(name, out[i]!));
    fixedTwice = out.slice(cases.length);
  });

  it('covers every option', () => {
    const args = cases.map((c) => read(FIXTURES, c, 'args.txt') ?? '').join(' ');
    for (const option of ['--changed', '--format github', '--fix']) expect(args).toContain(option);
  });

  for (const name of cases) {
    it(`${name}: prints exactly the expected output`, () => {
      const root = roots.get(name)!;
      const { code, stdout } = results.get(name)!;
      const expected = read(FIXTURES, name, 'expected.txt')!;
      expect(normalise(stdout)).toBe(expected);
      expect(code).toBe(/^✗/m.test(expected) ? 1 : 0);

      const fixed = join(FIXTURES, name, 'fixed');
      if (existsSync(fixed)) {
        for (const file of files(fixed)) {
          const rel = relative(fixed, file);
          expect(read(root, rel), `${rel} after --fix`).toBe(readFileSync(file, 'utf8'));
        }
      }
      for (const gone of (read(FIXTURES, name, 'gone.txt') ?? '').split('\n').filter(Boolean)) {
        expect(readdirSync(join(root, gone, '..')), `${gone} should be gone`).not.toContain(gone.split('/').pop());
      }
    });
  }

  it('--fix is idempotent: a second run changes nothing', () => {
    expect(fixedTwice[0]!.stdout).toContain('fixed:');
    expect(fixedTwice[1]!.stdout).not.toContain('fixed:');
  });

  it('prints and exits the same when started on its own as when run with the others', () => {
    // The cases share one Node process; this one (git, a branch, the site as working directory) also starts its own.
    const name = 'changed-branch';
    const alone = spawnRun(roots.get(name)!, read(FIXTURES, name, 'args.txt')!.trim().split(/\s+/));
    expect(alone.code).toBe(1);
    expect(normalise(alone.stdout)).toBe(read(FIXTURES, name, 'expected.txt')!);
    expect(normalise(alone.stdout)).toBe(normalise(results.get(name)!.stdout));
    expect(alone.code).toBe(results.get(name)!.code);
  });

  it('rejects an unknown format with a usage message', () => {
    const result = (() => {
      try {
        execFileSync(process.execPath, [SCRIPT, '--format', 'json'], { encoding: 'utf8', stdio: 'pipe' });
        return { code: 0, stderr: '' };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, stderr: e.stderr };
      }
    })();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of: text, github; found "json"');
  });
});

describe('GitHub annotations', () => {
  it('escapes what would end a property or the message early', async () => {
    const { githubAnnotation } = await import('../../src/lib/problem-format.ts');
    const line = githubAnnotation({
      file: 'content/a,b.mdx',
      line: 2,
      column: 3,
      field: 'x:y',
      message: '50% off\nnext',
      severity: 'warning',
    });
    expect(line).toBe('::warning file=content/a%2Cb.mdx,line=2,col=3,title=x%3Ay::50%25 off%0Anext');
  });
});
