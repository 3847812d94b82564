/**
 * `npm run new`: each template, filled for a fixed title and date, must equal
 * its fixture in tests/fixtures/scaffold/ exactly, validate with no errors, list
 * what is left as TODO warnings, and already be in the order --fix would give it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixContent } from '../../src/lib/content-fixes.ts';
import { validateContent } from '../../src/lib/content-validator.ts';
import { scaffold, ScaffoldError, SCAFFOLD_TYPES, type ScaffoldType } from '../../src/lib/scaffold.ts';

const BASE = join(import.meta.dirname, '../fixtures/validator/_base');
const EXPECTED = join(import.meta.dirname, '../fixtures/scaffold');
const SCRIPT = join(import.meta.dirname, '../../scripts/new-entry.ts');
const TODAY = '2026-11-22';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
// The command-line tests start Node; on a busy two-core machine that can take seconds.
vi.setConfig({ testTimeout: 30_000 });

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-'));
  made.push(dir);
  cpSync(BASE, dir, { recursive: true });
  return dir;
}

const TITLES: Record<ScaffoldType, string> = {
  role: 'Live sound engineer',
  comparison: 'Technician vs engineer',
  guide: 'Your first week in a studio',
  program: 'Live Sound Certificate (Evening)',
  term: 'Front of house',
  source: 'Sound careers survey: 2025 edition',
};

describe('npm run new: templates', () => {
  for (const type of Object.keys(SCAFFOLD_TYPES) as ScaffoldType[]) {
    it(`${type}: writes the template, valid, with TODO warnings and in schema order`, () => {
      const root = site();
      const cites = type !== 'term' && type !== 'source';
      const created = scaffold({ root, type, title: TITLES[type], today: TODAY, ...(cites ? { source: 'handbook-source' } : {}) });
      const text = readFileSync(join(root, created.file), 'utf8');
      expect(text).toBe(readFileSync(join(EXPECTED, `${type}.txt`), 'utf8'));
      expect(created.todo.length).toBeGreaterThan(0);

      const problems = validateContent({ root, today: new Date(`${TODAY}T00:00:00Z`) }).problems.filter((p) => p.file === created.file);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(problems.some((p) => p.severity === 'warning' && p.message.startsWith('still holds TODO text'))).toBe(true);
      expect(fixContent(root)).toEqual([]);
    });
  }

  it('derives the id from the title', () => {
    const root = site();
    expect(scaffold({ root, type: 'term', title: '  Front of House (FOH) ', today: TODAY }).file).toBe(
      'content/glossary/front-of-house-foh.yaml',
    );
    expect(scaffold({ root, type: 'role', title: 'Régisseur son', today: TODAY, source: 'handbook-source' }).id).toBe('regisseur-son');
  });

  it('takes the two roles of a comparison from its title, in order', () => {
    const root = site();
    const { file } = scaffold({ root, type: 'comparison', title: 'Engineer versus technician', today: TODAY, source: 'handbook-source' });
    expect(readFileSync(join(root, file), 'utf8')).toContain('roles: [engineer, technician]');
    const named = scaffold({
      root,
      type: 'comparison',
      title: 'Studio roles',
      today: TODAY,
      source: 'handbook-source',
      roles: ['technician', 'engineer'],
    });
    expect(readFileSync(join(root, named.file), 'utf8')).toContain('roles: [technician, engineer]');
  });

  it('pre-fills no id the editor did not choose: a cited page needs --source, a comparison its two roles', () => {
    const root = site();
    expect(() => scaffold({ root, type: 'guide', title: 'A guide', today: TODAY })).toThrow(
      new ScaffoldError(
        'say which source the guide cites, by its id (a file name in content/sources/ without .yaml): npm run new -- guide "A guide" --source <source-id>. A new source goes in first: npm run new -- source "<its title>"',
      ),
    );
    expect(() => scaffold({ root, type: 'comparison', title: 'Mixing and mastering', today: TODAY, source: 'handbook-source' })).toThrow(
      new ScaffoldError(
        'the title does not name two roles; say which two roles the comparison compares, by their ids (file names in content/roles/ without .mdx): npm run new -- comparison "Mixing and mastering" --source <source-id> --roles <role-id>,<role-id>',
      ),
    );
    expect(() => scaffold({ root, type: 'comparison', title: 'Technician vs wizard', today: TODAY, source: 'handbook-source' })).toThrow(
      /^"wizard" is not a role id; say which two roles/,
    );
    expect(() => scaffold({ root, type: 'role', title: 'A role', today: TODAY, source: 'handbok-source' })).toThrow(
      new ScaffoldError('--source "handbok-source" is not a source id; did you mean "handbook-source"?'),
    );
  });

  it('refuses to overwrite, in any letter case, and leaves the file alone', () => {
    const root = site();
    const before = readFileSync(join(root, 'content/glossary/gain-staging.yaml'), 'utf8');
    expect(() => scaffold({ root, type: 'term', title: 'Gain Staging', today: TODAY })).toThrow(
      new ScaffoldError('content/glossary/gain-staging.yaml already exists; edit it, or choose a different title'),
    );
    expect(readFileSync(join(root, 'content/glossary/gain-staging.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a title with no letters, and a cited page before any source exists', () => {
    const root = site();
    expect(() => scaffold({ root, type: 'term', title: '—', today: TODAY })).toThrow(/cannot make an id from the title "—"/);
    rmSync(join(root, 'content/sources'), { recursive: true });
    expect(() => scaffold({ root, type: 'guide', title: 'A guide', today: TODAY })).toThrow(
      'there are no sources yet; add the one you will cite first: npm run new -- source "<its title>"',
    );
    expect(scaffold({ root, type: 'source', title: 'The first source', today: TODAY }).file).toBe('content/sources/the-first-source.yaml');
  });

  it('refuses what would not validate, with the schema message', () => {
    const root = site();
    expect(() =>
      scaffold({ root, type: 'term', title: 'A term whose name goes on far longer than the sixty characters allowed', today: TODAY }),
    ).toThrow(/^term: is longer than 60 characters/);
    expect(() => scaffold({ root, type: 'guide', title: 'A guide', today: TODAY, source: 'no-such-source' })).toThrow(
      /--source "no-such-source" is not a source id/,
    );
  });
});

describe('npm run new: the command line', () => {
  const run = (root: string, ...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync(process.execPath, [SCRIPT, ...args, '--root', root, '--today', TODAY], { encoding: 'utf8', stdio: 'pipe' }),
      };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('creates the file and prints what is left to fill in', () => {
    const root = site();
    const { code, out } = run(root, 'role', 'Live sound engineer', '--source', 'handbook-source');
    expect(code).toBe(0);
    expect(out).toContain('Created content/roles/live-sound-engineer.mdx (id: live-sound-engineer).\nStill to fill in:\n  - description:');
    expect(existsSync(join(root, 'content/roles/live-sound-engineer.mdx'))).toBe(true);
  });

  it('exits 1 without touching an existing file, and 2 on an unknown type', () => {
    const root = site();
    writeFileSync(join(root, 'content/roles/live-sound-engineer.mdx'), 'mine');
    expect(run(root, 'role', 'Live sound engineer', '--source', 'handbook-source')).toEqual({
      code: 1,
      out: 'Not created: content/roles/live-sound-engineer.mdx already exists; edit it, or choose a different title\n',
    });
    expect(readFileSync(join(root, 'content/roles/live-sound-engineer.mdx'), 'utf8')).toBe('mine');
    const unknown = run(root, 'podcast', 'X');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('"podcast" is not a type of entry; use one of: role, comparison, guide, program, term, source');
  });
});
