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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, validateContent } from '../src/lib/content-validator.ts';
import { pagefindConfig } from '../src/integrations/search-index.ts';
import { countEntries, generateContent, type GeneratedCounts } from './bench-content.ts';
import { buildCommand, buildPhases, makeSite, ROOT, timed, walkSize } from './bench-run.ts';

if (process.argv.includes('--validator')) {
  // The validator by itself, without building: its own module and options (scripts/bench-validate.ts).
  const { benchValidator } = await import('./bench-validate.ts');
  await benchValidator(process.argv.slice(2));
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'max-fragments': { type: 'string', default: '1000' },
    out: { type: 'string', default: 'bench/results' },
    'vs-starlight': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    handbook: { type: 'string' },
  },
});
if (values['vs-starlight']) {
  // Side by side with a plain Starlight site: its own module, its own default sizes.
  const { benchVsStarlight } = await import('./bench-starlight.ts');
  await benchVsStarlight({
    sizes: process.argv.some((a) => a.startsWith('--sizes')) ? values.sizes! : '1000,3000',
    repeat: Number(values.repeat),
    keep: values.keep!,
    out: values.out!,
    handbook: values.handbook,
  });
  process.exit(0);
}
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

/** Times the validator's command line, as `npm run validate` runs it, on the site copy. */
async function timeValidator(site: string): Promise<{ seconds: number; cpuSeconds: number | null }> {
  const args = [process.execPath, join(ROOT, 'scripts/validate-content.ts'), '--root', site];
  const { code, output, wallSeconds, cpuSeconds } = await timed(args, site, join(site, 'validate.log'));
  if (code !== 0) throw new Error(`the validator failed on the generated site (exit ${code}):\n${output.slice(-2000)}`);
  return { seconds: wallSeconds, cpuSeconds };
}

async function build(site: string, label: string): Promise<BuildFigures> {
  const figures = await timed(buildCommand(site), site, join(site, `${label}.log`));
  const { code, output, wallSeconds } = figures;
  if (code !== 0) {
    throw new Error(`astro build failed (exit ${code}); the log is ${join(site, `${label}.log`)}:\n${output.slice(-3000)}`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
  return {
    wallSeconds,
    pages,
    msPerPage: pages ? Math.round((wallSeconds * 1000 * 10) / pages) / 10 : 0,
    peakRssMB: figures.peakRssMB,
    cpuSeconds: figures.cpuSeconds,
    phases: buildPhases(output),
    loadAverageBefore: figures.loadAverageBefore,
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
