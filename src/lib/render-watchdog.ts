/**
 * A bound on each page's render time during `astro build`. Content cannot run
 * code (the validator refuses expressions), but a page that never finishes
 * rendering, from content or from a template, would otherwise hang the build
 * with no word of which page. So a watchdog thread, started when the build
 * starts (src/integrations/render-watchdog.ts), watches the pages in flight:
 * the middleware (src/middleware.ts) writes each page's path and start time
 * into shared memory before it renders and frees the slot after. If one page
 * takes longer than the limit, the watchdog names it on stderr and kills the
 * process, which it can do even while the main thread is stuck in a loop: it
 * runs on its own thread and writes to the file descriptor directly.
 *
 * The cost per page is a few atomic writes; no code reaches the built pages.
 */
import { Worker } from 'node:worker_threads';

/** Pages rendered at once: Astro's build.concurrency (4) with room to spare. A page that finds no free slot is not watched. */
const SLOTS = 64;
const PATH_BYTES = 1024;
/** Slot states. */
const FREE = 0;
const WRITING = 1;
const RENDERING = 2;

/** The default limit; HANDBOOK_RENDER_LIMIT_SECONDS changes it. */
export const DEFAULT_LIMIT_SECONDS = 60;

interface Shared {
  buffer: SharedArrayBuffer;
  state: Int32Array;
  started: Float64Array;
  length: Int32Array;
  paths: Uint8Array;
  /** The slowest render so far: its duration (ms) and slot-independent copy of its path. */
  slowest: Float64Array;
  slowestPath: Uint8Array;
  slowestLength: Int32Array;
  pages: Int32Array;
}

function layout(buffer: SharedArrayBuffer): Shared {
  let at = 0;
  const take = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const started = take(SLOTS * 8);
  const slowest = take(8);
  const state = take(SLOTS * 4);
  const length = take(SLOTS * 4);
  const slowestLength = take(4);
  const pages = take(4);
  const paths = take(SLOTS * PATH_BYTES);
  const slowestPath = take(PATH_BYTES);
  return {
    buffer,
    started: new Float64Array(buffer, started, SLOTS),
    slowest: new Float64Array(buffer, slowest, 1),
    state: new Int32Array(buffer, state, SLOTS),
    length: new Int32Array(buffer, length, SLOTS),
    slowestLength: new Int32Array(buffer, slowestLength, 1),
    pages: new Int32Array(buffer, pages, 1),
    paths: new Uint8Array(buffer, paths, SLOTS * PATH_BYTES),
    slowestPath: new Uint8Array(buffer, slowestPath, PATH_BYTES),
  };
}

const BYTES = (() => {
  let size = 0;
  for (const bytes of [SLOTS * 8, 8, SLOTS * 4, SLOTS * 4, 4, 4, SLOTS * PATH_BYTES, PATH_BYTES]) size += Math.ceil(bytes / 8) * 8;
  return size;
})();

/**
 * The watchdog thread, as source: a worker started from a file would need the file's path, which differs once
 * Astro has bundled the config. It sleeps on the shared memory between checks, so it costs nothing while pages
 * render in time.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { buffer, offsets, slots, pathBytes, limitMs, pollMs } = workerData;
const state = new Int32Array(buffer, offsets.state, slots);
const started = new Float64Array(buffer, offsets.started, slots);
const length = new Int32Array(buffer, offsets.length, slots);
const paths = new Uint8Array(buffer, offsets.paths, slots * pathBytes);
const stop = new Int32Array(buffer, offsets.stop, 1);
const decoder = new TextDecoder();
while (Atomics.wait(stop, 0, 0, pollMs) !== 'ok' && Atomics.load(stop, 0) === 0) {
  const now = Date.now();
  for (let i = 0; i < slots; i++) {
    if (Atomics.load(state, i) !== ${RENDERING}) continue;
    const took = now - started[i];
    if (took <= limitMs) continue;
    const path = decoder.decode(paths.slice(i * pathBytes, i * pathBytes + length[i]));
    writeSync(2, '\\n[render-watchdog] ' + path + ' has been rendering for ' + (took / 1000).toFixed(1) + ' s, over the limit of ' +
      limitMs / 1000 + ' s per page (HANDBOOK_RENDER_LIMIT_SECONDS); stopping the build. Look at what this page renders.\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}
`;

interface Running {
  shared: Shared;
  stop: Int32Array;
  worker: Worker;
  limitMs: number;
}

/** Kept on globalThis: the middleware is bundled with the pages, apart from the integration that starts the watchdog. */
const KEY = Symbol.for('handbook.render-watchdog');
const globals = globalThis as unknown as Record<symbol, Running | undefined>;

