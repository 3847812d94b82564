/**
 * The worker threads of `npm run validate`, kept in a module that loads
 * nothing heavy, so `scripts/validate-content.ts` can start them before its own
 * thread loads the validator: loading the schemas, parsers and rules takes
 * about half a second on each thread, and started first the workers load
 * theirs at the same time instead of after. A worker waits for its setup
 * (the ids and listing of content/, `parallel.ts`) before it checks anything.
 */
import { readdirSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileOutcome } from './check-file.ts';
import type { FromWorker, ToWorker } from './parallel.ts';

/** Threads in all by default, this one included: the cores, at most 4. */
/**
 * Every core up to four, except on two cores, where one thread was faster: at 10,000 files on an idle two-core machine
 * one thread took 3.9 to 4.0 s (5.1 s of CPU) and two took 4.0 to 4.9 s (7.3 to 8.2 s of CPU), the second thread's
 * module loading, copied outcomes and shared caches costing more than its half of the files saves.
 */
export const defaultThreads = () => {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : Math.min(cores, 4);
};

/** Below this many files no worker is started: loading a worker's modules costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1500;

/**
 * Roughly how many files content/ holds, counted from names only (content/ and
 * its folders, one level down), to decide before anything is loaded whether
 * workers are worth starting. The real listing (`read-files.ts`) comes later
 * and decides everything else.
 */
export function roughFileCount(root: string): number {
  let count = 0;
  const contentRoot = join(root, 'content');
  try {
    for (const entry of readdirSync(contentRoot, { withFileTypes: true })) {
      count += entry.isDirectory() ? readdirSync(join(contentRoot, entry.name)).length : 1;
    }
  } catch {
    // No content/ (or not readable): the validator says so itself.
  }
  return count;
}

/** Chunks a worker holds at once: the one it checks and the next, so it never waits for this thread to answer. */
const DEPTH = 2;

/** One worker thread: idle until it has loaded its modules, then up to two chunks at a time, answered in order. */
export class Helper {
  #worker: Worker;
  #ready = false;
  #busy = new Map<number, { resolve: (o: FileOutcome[]) => void; reject: (e: unknown) => void }>();
  #failed = false;
  #next = 0;
  #started!: () => void;
  /** Settles when the worker has loaded its modules, or failed. */
  ready = new Promise<void>((resolve) => (this.#started = resolve));
  filesChecked = 0;

  constructor() {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { compileCache: getCompileCacheDir() },
      // The young generation package.json's `validate` gives the main thread (--max-semi-space-size=8: two halves and
      // a space for large objects): a small one cost less CPU and memory than V8's default at 10,000 files.
      resourceLimits: { maxYoungGenerationSizeMb: 24 },
    });
    this.#worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        this.#ready = true;
        this.#started();
        return;
      }
      const busy = this.#busy.get(message.chunk);
      if (!busy) return;
      this.#busy.delete(message.chunk);
      this.filesChecked += message.outcomes.length;
      busy.resolve(message.outcomes);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`validator worker exited with code ${code}`)));
  }

  /** Whether it can be sent another chunk now. */
  get canTake() {
    return this.#ready && this.#busy.size < DEPTH && !this.#failed;
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
      this.#busy.set(chunk, { resolve, reject });
      this.send({ kind: 'chunk', chunk, files });
    });
  }

  #fail(error: unknown) {
    this.#failed = true;
    this.#started();
    const busy = [...this.#busy.values()];
    this.#busy.clear();
    for (const b of busy) b.reject(error);
  }

  async stop() {
    this.#failed = true;
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
