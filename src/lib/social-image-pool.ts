/**
 * Renders social images on worker threads. Drawing one takes about 55 ms of
 * CPU (rasterising and PNG-compressing 1200×630 pixels), which at 10,000
 * entries is most of the build; on the main thread it also blocks every other
 * page. With `build.concurrency` above 1 Astro asks for several images at once,
 * and this pool spreads them over the machine's cores.
 *
 * Workers are started on first use and unreferenced while idle, so they never
 * keep a finished build (or a test run) alive.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderSocialImage } from './social-image.ts';
import type { SocialImageJob, SocialImageReply } from './social-image-worker.ts';

/**
 * The worker runs the TypeScript source itself (Node 24 strips the types), not
 * Astro's bundle of it, so it is found from the project root, as the fonts are.
 */
const WORKER_FILE = join(process.cwd(), 'src/lib/social-image-worker.ts');

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class SocialImagePool {
  readonly size: number;
  #slots: Slot[] = [];
  #queue: (SocialImageJob & Pending)[] = [];
  #pending = new Map<number, Pending & { slot: Slot }>();
  #nextId = 0;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  render(title: string, type: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, title, type, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; jobs still waiting are rejected. */
  async close(): Promise<void> {
    const error = new Error('The social image pool was closed');
    for (const job of this.#queue.splice(0)) job.reject(error);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    await Promise.all(this.#slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  #dispatch() {
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((s) => !s.busy) ?? (this.#slots.length < this.size ? this.#spawn() : undefined);
      if (!slot) return;
      const { resolve, reject, ...job } = this.#queue.shift()!;
      slot.busy = true;
      slot.worker.ref();
      this.#pending.set(job.id, { resolve, reject, slot });
      slot.worker.postMessage(job);
    }
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_FILE), busy: false };
    slot.worker.on('message', (reply: SocialImageReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      this.#release(slot);
      if ('error' in reply) pending.reject(new Error(`Social image failed: ${reply.error}`));
      else pending.resolve(Buffer.from(reply.png));
    });
    // A worker that dies takes its job with it: fail that job loudly and let a fresh worker take the rest.
    const fail = (error: Error) => {
      this.#slots = this.#slots.filter((s) => s !== slot);
      for (const [id, pending] of this.#pending) {
        if (pending.slot !== slot) continue;
        this.#pending.delete(id);
        pending.reject(error);
      }
      this.#dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (this.#slots.includes(slot)) fail(new Error(`The social image worker stopped (exit code ${code})`));
    });
    this.#slots.push(slot);
    return slot;
  }

  #release(slot: Slot) {
    slot.busy = false;
    this.#dispatch();
    if (!slot.busy) slot.worker.unref();
  }
}

let shared: SocialImagePool | undefined;

/**
 * One image, drawn on the shared pool. In `astro dev` images are drawn one at a
 * time on request, so they are drawn in-thread and no workers are started.
 */
export function renderSocialImageOffThread(title: string, type: string): Promise<Buffer> {
  if (import.meta.env?.DEV) return renderSocialImage(title, type);
  return (shared ??= new SocialImagePool()).render(title, type);
}

const early = new Map<string, Promise<Buffer>>();
const earlyKey = (title: string, type: string) => JSON.stringify([title, type]);

/**
 * Starts drawing images before Astro asks for them. Astro renders one route's
 * pages after another, so without this the workers sit idle while thousands of
 * HTML pages render, and the main thread sits idle while the images are drawn.
 */
export function drawSocialImagesEarly(pages: readonly { title: string; type: string }[]): void {
  for (const { title, type } of pages) {
    const key = earlyKey(title, type);
    if (early.has(key)) continue;
    const png = renderSocialImageOffThread(title, type);
    // Whoever takes the image sees a failure; until then it must not count as unhandled.
    png.catch(() => undefined);
    early.set(key, png);
  }
}

/** The image for a page: the one started early, if any (handed over once, to free its memory), or a new drawing. */
export function takeSocialImage(title: string, type: string): Promise<Buffer> {
  const key = earlyKey(title, type);
  const started = early.get(key);
  if (!started) return renderSocialImageOffThread(title, type);
  early.delete(key);
  return started;
}
