/**
 * The render watchdog (src/lib/render-watchdog.ts) in a child process of its own: a page that is still rendering
 * past the limit while the main thread is stuck in a synchronous loop must stop the process with a message naming
 * the page; a page that finishes in time must not. The build's wiring (the integration and src/middleware.ts) is
 * checked by tests/build/bad-content.test.ts, whose build reports the pages rendered under the watchdog.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT_SECONDS, renderDone, renderLimitMs, renderStarted, watchdogRunning } from '../../src/lib/render-watchdog.ts';

const MODULE = join(import.meta.dirname, '../../src/lib/render-watchdog.ts');
const dir = mkdtempSync(join(tmpdir(), 'render-watchdog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script that starts the watchdog with a 300 ms limit, then `body`, then blocks the main thread for `blockMs`. */
function run(body: string, blockMs: number) {
  const script = join(dir, `case-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    script,
    `import { renderDone, renderStarted, startWatchdog, stopWatchdog } from ${JSON.stringify(MODULE)};
startWatchdog({ limitMs: 300, pollMs: 50 });
${body}
const until = Date.now() + ${blockMs};
while (Date.now() < until) {}
const report = await stopWatchdog();
console.log('survived ' + JSON.stringify(report));
`,
  );
  const started = Date.now();
  const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  return { ...child, took: Date.now() - started };
}

describe('render watchdog', () => {
  it('stops a process whose page renders past the limit while the main thread is blocked, naming the page', () => {
    const child = run(`renderStarted('/roles/never-finishes/');`, 20_000);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('survived');
    expect(child.stderr).toMatch(/\/roles\/never-finishes\/ has been rendering for \d+\.\d s, over the limit of 0\.3 s per page/);
    // Killed soon after the limit, long before the 20 s loop would have ended.
    expect(child.took).toBeLessThan(15_000);
  });

  it('leaves alone a process whose pages finish in time, and reports them', () => {
    const child = run(`renderDone(renderStarted('/guides/quick/')); renderDone(renderStarted('/roles/also-quick/'));`, 1000);
    expect(child.stderr).not.toContain('render-watchdog');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout.replace(/^survived /, '')) as { pages: number; slowestPath: string };
    expect(report.pages).toBe(2);
    expect(['/guides/quick/', '/roles/also-quick/']).toContain(report.slowestPath);
  });

  it('marks nothing when no watchdog runs (the dev server, tests)', () => {
    expect(watchdogRunning()).toBe(false);
    const slot = renderStarted('/');
    expect(slot).toBe(-1);
    renderDone(slot);
  });

  it('takes its limit from HANDBOOK_RENDER_LIMIT_SECONDS when it is a positive number', () => {
    expect(renderLimitMs({ HANDBOOK_RENDER_LIMIT_SECONDS: '5' })).toBe(5000);
    expect(renderLimitMs({ HANDBOOK_RENDER_LIMIT_SECONDS: '0.5' })).toBe(500);
    for (const bad of [undefined, '', 'soon', '-3', '0'])
      expect(renderLimitMs({ HANDBOOK_RENDER_LIMIT_SECONDS: bad })).toBe(DEFAULT_LIMIT_SECONDS * 1000);
  });
});
