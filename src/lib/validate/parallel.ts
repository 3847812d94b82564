/**
 * `npm run validate` on every core: the same per-file checks as
 * `validateContent` (`check-file.ts`), spread over worker threads in chunks,
 * with the main thread checking chunks too while the workers start. Outcomes
 * are plain data and are put back in file order before the rules across
 * entries run, so the result is the same as the one-thread validator's, only
 * sooner. A build keeps the one-thread validator: its pages read the parsed
 * trees, which are not worth copying between threads.
 */
import type { GlossaryWords } from '../content-warnings.ts';
import { finishValidation, planValidation, type ValidateOptions, type ValidationResult } from '../content-validator.ts';
import { glossaryKey, OutcomeCache } from './cache.ts';
import { checkedFirst, fileChecker, type FileJob, type FileOutcome } from './check-file.ts';
import type { ReadAhead } from './read-ahead.ts';
import { defaultThreads, Helper, MIN_FILES_FOR_WORKERS } from './worker-pool.ts';

export interface ParallelOptions {
  /** Threads in all, this one included (default: the cores, at most 4). */
  threads?: number;
  /**
   * Workers already started (`worker-pool.ts`), so they load their modules while this thread loads its own; they
   * are used instead of starting `threads - 1` here, or stopped if there are too few files.
   */
  helpers?: Helper[];
  /** Below this many files no worker is started: loading a worker's modules takes about half a second. */
  minFiles?: number;
  /**
   * A reading thread already started (`read-ahead.ts`), used when this thread checks every file itself, or stopped.
   * The files are then read ahead, in the order they are checked.
   */
  readAhead?: ReadAhead | undefined;
  /** Files per chunk: small enough to share the work out evenly, large enough that messages cost little. */
  chunk?: number;
  /** Whether this thread checks files too (default), or only hands them out: tests use false to make the workers do it all. */
  mainChecks?: boolean;
  /** A folder to keep checked files' outcomes in between runs (`cache.ts`); none by default. */
  cacheDir?: string;
  /** Told how many files each thread read, the workers' first (a worker that failed read none), and how many outcomes came from the cache. */
  onDone?: (filesPerThread: number[], cacheHits: number) => void;
}

export interface WorkerSetup {
  root: string;
  ids: Record<string, string[]>;
  listed: [string, boolean][];
  today?: string | undefined;
  cache?: { context: string; known: string[] } | undefined;
}

export type ToWorker =
  { kind: 'setup'; setup: WorkerSetup } | { kind: 'glossary'; words: GlossaryWords[] } | { kind: 'chunk'; chunk: number; files: FileJob[] };
export type FromWorker = { kind: 'ready' } | { kind: 'done'; chunk: number; outcomes: FileOutcome[] };

