/**
 * The bad-content corpus (tests/fixtures/bad-content/): each case is laid over
 * the validator's tiny `_base` site. A case with renders.json is legitimate but
 * unusual and must be accepted and rendered; every other case is invalid and
 * must get exactly one error.
 *
 * Case files have names unique across the corpus, so all invalid cases can be
 * checked together in one build, and all accepted cases in another.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const CORPUS = join(ROOT, 'tests/fixtures/bad-content');
export const BASE = join(ROOT, 'tests/fixtures/validator/_base');
/** The validator's clock in unit tests, as in tests/unit/validator.test.ts. */
export const TODAY = new Date('2026-11-22T00:00:00Z');

export interface RenderCheck {
  /** Site path of the page, e.g. /glossary/. */
  page: string;
  /** Text that must appear in the page's HTML, exactly. */
  contains: string[];
  /** Markup from content that must not appear outside attribute values, i.e. was not escaped. */
  absent?: string[];
}

export interface Case {
  name: string;
  dir: string;
  /** Exact validator output, one line per problem (warnings included, marked "warning:"). */
  expected: string[];
  /** The lines of `expected` that are errors: exactly one for an invalid case, none for an accepted one. */
  errors: string[];
  /** Present only for accepted cases. */
  renders?: RenderCheck[];
}

/**
 * Files git cannot hold usefully (symlinks, FIFOs, a folder named like a content file) are made at test time from
 * the case's special.json: `{ "path": "content/…", "symlink": target }`, `{ "path", "fifo": true }`,
 * `{ "path", "directory": true }` or `{ "path", "bytes": n }` (a file of n bytes that starts like a PNG, too big to commit).
 */
export interface Special {
  path: string;
  symlink?: string;
  fifo?: boolean;
  directory?: boolean;
  bytes?: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const specials = (c: Case): Special[] =>
  existsSync(join(c.dir, 'special.json')) ? (JSON.parse(readFileSync(join(c.dir, 'special.json'), 'utf8')) as Special[]) : [];

function makeSpecials(site: string, c: Case) {
  for (const s of specials(c)) {
    const at = join(site, s.path);
    mkdirSync(dirname(at), { recursive: true });
    if (s.symlink !== undefined) symlinkSync(s.symlink, at);
    else if (s.fifo) execFileSync('mkfifo', [at]);
    else if (s.directory) mkdirSync(join(at, 'inside'), { recursive: true });
    else if (s.bytes !== undefined) writeFileSync(at, Buffer.concat([PNG_SIGNATURE, Buffer.alloc(s.bytes - PNG_SIGNATURE.length)]));
  }
}

export function loadCases(): Case[] {
  return readdirSync(CORPUS)
    .sort()
    .map((name) => {
      const dir = join(CORPUS, name);
      const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
      // formatProblem writes `path:line:column field: warning: message` for a warning.
      const errors = expected.filter((line) => !/^\S+ \S+: warning: /.test(line));
      const rendersFile = join(dir, 'renders.json');
      const renders = existsSync(rendersFile) ? (JSON.parse(readFileSync(rendersFile, 'utf8')) as RenderCheck[]) : undefined;
      return renders ? { name, dir, expected, errors, renders } : { name, dir, expected, errors };
    });
}

/** Every file a case adds, relative to the site root (content/...). */
export function caseFiles(c: Case): string[] {
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  return [...walk(join(c.dir, 'content'), 'content/'), ...specials(c).map((s) => s.path)];
}

/**
 * A site made of `_base` plus the cases' content. With `buildable`, it also gets
 * the real src/, config and a node_modules of symlinks, so `astro build` runs in
 * it without touching the repository's dist/ or caches.
 */
export function makeSite(cases: Case[], options: { buildable?: boolean; label?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `bad-content-${options.label ?? 'site'}-`));
  // A buildable site starts from the real content, because site pages (the MDX component examples on
  // /contribute/components/) show real entries; the base and the cases use ids of their own.
  if (options.buildable) cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(BASE, dir, { recursive: true });
  for (const c of cases) {
    cpSync(join(c.dir, 'content'), join(dir, 'content'), { recursive: true });
    makeSpecials(dir, c);
  }
  if (options.buildable) {
    for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
    // The real pages' social images, as `npm run build` left them (src/lib/social-image-cache.ts: keyed by everything
    // an image is drawn from), so only the cases' pages are drawn. Copied, not linked: a build prunes the images of
    // pages it does not have.
    const images = join(ROOT, 'node_modules/.cache/social-images');
    if (existsSync(images)) cpSync(images, join(dir, 'node_modules/.cache/social-images'), { recursive: true });
  }
  return dir;
}
