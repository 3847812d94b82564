/**
 * Which content files a branch changes, for `npm run validate -- --changed`.
 *
 * Files are compared with the point where the branch left main (the merge base
 * with origin/main, else main), including uncommitted and untracked files. When
 * that cannot be known, or when a change can break files it does not touch, the
 * answer is "check everything", with the reason, never a guess.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { CONTENT_DIR } from '../schemas/collections.ts';
import { isImagePath } from './validate/images.ts';

export type ChangedFiles = { scope: 'changed'; base: string; baseRef: string; files: Set<string> } | { scope: 'all'; reason: string };

const BASE_REFS = ['origin/main', 'main'];

/**
 * Changes outside content/ that alter what the validator accepts: schemas,
 * the validator itself and the URL scheme links are checked against.
 */
const AFFECTS_EVERY_FILE = ['src/schemas/', 'src/lib/', 'scripts/validate-content.ts'];

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Paths are returned relative to `root` (the folder that holds content/), with forward slashes. */
export function changedFiles(root: string): ChangedFiles {
  const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return { scope: 'all', reason: 'this is not a git checkout' };
  if (git(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
    return { scope: 'all', reason: 'this is a shallow clone, so where the branch left main is unknown' };
  }
  let base: string | undefined;
  let baseRef = '';
  for (const ref of BASE_REFS) {
    base = git(root, ['merge-base', 'HEAD', ref])?.trim();
    if (base) {
      baseRef = ref;
      break;
    }
  }
  if (!base) return { scope: 'all', reason: 'there is no main branch (origin/main or main) to compare with' };

  // -z: NUL-separated, so unusual file names arrive unquoted. Status then path(s).
  const diff = (git(top, ['diff', '--name-status', '-z', '-M', base]) ?? '').split('\0').filter(Boolean);
  const untracked = (git(top, ['ls-files', '--others', '--exclude-standard', '-z']) ?? '').split('\0').filter(Boolean);
  const fromTop = (p: string) => relative(root, resolve(top, p)).split('\\').join('/');
  const inContent = (p: string) => fromTop(p).startsWith(`${CONTENT_DIR}/`);

  const files = new Set<string>();
  for (let i = 0; i < diff.length;) {
    const status = diff[i++]!;
    const paths = status.startsWith('R') || status.startsWith('C') ? [diff[i++]!, diff[i++]!] : [diff[i++]!];
    const rels = paths.map(fromTop);
    if (rels.some((p) => AFFECTS_EVERY_FILE.some((prefix) => p.startsWith(prefix)))) {
      return {
        scope: 'all',
        reason: `${rels.find((p) => AFFECTS_EVERY_FILE.some((x) => p.startsWith(x)))} changed, which can affect every file`,
      };
    }
    if ((status.startsWith('D') || status.startsWith('R')) && inContent(paths[0]!)) {
      return { scope: 'all', reason: `${rels[0]} was removed or renamed, so pages that refer to it may break` };
    }
    const current = paths[paths.length - 1]!;
    if (inContent(current)) files.add(fromTop(current));
  }
  for (const p of untracked) if (inContent(p)) files.add(fromTop(p));
  // An image's problems are reported at the line of the page that shows it (content/guides/x/a.png: content/guides/x.mdx).
  for (const file of [...files]) {
    const parts = file.split('/');
    if (isImagePath(file) && parts.length === 4) files.add(`${parts.slice(0, 3).join('/')}.mdx`);
  }
  return { scope: 'changed', base, baseRef, files };
}
