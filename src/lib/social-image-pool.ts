/**
 * Draws a build's social images: a few at a time, started before Astro asks
 * for them, and read from the on-disk cache (social-image-cache.ts) when their
 * inputs are unchanged.
 *
 * Takumi draws on libuv's thread pool (four threads by default), which also
 * carries Astro's file writes. The queue keeps at most one drawing per core in
 * flight, so drawings use the cores the main thread leaves idle without
 * starving the writes of the HTML pages.
 */
import { availableParallelism } from 'node:os';
import { renderSocialImage, socialImageKey } from './social-image.ts';
import { readCachedImage, writeCachedImage } from './social-image-cache.ts';

/** Runs at most `size` drawings at once, in the order they were asked for. */
export class SocialImagePool {
  readonly size: number;
  #active = 0;
  #waiting: (() => void)[] = [];
  #peak = 0;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  /** The most drawings that were ever in flight at once (for tests). */
  get peak(): number {
    return this.#peak;
  }

  async render(title: string, type: string): Promise<Buffer> {
    await this.#acquire();
    try {
      return await renderSocialImage(title, type);
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.size) {
      this.#peak = Math.max(this.#peak, ++this.#active);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** A finished drawing hands its slot straight to the next waiting one, so the count never overshoots. */
  #release() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}

let shared: SocialImagePool | undefined;

/**
 * One image: from the cache when its inputs are unchanged, else drawn (and
 * cached). `astro dev` draws on request and never touches the cache.
 */
export async function socialImage(title: string, type: string): Promise<Buffer> {
  if (import.meta.env?.DEV) return renderSocialImage(title, type);
  const key = socialImageKey(title, type);
  const cached = readCachedImage(key);
  if (cached) return cached;
  const png = await (shared ??= new SocialImagePool()).render(title, type);
  writeCachedImage(key, png);
  return png;
}

const early = new Map<string, Promise<Buffer>>();
const earlyKey = (title: string, type: string) => JSON.stringify([title, type]);

/**
 * Starts drawing images before Astro asks for them. Astro renders one route's
 * pages after another, so without this the drawing threads sit idle while
 * thousands of HTML pages render on the main thread.
 */
export function drawSocialImagesEarly(pages: readonly { title: string; type: string }[]): void {
  for (const { title, type } of pages) {
    const key = earlyKey(title, type);
    if (early.has(key)) continue;
    const png = socialImage(title, type);
    // Whoever takes the image sees a failure; until then it must not count as unhandled.
    png.catch(() => undefined);
    early.set(key, png);
  }
}

/** The image for a page: the one started early, if any (handed over once, to free its memory), or a new one. */
export function takeSocialImage(title: string, type: string): Promise<Buffer> {
  const key = earlyKey(title, type);
  const started = early.get(key);
  if (!started) return socialImage(title, type);
  early.delete(key);
  return started;
}
