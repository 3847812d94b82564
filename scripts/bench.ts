/**
 * `npm run bench`: how the build grows with the handbook.
 *
 * For each size it copies the site into a temporary folder, tops content/ up
 * with synthetic but schema-valid entries (scripts/bench-content.ts) until it
 * holds that many entries, checks them with the validator, builds with
 * `astro build`, indexes the result with Pagefind, and records: build wall time
 * and time per page, peak memory, size of dist/, Pagefind index size and file
 * count, and validator time. Results go to bench/results/latest.{json,md}.
 *
 * Usage: node scripts/bench.ts [--sizes 100,1000,10000] [--rebuild] [--keep]
 *          [--max-fragments 1000] [--out bench/results]
 *
 * Timings on a shared machine are noisy; each result records the load average
 * before its build so a slow figure can be told from a busy machine.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, validateContent } from '../src/lib/content-validator.ts';
import { pagefindConfig } from '../src/integrations/search-index.ts';
import { countEntries, generateContent, type GeneratedCounts } from './bench-content.ts';

const ROOT = resolve(import.meta.dirname, '..');
const COPIED = ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'max-fragments': { type: 'string', default: '1000' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const sizes = values.sizes!.split(',').map((s) => Number(s.trim()));
const maxFragments = Number(values['max-fragments']);

interface BuildFigures {
  wallSeconds: number;
  pages: number;
  msPerPage: number;
  peakRssMB: number | null;
  /** User + system CPU time: less sensitive than wall time to other work on a shared machine. */
  cpuSeconds: number | null;
  /** Astro's own phase timings, in the order it prints them. */
  phases: Record<string, number>;
  loadAverageBefore: number;
}

interface PagefindFigures {
  /** Who produced the index: the site's own build, or this script on the site's behalf. */
  indexedBy: 'site-build' | 'bench';
  seconds: number;
  bytes: number;
  files: number;
  fragmentFiles: number;
}

interface SizeResult {
  entries: number;
  synthetic: GeneratedCounts;
  /** Wall and CPU seconds of `npm run validate` on the site (Node start-up included); CPU is the figure a busy machine distorts least. */
  validator: { seconds: number; cpuSeconds: number | null; files: number; problems: number };
  build: BuildFigures;
  rebuild?: BuildFigures;
  dist: { bytes: number; files: number; htmlPages: number; largestPages: { path: string; kB: number }[] };
  pagefind: PagefindFigures | null;
  pagefindMaxFragments: (PagefindFigures & { maxFragments: number }) | null;
}

function walkSize(dir: string): { bytes: number; files: number; html: number } {
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

/**
 * A private copy of the site. node_modules is a real folder of symlinks rather
 * than one symlink, so Astro's and Vite's caches (node_modules/.astro, .vite)
 * land in the copy and never touch the repository's.
 */
function makeSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      done({ code: code ?? 1, output });
    });
  });
}

const HAS_TIME = existsSync('/usr/bin/time');

/** Times the validator's command line, as `npm run validate` runs it, on the site copy. */
async function timeValidator(site: string): Promise<{ seconds: number; cpuSeconds: number | null }> {
  const args = [process.execPath, join(ROOT, 'scripts/validate-content.ts'), '--root', site];
  const started = performance.now();
  const { code, output } = HAS_TIME
    ? await run('/usr/bin/time', ['-v', ...args], site, join(site, 'validate.log'))
    : await run(args[0]!, args.slice(1), site, join(site, 'validate.log'));
  const seconds = Math.round(((performance.now() - started) / 1000) * 100) / 100;
  if (code !== 0) throw new Error(`the validator failed on the generated site (exit ${code}):\n${output.slice(-2000)}`);
  const user = /User time \(seconds\): ([\d.]+)/.exec(output);
  const system = /System time \(seconds\): ([\d.]+)/.exec(output);
  return { seconds, cpuSeconds: user && system ? Math.round((Number(user[1]) + Number(system[1])) * 100) / 100 : null };
}

