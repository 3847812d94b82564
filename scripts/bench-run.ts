/**
 * What `npm run bench` and `npm run bench -- --vs-starlight` share: a private
 * copy of the handbook, running a build under /usr/bin/time, and reading the
 * figures back (wall, CPU, peak memory, Astro's phases, how busy the machine was).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
// scripts/ holds what the build script preloads (scripts/build-env.ts).
const COPIED = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
export const HAS_TIME = existsSync('/usr/bin/time');

/**
 * A private copy of the site (this checkout's, or another's given as `from`,
 * to compare two versions). node_modules is a real folder of symlinks rather
 * than one symlink, so Astro's and Vite's caches (node_modules/.astro, .vite)
 * land in the copy and never touch the repository's.
 */
export function makeSite(prefix = 'handbook-bench-', from = ROOT): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of COPIED) cpSync(join(from, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(from, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(from, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/**
 * The command a site's own `build` script runs (package.json), as arguments for `timed`: the benchmark times what
 * `npm run build` runs, Node options and preloads included, but without npm, whose own start-up would count too.
 * `node …` runs under this Node; `astro …` is the site's Astro.
 */
export function buildCommand(site: string): string[] {
  const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.['build'] ?? 'astro build';
  const [command, ...args] = script.trim().split(/\s+/);
  if (command === 'node') return [process.execPath, ...args];
  if (command === 'astro') return [process.execPath, join(site, 'node_modules/astro/bin/astro.mjs'), ...args];
  throw new Error(`${site}: the build script ${JSON.stringify(script)} is neither "node …" nor "astro …", so the bench cannot run it`);
}

export function run(
  cmd: string,
  args: string[],
  cwd: string,
  logFile: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      done({ code: code ?? 1, output });
    });
  });
}

/** Busy and total CPU seconds of the whole machine since boot (/proc/stat), to tell how much else was running. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    // idle and iowait are the 4th and 5th fields.
    const busy = total - fields[3]! - (fields[4] ?? 0);
    return { busy: busy / 100, total: total / 100 };
  } catch {
    return null;
  }
}

export interface TimedRun {
  code: number;
  output: string;
  wallSeconds: number;
  /** User + system CPU time of the command and its children: steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  /** The largest resident set of any one process of the command (GNU time's "Maximum resident set size"). */
  peakRssMB: number | null;
  loadAverageBefore: number;
  /** CPU seconds the rest of the machine used while the command ran: the noise in its wall time. */
  otherCpuSeconds: number | null;
}

/** Runs a command under `/usr/bin/time -v` (when present) and reads back wall time, CPU time and peak memory. */
export async function timed(args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = {}): Promise<TimedRun> {
  const loadAverageBefore = Number(loadavg()[0]!.toFixed(2));
  const machineBefore = machineCpu();
  const started = performance.now();
  const { code, output } = HAS_TIME
    ? await run('/usr/bin/time', ['-v', ...args], cwd, logFile, env)
    : await run(args[0]!, args.slice(1), cwd, logFile, env);
  const wallSeconds = Math.round(((performance.now() - started) / 1000) * 100) / 100;
  const machineAfter = machineCpu();
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const user = /User time \(seconds\): ([\d.]+)/.exec(output);
  const system = /System time \(seconds\): ([\d.]+)/.exec(output);
  const cpuSeconds = user && system ? Math.round((Number(user[1]) + Number(system[1])) * 100) / 100 : null;
  const otherCpuSeconds =
    machineBefore && machineAfter && cpuSeconds !== null
      ? Math.max(0, Math.round((machineAfter.busy - machineBefore.busy - cpuSeconds) * 10) / 10)
      : null;
  return {
    code,
    output,
    wallSeconds,
    cpuSeconds,
    peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
    loadAverageBefore,
    otherCpuSeconds,
  };
}

/** Astro's own phase timings and the times the handbook's build steps print, from a build log. */
export function buildPhases(output: string): Record<string, number> {
  const seconds = (n: string, unit: string) => Number(n) / (unit === 'ms' ? 1000 : 1);
  // Astro writes durations as 850ms, 12.34s or, past a minute, 2m 5s.
  const TIME = String.raw`(?:(\d+)m )?([\d.]+)(ms|s)\b`;
  const duration = (m: RegExpExecArray) => Number(m[1] ?? 0) * 60 + seconds(m[2]!, m[3]!);
  const phases: Record<string, number> = {};
  const add = (name: string, value: number) => (phases[name] = Math.round(((phases[name] ?? 0) + value) * 100) / 100);
  let phase = '';
  for (const line of output.split('\n')) {
    if (line.includes('Collecting build info')) phase = 'collect build info (config, validator, content sync)';
    else if (line.includes('generating static routes')) phase = 'render pages';
    else if (line.includes('Building static entrypoints')) phase = '';
    const types = new RegExp(`\\[types\\] Generated ${TIME}`).exec(line);
    if (types) add('content sync and types', duration(types));
    const vite = new RegExp(`\\[vite\\] ✓ built in ${TIME}`).exec(line);
    if (vite) add('bundle (Vite)', duration(vite));
    const search = /\[handbook:search-index\] indexed .* in ([\d.]+) s/.exec(line);
    if (search) add('search index (Pagefind + read-back)', Number(search[1]));
    const csp = /\[handbook:csp-headers\] .* by hash \(([\d.]+) s\)/.exec(line);
    if (csp) add('CSP hashes', Number(csp[1]));
    const done = new RegExp(`✓ Completed in ${TIME}`).exec(line);
    if (done && phase) {
      add(phase, duration(done));
      phase = '';
    }
  }
  return phases;
}

export function walkSize(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = walkSize(full);
      bytes += sub.bytes;
      files += sub.files;
      html += sub.html;
    } else {
      bytes += statSync(full).size;
      files++;
      if (entry.name.endsWith('.html')) html++;
    }
  }
  return { bytes, files, html };
}
