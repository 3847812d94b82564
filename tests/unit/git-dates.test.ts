/**
 * "Last updated" comes from git history, except where that history would give
 * a wrong date (a shallow clone) or none (outside git, or a file not yet
 * committed): then the frontmatter date is used.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGitDates, lastUpdated } from '../../src/lib/git-dates.ts';

let dir: string;
let repo: string;

function commit(cwd: string, day: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z`, TZ: 'UTC' };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd, env, stdio: 'pipe' });
  git('add', '-A');
  git('commit', '-q', '-m', day);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'git-dates-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  commit(repo, '2024-03-01', { 'content/roles/a.mdx': 'one', 'src/pages/index.astro': 'page' });
  commit(repo, '2025-06-02', { 'content/glossary/b.yaml': 'two' });
  commit(repo, '2025-07-03', { 'content/roles/a.mdx': 'one, edited' });
  clearGitDates();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('last updated', () => {
  it('takes the day of the last commit that touched the file, not the frontmatter', () => {
    expect(lastUpdated('content/roles/a.mdx', '2020-01-01', repo)).toEqual({ date: '2025-07-03', from: 'git' });
    expect(lastUpdated('src/pages/index.astro', undefined, repo)).toEqual({ date: '2024-03-01', from: 'git' });
  });

  it('takes the newest commit under a folder', () => {
    expect(lastUpdated('content/', undefined, repo)).toEqual({ date: '2025-07-03', from: 'git' });
    expect(lastUpdated('content/glossary/', undefined, repo)).toEqual({ date: '2025-06-02', from: 'git' });
  });

  it('falls back to the frontmatter date for a file git has no commit for yet', () => {
    writeFileSync(join(repo, 'content/roles/new.mdx'), 'draft');
    expect(lastUpdated('content/roles/new.mdx', '2026-01-05', repo)).toEqual({ date: '2026-01-05', from: 'frontmatter' });
  });

  it('in a shallow clone, uses the frontmatter date instead of the clone day', () => {
    const clone = join(dir, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    // Every file would otherwise seem to date from the one commit the clone has.
    expect(lastUpdated('content/glossary/b.yaml', '2025-01-10', clone)).toEqual({ date: '2025-01-10', from: 'frontmatter' });
    expect(lastUpdated('src/pages/index.astro', undefined, clone)).toBeUndefined();
  });

  it('outside git, uses the frontmatter date', () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    expect(lastUpdated('content/roles/a.mdx', '2025-02-03', plain)).toEqual({ date: '2025-02-03', from: 'frontmatter' });
  });
});
