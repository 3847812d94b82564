/**
 * The pull-request checks: .github/workflows/ci.yml must run every stage of
 * `npm test`, validate the changed content with annotations on pull requests,
 * and deploy to GitHub Pages only from main.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../scripts/test-all.ts';

const ROOT = join(import.meta.dirname, '../..');
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8'));
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
type Step = { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> };
const steps = workflow.jobs.test.steps as Step[];

describe('CI workflow', () => {
  it('runs on every pull request and on pushes to main', () => {
    expect(workflow.on).toMatchObject({ pull_request: null, push: { branches: ['main'] } });
  });

  it('runs every stage of npm test, in order', () => {
    expect(scripts.test).toBe('node scripts/test-all.ts');
    const stages = STAGES.map((stage) => `npm run ${stage.script}`);
    expect(stages).toEqual(
      expect.arrayContaining([
        'npm run validate',
        'npm run check',
        'npm run lint',
        'npm run test:unit',
        'npm run build',
        'npm run test:build',
        'npm run test:e2e',
      ]),
    );
    const runs = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
    expect(runs.filter((r) => stages.includes(r))).toEqual(stages);
  });

  it('.ci/run installs what a fresh machine lacks, then runs exactly npm ci and npm test', () => {
    const commands = readFileSync(join(ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^npm /.test(line));
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('validates only the changed files, as annotations, on pull requests', () => {
    const step = steps.find((s) => s.run === 'npm run validate -- --changed --format github');
    expect(step?.if).toBe("github.event_name == 'pull_request'");
    // --changed needs the merge base with main: a full clone.
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });

  it("installs Debian Chromium and its headless shell (the browser tests' Chromium) on GitHub and in .ci/run", () => {
    expect(workflow.jobs.test.container).toMatch(/bookworm|trixie/);
    expect(steps.some((s) => /apt-get install .*\bchromium\b.*\bchromium-headless-shell\b/.test(s.run ?? ''))).toBe(true);
    const run = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(run).toContain('|| missing+=(chromium)');
    expect(run).toContain('apt-get install -y -qq chromium-headless-shell');
  });

  it('deploys the built site to GitHub Pages from main only, after the tests', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload).toMatchObject({ if: "github.event_name == 'push' && github.ref == 'refs/heads/main'", with: { path: 'dist' } });
    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe('test');
    expect(deploy.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.some((s: Step) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('has a pull request template with a checklist', () => {
    const template = readFileSync(join(ROOT, '.github/pull_request_template.md'), 'utf8');
    expect(template.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(5);
    expect(template).toContain('npm run validate');
  });
});
