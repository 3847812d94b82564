/**
 * `npm run validate`: checks content/ against the same schemas the build uses,
 * without building. Prints one line per problem as `path:line:column field: message`
 * and exits 1 if any problem is an error; warnings are printed but do not fail.
 *
 * Usage: node scripts/validate-content.ts [options]
 * (`npm run validate` adds --max-semi-space-size=8: a smaller young generation took less CPU and memory, bench/README.md)
 *   --changed          report only files changed since the branch left main
 *   --format github    print GitHub workflow annotations instead of plain lines
 *   --fix              apply the deterministic fixes first, then validate
 *   --root <dir>       the folder holding content/ (default: the current folder)
 *   --today YYYY-MM-DD the date warnings about old figures count from (default: today)
 *   --threads <n>      threads to check files on (default: the cores, at most 4, but 1 on two cores; 1 checks on this thread only)
 *   --no-cache         check every file afresh, without reading or writing node_modules/.cache/validate/
 */
import { enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Format } from '../src/lib/problem-format.ts';

const started = performance.now();

// Node keeps each module it compiles (TypeScript stripped, V8's code cache) in node_modules/.cache/, so every run
// after the first skips most of the module loading (bench/README.md). Enabled before the validator's modules load,
// which is why they are all imported below rather than at the top.
const compileCache = enableCompileCache(join(import.meta.dirname, '../node_modules/.cache/node-compile')).directory;
// Worker threads inherit it through the environment, so their first module is read from the cache too.
if (compileCache) process.env.NODE_COMPILE_CACHE = compileCache;
const [{ defaultThreads, Helper, MIN_FILES_FOR_WORKERS, roughFileCount }, { MIN_FILES_TO_READ_AHEAD, ReadAhead }] = await Promise.all([
  import('../src/lib/validate/worker-pool.ts'),
  import('../src/lib/validate/read-ahead.ts'),
]);

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    today: { type: 'string' },
    changed: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    threads: { type: 'string' },
    cache: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

const usage = (message: string) => {
  console.error(
    `${message}\nUsage: npm run validate -- [--changed] [--format text|github] [--fix] [--root <dir>] [--today YYYY-MM-DD] [--threads <n>] [--no-cache]`,
  );
  process.exit(2);
};
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
  usage(`--today must be a date written as YYYY-MM-DD; found "${values.today}"`);

if (values.threads !== undefined && !/^[1-9]\d?$/.test(values.threads))
  usage(`--threads must be a whole number from 1; found "${values.threads}"`);

const root = resolve(values.root!);
const today = values.today ? new Date(`${values.today}T00:00:00Z`) : undefined;
const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);

// The workers start before this thread loads the validator, so both load their modules at once (worker-pool.ts);
// on one thread, so does the thread that reads the files ahead of it (read-ahead.ts).
const files = roughFileCount(root);
const helpers = threads > 1 && files >= MIN_FILES_FOR_WORKERS ? Array.from({ length: threads - 1 }, () => new Helper()) : [];
const readAhead = helpers.length === 0 && files >= MIN_FILES_TO_READ_AHEAD ? new ReadAhead() : undefined;
const [{ validateContentInParallel }, { FORMATS, formatAs }] = await Promise.all([
  import('../src/lib/validate/parallel.ts'),
  import('../src/lib/problem-format.ts'),
]);
if (!(FORMATS as readonly string[]).includes(values.format!)) {
  await Promise.all([...helpers.map((helper) => helper.stop()), readAhead?.stop()]);
  usage(`--format must be one of: ${FORMATS.join(', ')}; found "${values.format}"`);
}

if (values.fix) {
  const { fixContent } = await import('../src/lib/content-fixes.ts');
  for (const fix of fixContent(root)) console.log(`${fix.file}: fixed: ${fix.message}`);
}

// Every file is still read when only some are reported: references need all the ids. The files are checked on
// every core (src/lib/validate/parallel.ts), with the same result as the build's one-thread check.
// A file whose text, ids, code and day are unchanged since the last run keeps its outcome (src/lib/validate/cache.ts).
const parallel = {
  threads,
  helpers,
  readAhead,
  ...(values.cache ? { cacheDir: join(import.meta.dirname, '../node_modules/.cache/validate') } : {}),
};
const result = await validateContentInParallel(today ? { root, today } : { root }, parallel);
let problems = result.problems;
if (values.changed) {
  const { changedFiles } = await import('../src/lib/changed-files.ts');
  const changed = changedFiles(root);
  if (changed.scope === 'all') {
    console.log(`--changed: checking every file, because ${changed.reason}`);
  } else {
    const n = changed.files.size;
    console.log(
      `--changed: checking ${n} content file${n === 1 ? '' : 's'} changed since ${changed.baseRef} (${changed.base.slice(0, 7)})`,
    );
    problems = problems.filter((p) => changed.files.has(p.file));
  }
}

const format = formatAs(values.format as Format);
for (const problem of problems) console.log(format(problem));

const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const entries = Object.values(result.entries).reduce((n, list) => n + list.length, 0);
const ms = Math.round(performance.now() - started);
console.log(
  `${errors === 0 ? '✓' : '✗'} ${result.filesSeen} files, ${entries} entries: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${ms} ms)`,
);
process.exitCode = errors > 0 ? 1 : 0;
