/**
 * `npm run validate` on every core: the same per-file checks as
 * `validateContent` (`check-file.ts`), spread over worker threads in chunks,
 * with the main thread checking chunks too while the workers start. Outcomes
 * are plain data and are put back in file order before the rules across
 * entries run, so the result is the same as the one-thread validator's, only
 * sooner. A build keeps the one-thread validator: its pages read the parsed
 * trees, which are not worth copying between threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GlossaryWords } from '../content-warnings.ts';
import { finishValidation, planValidation, type ValidateOptions, type ValidationResult } from '../content-validator.ts';
import { glossaryKey, OutcomeCache } from './cache.ts';
import { checkedFirst, fileChecker, type FileJob, type FileOutcome } from './check-file.ts';

export interface ParallelOptions {
  /** Threads in all, this one included (default: the cores, at most 4). */
  threads?: number;
  /** Below this many files no worker is started: loading a worker's modules takes about half a second. */
  minFiles?: number;
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

export type ToWorker = { kind: 'glossary'; words: GlossaryWords[] } | { kind: 'chunk'; chunk: number; files: FileJob[] };
export type FromWorker = { kind: 'ready' } | { kind: 'done'; chunk: number; outcomes: FileOutcome[] };

export async function validateContentInParallel(
  options: Omit<ValidateOptions, 'keepTrees'>,
  {
    threads = Math.min(availableParallelism(), 4),
    minFiles = 1500,
    chunk = 200,
    mainChecks = true,
    cacheDir,
    onDone,
  }: ParallelOptions = {},
): Promise<ValidationResult> {
  const plan = planValidation(options.root);
  const cache = cacheDir === undefined ? undefined : new OutcomeCache(cacheDir, options.root);
  const cacheView = cache && { context: OutcomeCache.context(plan.ids, plan.listed, options.today ?? new Date()), known: cache.known };
  const check = fileChecker({ root: options.root, ids: plan.ids, listed: plan.listed, today: options.today, cache: cacheView });
  const workerCount = plan.files.length >= minFiles ? Math.max(0, threads - 1) : 0;
  const setup: WorkerSetup = {
    root: options.root,
    ids: Object.fromEntries(Object.entries(plan.ids).map(([c, set]) => [c, [...set]])),
    listed: [...plan.listed],
    today: options.today?.toISOString(),
    cache: cacheView && { context: cacheView.context, known: [...cacheView.known] },
  };
  const pool = Array.from({ length: workerCount }, () => new Helper(setup));
  try {
    const outcomes: FileOutcome[] = [];
    const indexes = plan.files.map((_, i) => i);
    const first = indexes.filter((i) => checkedFirst(plan.files[i]!.collection));
    await runChunks(first, chunk, plan.files, outcomes, pool, mainChecks, (file) => check(file, []));
    if (cache) for (const i of first) outcomes[i] = cache.resolve(outcomes[i]!);
    const glossary = first.flatMap((i) => (outcomes[i]!.glossary ? [outcomes[i]!.glossary!] : []));
    for (const helper of pool) helper.send({ kind: 'glossary', words: glossary });
    const rest = indexes.filter((i) => !checkedFirst(plan.files[i]!.collection));
    const glossaryHash = cache ? glossaryKey(glossary) : '';
    await runChunks(rest, chunk, plan.files, outcomes, pool, mainChecks, (file) => check(file, glossary, glossaryHash));
    if (cache) {
      for (const i of rest) outcomes[i] = cache.resolve(outcomes[i]!);
      cache.save();
    }
    const perThread = pool.map((helper) => helper.filesChecked);
    onDone?.([...perThread, plan.files.length - perThread.reduce((a, b) => a + b, 0)], cache?.hits ?? 0);
    return finishValidation(plan, outcomes);
  } finally {
    await Promise.all(pool.map((helper) => helper.stop()));
  }
}

/** Shares chunks of files between the workers that are ready and this thread, until every file has its outcome. */
async function runChunks(
  indexes: number[],
  size: number,
  files: readonly FileJob[],
  outcomes: FileOutcome[],
  pool: readonly Helper[],
  mainChecks: boolean,
  checkHere: (file: FileJob) => FileOutcome,
) {
  const queue: number[][] = [];
  for (let i = 0; i < indexes.length; i += size) queue.push(indexes.slice(i, i + size));
  const running = new Set<Promise<void>>();
  const feed = () => {
    for (const helper of pool) {
      if (!helper.idle || queue.length === 0) continue;
      const chunk = queue.shift()!;
      const job = helper.run(chunk.map((i) => files[i]!)).then(
        (results) => results.forEach((outcome, k) => (outcomes[chunk[k]!] = outcome)),
        // A worker that failed gives its chunk back to be checked elsewhere, so a crash never loses a file.
        () => void queue.push(chunk),
      );
      running.add(job);
      void job.finally(() => running.delete(job));
    }
  };
  while (queue.length || running.size) {
    feed();
    const alive = pool.filter((helper) => helper.alive);
    if (queue.length && (mainChecks || alive.length === 0)) {
      for (const i of queue.shift()!) outcomes[i] = checkHere(files[i]!);
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

/** One worker thread: idle until it has loaded its modules, then one chunk at a time. */
class Helper {
  #worker: Worker;
  #ready = false;
  #busy: { chunk: number; resolve: (o: FileOutcome[]) => void; reject: (e: unknown) => void } | undefined;
  #failed = false;
  #next = 0;
  #started!: () => void;
  /** Settles when the worker has loaded its modules, or failed. */
  ready = new Promise<void>((resolve) => (this.#started = resolve));
  filesChecked = 0;

  constructor(setup: WorkerSetup) {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: setup });
    this.#worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        this.#ready = true;
        this.#started();
      } else if (this.#busy?.chunk === message.chunk) {
        const { resolve } = this.#busy;
        this.#busy = undefined;
        this.filesChecked += message.outcomes.length;
        resolve(message.outcomes);
      }
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`validator worker exited with code ${code}`)));
  }

  get idle() {
    return this.#ready && !this.#busy && !this.#failed;
  }

  get alive() {
    return !this.#failed;
  }

  send(message: ToWorker) {
    if (!this.#failed) this.#worker.postMessage(message);
  }

  run(files: FileJob[]): Promise<FileOutcome[]> {
    const chunk = this.#next++;
    return new Promise((resolve, reject) => {
      this.#busy = { chunk, resolve, reject };
      this.send({ kind: 'chunk', chunk, files });
    });
  }

  #fail(error: unknown) {
    this.#failed = true;
    this.#started();
    const busy = this.#busy;
    this.#busy = undefined;
    busy?.reject(error);
  }

  async stop() {
    this.#failed = true;
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
