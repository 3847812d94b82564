/**
 * Reads the files this thread is about to check on a thread of its own, in
 * the order they will be checked, so opening and reading them overlaps with
 * parsing instead of coming before it. At 10,000 files the open, fstat, read
 * and close calls took about a tenth of a one-thread run. The reading is the
 * same safe read (`safe-read.ts`), so a link or a pipe is refused there just
 * as here. At most `WINDOW` files wait, read, at any time; and if the reader
 * fails, this thread reads what is missing itself, so no file is lost.
 */
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './safe-read.ts';

/**
 * Below this many files the reading thread is not started: at the real site's 169 files it made no difference either
 * way (four alternating pairs, 2026-12-03): reading them takes under 10 ms (about 45 µs a file at 10,000).
 */
export const MIN_FILES_TO_READ_AHEAD = 1000;

/** Files read ahead of the one being checked, at most: enough to never wait, few enough to hold little memory. */
const WINDOW = 512;
/** Files per message either way. */
export const READ_BATCH = 32;

export interface ReaderSetup {
  root: string;
  /** Paths relative to the root, in the order they will be checked. */
  paths: string[];
  window: number;
}
/** What the reader sends: the results for `paths[from]` onwards. */
export interface FromReader {
  from: number;
  results: ReadResult[];
}
/** What the reader is told: first what to read, then how many files have been checked, so it may read further. */
export type ToReader = ReaderSetup | { consumed: number };

export class ReadAhead {
  #worker: Worker;
  #arrived = 0;
  #failed = false;
  #waiting: { index: number; resolve: () => void } | undefined;
  #consumed = 0;
  /** How many files were handed over read, for tests. */
  served = 0;

  /** Each file's place in the reading order, by its index in the list of files. */
  #place = new Int32Array(0);
  #results: (ReadResult | undefined)[] = [];

  /**
   * Starts the reading thread, which waits for `start`: started before this thread loads the validator, it is ready
   * by the time the files are listed.
   */
  constructor() {
    this.#worker = new Worker(new URL('./read-ahead-worker.ts', import.meta.url));
    this.#worker.on('message', ({ from, results }: FromReader) => {
      for (let k = 0; k < results.length; k++) this.#results[from + k] = results[k];
      this.#arrived = from + results.length;
      this.#wake();
    });
    const fail = () => {
      this.#failed = true;
      this.#wake();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', fail);
  }

  /** Starts reading; `order` lists indexes into `files` in the order this thread will check them. */
  start(root: string, files: readonly { rel: string }[], order: readonly number[]) {
    this.#place = new Int32Array(files.length).fill(-1);
    order.forEach((file, place) => (this.#place[file] = place));
    this.#results = new Array<ReadResult | undefined>(order.length);
    if (!this.#failed) this.#worker.postMessage({ root, paths: order.map((i) => files[i]!.rel), window: WINDOW } satisfies ToReader);
  }

  #wake() {
    if (this.#waiting && (this.#failed || this.#arrived > this.#waiting.index)) {
      this.#waiting.resolve();
      this.#waiting = undefined;
    }
  }

  /** Settles when file `file` (an index into the files) has been read, or the reader has failed. */
  until(file: number): Promise<void> {
    const index = this.#place[file] ?? -1;
    if (this.#failed || this.#arrived > index) return Promise.resolve();
    return new Promise((resolve) => (this.#waiting = { index, resolve }));
  }

  /** File `file` as read, which is then forgotten; undefined if it is not in the order or the reader failed first. */
  take(file: number): ReadResult | undefined {
    const index = this.#place[file] ?? -1;
    if (index < 0) return undefined;
    const result = this.#results[index];
    this.#results[index] = undefined;
    if (result) this.served++;
    if (index + 1 - this.#consumed >= READ_BATCH) {
      this.#consumed = index + 1;
      if (!this.#failed) this.#worker.postMessage({ consumed: this.#consumed } satisfies ToReader);
    }
    return result;
  }

  async stop() {
    this.#failed = true;
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
