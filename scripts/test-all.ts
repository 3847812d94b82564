/**
 * `npm test`: every stage of the test suite, each started as soon as the
 * stages it needs have passed, printing the wall time each one takes and, at
 * the end, a table of wall and CPU times. After a failure no new stage starts;
 * the ones running finish, and the exit code is the first failure's.
 *
 * The order (STAGES' `after`) is chosen for a two-core machine, where the
 * browser tests are the longest stage and everything else fits around them:
 * - the build starts as soon as the content validates, with the linter beside
 *   it, so the browser tests (which need dist/) start as early as they can;
 * - the type check waits for the build because both write .astro/ (Astro's
 *   content sync);
 * - every stage but those on the way to the browser tests runs at a lower CPU
 *   priority (`nice`, where there is one), so the browser tests keep a core
 *   while the others share what is left instead of slowing the longest stage;
 * - the built-site tests, which use both cores, wait for the unit tests so that
 *   no more than about three stages share the cores.
 * A stage's output is held back and printed whole when it ends, so outputs
 * never interleave; a stage run alone (`--only x`) prints as it goes.
 *
 * Every process of the run shares one Node compile cache (NODE_COMPILE_CACHE),
 * made empty for the run and deleted after it: the validator's command line,
 * Astro, Vite and TypeScript are each loaded by many processes (the fixture
 * tests alone start Node about forty times), and each compiles them once. It
 * starts cold on every run, as on a fresh clone, so no result depends on a
 * previous run.
 *
 *   npm test                      the whole suite
 *   npm test -- --from build      start at a stage (after fixing it), with the stages after it in STAGES
 *   npm test -- --only lint,unit  just these stages
 *   npm test -- --keep-going     run every stage even after one fails (to see every failure, or time them all)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface Stage {
  name: string;
  /** The package.json script the stage runs; CI runs the same scripts one step each, in this order (.github/workflows/ci.yml). */
  script: string;
  /** Stages that must pass before this one starts (those selected for the run). */
  after: string[];
  /** On the way to the longest stage (the browser tests): run at normal priority, every other stage below it. */
  critical?: boolean;
}

export const STAGES: Stage[] = [
  { name: 'validate', script: 'validate', after: [], critical: true },
  { name: 'build', script: 'build', after: ['validate'], critical: true },
  { name: 'lint', script: 'lint', after: ['validate'] },
  { name: 'browser tests', script: 'test:e2e', after: ['build'], critical: true },
  { name: 'check', script: 'check', after: ['build'] },
  { name: 'budget', script: 'budget', after: ['build'] },
  { name: 'unit', script: 'test:unit', after: ['lint', 'check'] },
  { name: 'build tests', script: 'test:build', after: ['budget', 'unit'] },
];

interface Result {
  name: string;
  seconds: number;
  /** CPU seconds of the stage's processes: what this process's children's CPU grew by when the stage was reaped. */
  cpu: number | undefined;
  code: number;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * CPU seconds used so far by this process's finished children and everything they waited for (the children's user and
 * system times in /proc/self/stat, in USER_HZ, which Linux fixes at 100). On a shared machine wall time is mostly
 * queueing, so CPU time is the figure to compare between runs; undefined where there is no /proc.
 */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** The children's CPU when the last stage was reaped. */
let reaped: number | undefined;

const hasNice = process.platform !== 'win32' && spawnSync('nice', ['true']).status === 0;
/** Whether a stage runs below normal priority: only beside others (a stage run alone has the machine to itself). */
let alone = false;
const lowered = (stage: Stage) => hasNice && !alone && !stage.critical;

