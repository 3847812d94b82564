/**
 * Validator fixture pairs: each folder under tests/fixtures/validator/ is laid
 * over the valid `_base` site, and the validator's output must equal the folder's
 * expected.txt line for line. An empty expected.txt means "accepted".
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, validateContent } from '../../src/lib/content-validator.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/validator');
const TODAY = new Date('2026-11-22T00:00:00Z');
const made: string[] = [];

function site(caseName: string): string {
  const dir = mkdtempSync(join(tmpdir(), `validator-${caseName}-`));
  made.push(dir);
  cpSync(join(FIXTURES, '_base'), dir, { recursive: true });
  if (existsSync(join(FIXTURES, caseName, 'content')))
    cpSync(join(FIXTURES, caseName, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const cases = readdirSync(FIXTURES).filter((name) => !name.startsWith('_'));

describe('validator fixture pairs', () => {
  it('has a case for every class of error the issue names', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['unknown-role-reference', 'unknown-source-citation', 'duplicate-ids', 'hours-do-not-sum', 'unloaded-files']),
    );
  });

  it('has a case for every warning and for errors that say what was found', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'warn-stale-figure',
        'warn-uncited-figure',
        'warn-description-length',
        'warn-unlinked-term',
        'warn-placeholder',
        'warn-citations',
        'warn-pasted-markdown',
        'warn-silences',
        'errors-say-what-was-found',
        'mdx-component-attributes',
      ]),
    );
  });

  for (const name of cases) {
    it(`${name}: reports exactly the expected problems`, () => {
      const expected = readFileSync(join(FIXTURES, name, 'expected.txt'), 'utf8')
        .split('\n')
        .filter(Boolean);
      const { problems } = validateContent({ root: site(name), today: TODAY });
      expect(problems.map(formatProblem)).toEqual(expected);
    });
  }
});

describe('validator accounting', () => {
  it('counts every file under content/ as either loaded or reported', () => {
    const root = site('unloaded-files');
    const result = validateContent({ root, today: TODAY });
    const loaded = Object.values(result.entries).flat().length;
    const reported = new Set(result.problems.filter((p) => p.field === 'file').map((p) => p.file)).size;
    expect(loaded + reported).toBe(result.filesSeen);
    expect(reported).toBe(4);
  });
});

// Each test starts Node on the command line; on a loaded machine that alone can pass vitest's 5 s default.
describe('npm run validate (the command line)', { timeout: 30_000 }, () => {
  const run = (root: string) => {
    try {
      const stdout = execFileSync(process.execPath, ['scripts/validate-content.ts', '--root', root, '--today', '2026-11-22'], {
        encoding: 'utf8',
      });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, stdout: e.stdout };
    }
  };

  it('exits 0 and prints a summary for a valid site', () => {
    const { code, stdout } = run(site('valid-site'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ 6 files, 6 entries: 0 errors, 0 warnings/m);
  });

  it('prints warnings in the same form and still exits 0 when there are only warnings', () => {
    const { code, stdout } = run(site('warn-stale-figure'));
    expect(code).toBe(0);
    expect(stdout).toContain('content/roles/technician.mdx:16:5 pay[0].asOf: warning: this figure is dated 2023-10');
    expect(stdout).toMatch(/^✓ 6 files, 6 entries: 0 errors, 2 warnings/m);
  });

  it('exits 1 and prints every problem in path:line:column field: message form', () => {
    const { code, stdout } = run(site('hours-do-not-sum'));
    expect(code).toBe(1);
    expect(stdout).toContain('content/programs/course.mdx:9:3 hours.total: is 370 but the components add up to 378');
    expect(stdout).toMatch(/✗ 6 files, 6 entries: 1 error, 0 warnings/);
  });
});