/** The limit in milliseconds, from HANDBOOK_RENDER_LIMIT_SECONDS when it is a positive number. */
export function renderLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env['HANDBOOK_RENDER_LIMIT_SECONDS']);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LIMIT_SECONDS) * 1000;
}

export function startWatchdog({ limitMs = renderLimitMs(), pollMs = 1000 }: { limitMs?: number; pollMs?: number } = {}): void {
  if (globals[KEY]) return;
  const buffer = new SharedArrayBuffer(BYTES + 8);
  const shared = layout(buffer);
  // Below any real duration, so the first page to finish is the slowest so far.
  shared.slowest[0] = -1;
  const stop = new Int32Array(buffer, BYTES, 1);
  const offsets = {
    state: shared.state.byteOffset,
    started: shared.started.byteOffset,
    length: shared.length.byteOffset,
    paths: shared.paths.byteOffset,
    stop: BYTES,
  };
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { buffer, offsets, slots: SLOTS, pathBytes: PATH_BYTES, limitMs, pollMs },
  });
  // The watchdog never keeps the build alive on its own.
  worker.unref();
  globals[KEY] = { shared, stop, worker, limitMs };
}

/** Stops the watchdog and says how the renders went: pages watched and the slowest one. */
export async function stopWatchdog(): Promise<{ pages: number; slowestMs: number; slowestPath: string } | undefined> {
  const running = globals[KEY];
  if (!running) return undefined;
  globals[KEY] = undefined;
  Atomics.store(running.stop, 0, 1);
  Atomics.notify(running.stop, 0);
  await running.worker.terminate();
  const { shared } = running;
  return {
    pages: Atomics.load(shared.pages, 0),
    slowestMs: Math.max(0, shared.slowest[0]!),
    slowestPath: new TextDecoder().decode(shared.slowestPath.slice(0, shared.slowestLength[0]!)),
  };
}

export const watchdogRunning = () => globals[KEY] !== undefined;

const encoder = new TextEncoder();

/** Marks a page as rendering; returns its slot for `renderDone`, or -1 when no watchdog runs (or every slot is taken). */
export function renderStarted(path: string): number {
  const running = globals[KEY];
  if (!running) return -1;
  const { state, started, length, paths } = running.shared;
  for (let slot = 0; slot < SLOTS; slot++) {
    if (Atomics.compareExchange(state, slot, FREE, WRITING) !== FREE) continue;
    length[slot] = encoder.encodeInto(path, paths.subarray(slot * PATH_BYTES, (slot + 1) * PATH_BYTES)).written;
    started[slot] = Date.now();
    Atomics.store(state, slot, RENDERING);
    return slot;
  }
  return -1;
}

/** Frees a page's slot once it has rendered, keeping the slowest render for the build's closing line. */
export function renderDone(slot: number): void {
  const running = globals[KEY];
  if (!running || slot < 0) return;
  const s = running.shared;
  const took = Date.now() - s.started[slot]!;
  Atomics.add(s.pages, 0, 1);
  if (took > s.slowest[0]!) {
    s.slowest[0] = took;
    s.slowestPath.set(s.paths.subarray(slot * PATH_BYTES, slot * PATH_BYTES + s.length[slot]!));
    s.slowestLength[0] = s.length[slot]!;
  }
  Atomics.store(s.state, slot, FREE);
}
