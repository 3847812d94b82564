/**
 * `npm test`: every stage of the test suite, in order, printing the wall time
 * each one takes and a table of them at the end. Stops at the first failing
 * stage, as `a && b` would, and exits with its code.
 *
 * Stages in one group run at the same time: type checking and linting are each
 * single-threaded, so on a two-core machine they finish together in the time
 * of the longer one. Their output is held back and printed whole when each
 * ends, so it never interleaves. Everything else needs the one before it
 * (the built-site tests need the build) or uses both cores by itself.
 *
 *   npm test                      the whole suite
 *   npm test -- --from build      start at a stage (after fixing it)
 *   npm test -- --only lint,unit  just these stages
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

interface Stage {
  name: string;
  /** The package.json script the stage runs; CI runs the same scripts one step each (.github/workflows/ci.yml). */
  script: string;
}

export const GROUPS: Stage[][] = [
  [{ name: 'validate', script: 'validate' }],
  [
    { name: 'check', script: 'check' },
    { name: 'lint', script: 'lint' },
  ],
  [{ name: 'unit', script: 'test:unit' }],
  [{ name: 'build', script: 'build' }],
  [{ name: 'budget', script: 'budget' }],
  [{ name: 'build tests', script: 'test:build' }],
  [{ name: 'browser tests', script: 'test:e2e' }],
];

interface Result {
  name: string;
  seconds: number;
  code: number;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs one stage; a stage alone in its group prints as it goes, one sharing a group prints when it ends. */
function run(stage: Stage, alone: boolean): Promise<Result> {
  const started = performance.now();
  console.log(`\n▶ ${stage.name} (npm run ${stage.script})${alone ? '' : ', alongside the rest of its group'}`);
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', stage.script], { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    child.on('close', (code, signal) => {
      if (!alone) process.stdout.write(`\n── ${stage.name} ──\n${Buffer.concat(held).toString()}`);
      const result = { name: stage.name, seconds: seconds(started), code: code ?? (signal ? 1 : 0) };
      console.log(`${result.code === 0 ? '✔' : '✘'} ${stage.name}: ${result.seconds.toFixed(1)} s`);
      resolve(result);
    });
  });
}

function table(results: readonly Result[], total: number): string {
  const width = Math.max(...results.map((r) => r.name.length), 'total'.length);
  const rows = results.map(
    (r) => `  ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.code === 0 ? 'passed' : `failed (exit ${r.code})`}`,
  );
  return [
    `Stage times (wall clock; a group's stages ran at the same time):`,
    ...rows,
    `  ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(6)} s`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, only: { type: 'string' } } });
  const names = GROUPS.flat().map((s) => s.name);
  const only = values.only?.split(',').map((s) => s.trim());
  for (const name of [values.from, ...(only ?? [])].filter((n) => n !== undefined))
    if (!names.includes(name)) throw new Error(`no stage "${name}"; the stages are: ${names.join(', ')}`);
  const from = values.from ? names.indexOf(values.from) : 0;
  const groups = GROUPS.map((group) => group.filter((s) => names.indexOf(s.name) >= from && (!only || only.includes(s.name)))).filter(
    (group) => group.length > 0,
  );

  const started = performance.now();
  const results: Result[] = [];
  for (const group of groups) {
    results.push(...(await Promise.all(group.map((stage) => run(stage, group.length === 1)))));
    if (results.some((r) => r.code !== 0)) break;
  }
  console.log(`\n${table(results, seconds(started))}`);
  return results.find((r) => r.code !== 0)?.code ?? 0;
}

if (import.meta.main) process.exitCode = await main();
