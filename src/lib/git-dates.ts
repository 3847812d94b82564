/**
 * "Last updated" dates from git history: the day of the last commit that
 * touched a file (or anything in a folder).
 *
 * A shallow clone (CI's default) has only the newest commit, so every file
 * would seem to have changed that day. There, and outside git, the page's own
 * frontmatter date is used instead of a date that would be wrong.
 */
import { execFileSync } from 'node:child_process';

export interface LastUpdated {
  /** YYYY-MM-DD. */
  date: string;
  from: 'git' | 'frontmatter';
}

interface History {
  /** Newest commit day for each path, or undefined when history cannot be trusted. */
  days?: Map<string, string>;
}

const histories = new Map<string, History>();

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Reads the whole log once per repository: one git call for every page of a build. */
function history(cwd: string): History {
  const cached = histories.get(cwd);
  if (cached) return cached;
  let result: History = {};
  const shallow = git(cwd, ['rev-parse', '--is-shallow-repository'])?.trim();
  if (shallow === 'false') {
    // Paths relative to cwd, newest commit first; each commit is "\0<day>" followed by its files.
    const log = git(cwd, ['log', '--format=%x00%cs', '--name-only', '--relative', '--no-renames', '--', '.']);
    if (log !== undefined) {
      const days = new Map<string, string>();
      for (const chunk of log.split('\0').slice(1)) {
        const [day, ...files] = chunk
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        for (const file of files) if (!days.has(file)) days.set(file, day!);
      }
      result = { days };
    }
  }
  histories.set(cwd, result);
  return result;
}

/**
 * The day `path` (relative to `cwd`; a folder ends with "/") last changed in
 * git, or `fallback` (the frontmatter date) when git history is missing,
 * shallow, or has no commit for it yet.
 */
export function lastUpdated(path: string, fallback?: string, cwd = process.cwd()): LastUpdated | undefined {
  const { days } = history(cwd);
  let newest: string | undefined;
  if (days) {
    if (path.endsWith('/')) {
      for (const [file, day] of days) if (file.startsWith(path) && (!newest || day > newest)) newest = day;
    } else {
      newest = days.get(path);
    }
  }
  if (newest) return { date: newest, from: 'git' };
  return fallback ? { date: fallback, from: 'frontmatter' } : undefined;
}

/** Forgets cached histories; for tests that change a repository between calls. */
export const clearGitDates = () => histories.clear();