/** Runs one stage; `stream` prints as it goes, otherwise the output is printed whole when the stage ends. */
function run(stage: Stage, stream: boolean, env: NodeJS.ProcessEnv): Promise<Result> {
  const started = performance.now();
  console.log(`▶ ${stage.name} (npm run ${stage.script})`);
  return new Promise((resolve) => {
    const [command, args] = lowered(stage)
      ? ['nice', ['-n', '10', npm, 'run', '--silent', stage.script]]
      : [npm, ['run', '--silent', stage.script]];
    const child = spawn(command, args, { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    child.on('close', (code, signal) => {
      if (!stream) process.stdout.write(`\n── ${stage.name} ──\n${Buffer.concat(held).toString()}\n`);
      // Children's CPU is added to ours only when they are reaped, so the jump now is this stage's alone.
      const cpuNow = childrenCpu();
      const cpu = cpuNow === undefined || reaped === undefined ? undefined : cpuNow - reaped;
      reaped = cpuNow;
      const result = { name: stage.name, seconds: seconds(started), cpu, code: code ?? (signal ? 1 : 0) };
      const cpuText = cpu === undefined ? '' : ` (${cpu.toFixed(1)} s of CPU)`;
      console.log(`${result.code === 0 ? '✔' : '✘'} ${stage.name}: ${result.seconds.toFixed(1)} s${cpuText}`);
      resolve(result);
    });
  });
}

/** Starts every stage whose `after` stages have passed (or, keeping going, ended), until all have run or one fails. */
async function schedule(stages: readonly Stage[], env: NodeJS.ProcessEnv, keepGoing: boolean): Promise<Result[]> {
  const selected = new Set(stages.map((s) => s.name));
  const passed = new Set<string>();
  const results: Result[] = [];
  const waiting = [...stages];
  const running = new Map<string, Promise<Result>>();
  let failed = false;
  while (waiting.length > 0 || running.size > 0) {
    if (!failed) {
      const ready = (a: string) => passed.has(a) || !selected.has(a) || (keepGoing && results.some((r) => r.name === a));
      for (const stage of waiting.filter((s) => s.after.every(ready))) {
        waiting.splice(waiting.indexOf(stage), 1);
        running.set(stage.name, run(stage, stages.length === 1, env));
      }
    }
    if (running.size === 0) break;
    const result = await Promise.race(running.values());
    running.delete(result.name);
    results.push(result);
    if (result.code === 0) passed.add(result.name);
    else failed = !keepGoing;
  }
  return results;
}

function table(results: readonly Result[], total: number, cpu: number | undefined): string {
  const width = Math.max(...results.map((r) => r.name.length), 'total'.length);
  const rows = results.map(
    (r) =>
      `  ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${(r.cpu === undefined ? '' : `${r.cpu.toFixed(1)} s CPU`).padStart(11)}  ${r.code === 0 ? 'passed' : `failed (exit ${r.code})`}`,
  );
  return [
    `Stage times (wall clock and CPU, in the order they ended; stages overlap, see scripts/test-all.ts):`,
    ...rows,
    `  ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(6)} s${cpu === undefined ? '' : `, ${cpu.toFixed(1)} s of CPU`}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, only: { type: 'string' }, 'keep-going': { type: 'boolean' } } });
  const names = STAGES.map((s) => s.name);
  const only = values.only?.split(',').map((s) => s.trim());
  for (const name of [values.from, ...(only ?? [])].filter((n) => n !== undefined))
    if (!names.includes(name)) throw new Error(`no stage "${name}"; the stages are: ${names.join(', ')}`);
  const from = values.from ? names.indexOf(values.from) : 0;
  const stages = STAGES.filter((s, i) => i >= from && (!only || only.includes(s.name)));
  alone = stages.length === 1;

  const cache = mkdtempSync(join(tmpdir(), 'test-all-compile-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? cache };
  // Held output loses the terminal, so keep the colours the tools would have used on it.
  if (process.stdout.isTTY && stages.length > 1 && env['NO_COLOR'] === undefined) env['FORCE_COLOR'] ??= '1';
  const started = performance.now();
  const cpuBefore = childrenCpu();
  reaped = cpuBefore;
  try {
    const results = await schedule(stages, env, values['keep-going'] ?? false);
    const cpuAfter = childrenCpu();
    const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    console.log(`\n${table(results, seconds(started), cpu)}`);
    const failure = results.find((r) => r.code !== 0);
    const skipped = stages.filter((s) => !results.some((r) => r.name === s.name)).map((s) => s.name);
    if (failure && skipped.length > 0) console.log(`Not run after the failure: ${skipped.join(', ')}`);
    return failure?.code ?? 0;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exitCode = await main();