async function build(site: string, label: string): Promise<BuildFigures> {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const args = [process.execPath, astro, 'build'];
  const loadAverageBefore = Number(loadavg()[0]!.toFixed(2));
  const started = performance.now();
  const { code, output } = HAS_TIME
    ? await run('/usr/bin/time', ['-v', ...args], site, join(site, `${label}.log`))
    : await run(args[0]!, args.slice(1), site, join(site, `${label}.log`));
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new Error(`astro build failed (exit ${code}); the log is ${join(site, `${label}.log`)}:\n${output.slice(-3000)}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const user = /User time \(seconds\): ([\d.]+)/.exec(output);
  const system = /System time \(seconds\): ([\d.]+)/.exec(output);
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
  // Astro prints a heading for each phase and then "✓ Completed in <t>"; pair them up.
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
  return {
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    pages,
    msPerPage: pages ? Math.round((wallSeconds * 1000 * 10) / pages) / 10 : 0,
    peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
    cpuSeconds: user && system ? Math.round((Number(user[1]) + Number(system[1])) * 100) / 100 : null,
    phases,
    loadAverageBefore,
  };
}

async function pagefindIndex(dist: string, outputPath: string, options: { maxFragments?: number }): Promise<PagefindFigures> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(pagefindConfig(options));
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dist });
  if (added.errors.length) throw new Error(`Pagefind could not index ${dist}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  const seconds = (performance.now() - started) / 1000;
  return { indexedBy: 'bench', seconds: Math.round(seconds * 100) / 100, ...pagefindFiles(outputPath) };
}

function pagefindFiles(dir: string) {
  const { bytes, files } = walkSize(dir);
  const fragmentDir = join(dir, 'fragment');
  const fragmentFiles = existsSync(fragmentDir) ? readdirSync(fragmentDir).length : 0;
  return { bytes, files, fragmentFiles };
}

async function benchSize(size: number): Promise<SizeResult> {
  const site = makeSite();
  try {
    const contentDir = join(site, 'content');
    const real = countEntries(contentDir);
    if (size < real) throw new Error(`size ${size} is smaller than the ${real} real entries the site already has`);
    const synthetic = generateContent(contentDir, size - real);
    console.log(`\n▶ ${size} entries (${real} real + ${size - real} synthetic) in ${site}`);

    // The in-process run gives the problem list; the timed run is `npm run validate` itself, Node start-up included.
    const validation = validateContent({ root: site });
    const errors = validation.problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      throw new Error(
        `generated content is invalid, so the benchmark would measure a failing build:\n${errors.slice(0, 20).map(formatProblem).join('\n')}`,
      );
    }
    const validator = await timeValidator(site);
    console.log(
      `  validator: ${validation.filesSeen} files in ${validator.seconds.toFixed(2)} s (${validator.cpuSeconds?.toFixed(2) ?? 'n/a'} s CPU), ${validation.problems.length} warnings`,
    );

    const figures = await build(site, 'build');
    console.log(
      `  build: ${figures.pages} pages in ${figures.wallSeconds} s (${figures.msPerPage} ms/page, ${figures.cpuSeconds ?? 'n/a'} s CPU), peak ${figures.peakRssMB ?? 'n/a'} MB`,
    );

    let rebuild: BuildFigures | undefined;
    if (values.rebuild) {
      // An editor's next build: one entry changed, Astro's content cache (node_modules/.astro) kept.
      const one = join(contentDir, 'glossary', 'bench-term-00000.yaml');
      if (existsSync(one)) writeFileSync(one, readFileSync(one, 'utf8').replace(/^definition: "/m, 'definition: "Edited. '));
      rebuild = await build(site, 'rebuild');
      console.log(`  rebuild: ${rebuild.wallSeconds} s`);
    }

    const dist = join(site, 'dist');
    const distSize = walkSize(dist);
    // Shared pages (glossary, sources, indexes) list every entry, so they are where size grows fastest.
    const largestPages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ path: `/${f.replace(/index\.html$/, '')}`, kB: Math.round(statSync(join(dist, f)).size / 1024) }))
      .sort((a, b) => b.kB - a.kB)
      .slice(0, 6);
    let pagefind: PagefindFigures | null = null;
    let pagefindMaxFragments: SizeResult['pagefindMaxFragments'] = null;
    if (existsSync(join(dist, 'pagefind'))) {
      // The build's own phase: Pagefind, the read-back check and writing the files.
      const seconds = figures.phases['search index (Pagefind + read-back)'] ?? 0;
      pagefind = { indexedBy: 'site-build', seconds, ...pagefindFiles(join(dist, 'pagefind')) };
    } else {
      // A site that does not index itself (search switched off) is indexed here as its build would.
      pagefind = await pagefindIndex(dist, join(site, 'pagefind-default'), {});
    }
    // The same pages indexed with a cap on fragment files, to weigh file count against bytes per result.
    pagefindMaxFragments = { maxFragments, ...(await pagefindIndex(dist, join(site, 'pagefind-max'), { maxFragments })) };
    console.log(
      `  dist: ${(distSize.bytes / 1e6).toFixed(1)} MB in ${distSize.files} files; pagefind: ${(pagefind.bytes / 1e6).toFixed(1)} MB in ${pagefind.files} files`,
    );

    return {
      entries: size,
      synthetic,
      validator: {
        seconds: validator.seconds,
        cpuSeconds: validator.cpuSeconds,
        files: validation.filesSeen,
        problems: validation.problems.length,
      },
      build: figures,
      ...(rebuild ? { rebuild } : {}),
      dist: { bytes: distSize.bytes, files: distSize.files, htmlPages: distSize.html, largestPages },
      pagefind,
      pagefindMaxFragments,
    };
  } finally {
    if (values.keep) console.log(`  kept ${site}`);
    else rmSync(site, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function table(results: SizeResult[]): string {
  const head =
    '| Entries | Pages | Build (s) | CPU (s) | ms/page | Peak RSS (MB) | dist (MB) | dist files | Pagefind (s) | Pagefind (MB) | Pagefind files | Pagefind files, maxFragments | Validator (s) | Validator CPU (s) | Load before |';
  const rule = `|${head
    .split('|')
    .slice(1, -1)
    .map(() => '---')
    .join('|')}|`;
  const rows = results.map((r) =>
    [
      r.entries,
      r.build.pages,
      r.build.wallSeconds,
      r.build.cpuSeconds ?? 'n/a',
      r.build.msPerPage,
      r.build.peakRssMB ?? 'n/a',
      mb(r.dist.bytes),
      r.dist.files,
      r.pagefind ? r.pagefind.seconds : 'n/a',
      r.pagefind ? mb(r.pagefind.bytes) : 'n/a',
      r.pagefind ? r.pagefind.files : 'n/a',
      r.pagefindMaxFragments ? `${r.pagefindMaxFragments.files} (max ${r.pagefindMaxFragments.maxFragments})` : 'n/a',
      r.validator.seconds,
      r.validator.cpuSeconds,
      r.build.loadAverageBefore,
    ].join(' | '),
  );
  return [head, rule, ...rows.map((r) => `| ${r} |`)].join('\n');
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
// Pagefind's Node API keeps a service process running until told to stop.
await (await import('pagefind')).close();

const astroVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version as string;
const machine = { cpus: cpus().length, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version, astro: astroVersion };
const outDir = resolve(ROOT, values.out!);
mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), machine, results };
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
const md =
  `# Build benchmark\n\nRun ${report.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} cores, ${machine.memoryGB} GB, Node ${machine.node}, Astro ${machine.astro}. ` +
  `Timings are wall-clock on a shared machine; "Load before" is the 1-minute load average when the build started.\n\n${table(results)}\n\n` +
  `Build phases (s), as Astro reports them:\n\n${results
    .map(
      (r) =>
        `- ${r.entries}: ${Object.entries(r.build.phases)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}${r.rebuild ? `; rebuild after one edit: ${r.rebuild.wallSeconds} s` : ''}`,
    )
    .join('\n')}\n\n` +
  `Largest pages (kB):\n\n${results.map((r) => `- ${r.entries}: ${r.dist.largestPages.map((p) => `${p.path} ${p.kB}`).join(', ')}`).join('\n')}\n`;
writeFileSync(join(outDir, 'latest.md'), md);
console.log(`\n${table(results)}\n\nWritten to ${join(values.out!, 'latest.json')} and latest.md`);