export async function validateContentInParallel(
  options: Omit<ValidateOptions, 'keepTrees'>,
  {
    threads = defaultThreads(),
    helpers,
    minFiles = MIN_FILES_FOR_WORKERS,
    readAhead,
    chunk = 200,
    mainChecks = true,
    cacheDir,
    onDone,
  }: ParallelOptions = {},
): Promise<ValidationResult> {
  const plan = planValidation(options.root);
  const cache = cacheDir === undefined ? undefined : new OutcomeCache(cacheDir, options.root);
  const cacheView = cache && { context: OutcomeCache.context(plan.ids, plan.listed, options.today ?? new Date()), known: cache.known };
  const workerCount = plan.files.length >= minFiles ? Math.max(0, threads - 1) : 0;
  const setup: WorkerSetup = {
    root: options.root,
    ids: Object.fromEntries(Object.entries(plan.ids).map(([c, set]) => [c, [...set]])),
    listed: [...plan.listed],
    today: options.today?.toISOString(),
    cache: cacheView && { context: cacheView.context, known: [...cacheView.known] },
  };
  const started = helpers ?? [];
  const pool = workerCount === 0 ? [] : started.length ? started : Array.from({ length: workerCount }, () => new Helper());
  if (pool !== started) await Promise.all(started.map((helper) => helper.stop()));
  for (const helper of pool) helper.send({ kind: 'setup', setup });
  const indexes = plan.files.map((_, i) => i);
  const first = indexes.filter((i) => checkedFirst(plan.files[i]!.collection));
  const rest = indexes.filter((i) => !checkedFirst(plan.files[i]!.collection));
  // With no worker this thread checks every file in this order, so it can be read ahead; with workers each reads its own.
  const ahead = pool.length === 0 && mainChecks ? readAhead : undefined;
  if (ahead) ahead.start(options.root, plan.files, [...first, ...rest]);
  else await readAhead?.stop();
  const check = fileChecker({ root: options.root, ids: plan.ids, listed: plan.listed, today: options.today, cache: cacheView });
  try {
    const outcomes: FileOutcome[] = [];
    const run = (list: number[], checkHere: (file: FileJob, i: number) => FileOutcome) =>
      runChunks(list, chunk, plan.files, outcomes, pool, mainChecks, checkHere, ahead);
    await run(first, (file, i) => check(file, [], '', ahead?.take(i)));
    if (cache) for (const i of first) outcomes[i] = cache.resolve(outcomes[i]!);
    const glossary = first.flatMap((i) => (outcomes[i]!.glossary ? [outcomes[i]!.glossary!] : []));
    for (const helper of pool) helper.send({ kind: 'glossary', words: glossary });
    const glossaryHash = cache ? glossaryKey(glossary) : '';
    await run(rest, (file, i) => check(file, glossary, glossaryHash, ahead?.take(i)));
    if (cache) {
      for (const i of rest) outcomes[i] = cache.resolve(outcomes[i]!);
      cache.save();
    }
    const perThread = pool.map((helper) => helper.filesChecked);
    onDone?.([...perThread, plan.files.length - perThread.reduce((a, b) => a + b, 0)], cache?.hits ?? 0);
    return finishValidation(plan, outcomes);
  } finally {
    await Promise.all([...pool.map((helper) => helper.stop()), ahead?.stop()]);
  }
}

/** Files this thread checks between looks at the workers' messages. */
const MAIN_SLICE = 25;

/**
 * Shares chunks of files between the workers and this thread, until every file has its outcome. A worker holds
 * up to two chunks, so it starts the next as soon as it sends one back, even while this thread is busy checking
 * a chunk of its own and cannot answer; and chunks shrink as the files run out, so the threads finish together.
 */
async function runChunks(
  indexes: number[],
  size: number,
  files: readonly FileJob[],
  outcomes: FileOutcome[],
  pool: readonly Helper[],
  mainChecks: boolean,
  checkHere: (file: FileJob, i: number) => FileOutcome,
  ahead: ReadAhead | undefined,
) {
  let next = 0;
  // Chunks a failed worker gave back.
  const returned: number[][] = [];
  const threads = pool.length + (mainChecks ? 1 : 0);
  const take = (most = size): number[] | undefined => {
    if (returned.length) return returned.shift();
    if (next >= indexes.length) return undefined;
    const left = indexes.length - next;
    const n = Math.max(Math.min(most, Math.ceil(left / (2 * threads)), left), Math.min(most, 10));
    return indexes.slice(next, (next += n));
  };
  const waiting = () => returned.length > 0 || next < indexes.length;
  const running = new Set<Promise<void>>();
  const feed = () => {
    for (const helper of pool) {
      while (helper.canTake && waiting()) {
        const chunk = take()!;
        const job = helper.run(chunk.map((i) => files[i]!)).then(
          (results) => results.forEach((outcome, k) => (outcomes[chunk[k]!] = outcome)),
          // A worker that failed gives its chunk back to be checked elsewhere, so a crash never loses a file.
          () => void returned.push(chunk),
        );
        running.add(job);
        void job.finally(() => running.delete(job));
      }
    }
  };
  while (waiting() || running.size) {
    feed();
    const alive = pool.filter((helper) => helper.alive);
    if (waiting() && (mainChecks || alive.length === 0)) {
      // A few files at a time, so a worker that sends its chunk back gets the next one without waiting long.
      const slice = take(Math.min(size, MAIN_SLICE))!;
      await ahead?.until(slice[slice.length - 1]!);
      for (const i of slice) outcomes[i] = checkHere(files[i]!, i);
      // Let finished workers report and take the next chunk before this thread takes another.
      await new Promise((resolve) => setImmediate(resolve));
    } else if (running.size) {
      await Promise.race(running);
    } else {
      // Work is waiting and no worker has loaded yet.
      await Promise.race(alive.map((helper) => helper.ready));
    }
  }
}
