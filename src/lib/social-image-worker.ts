/**
 * Worker-thread entry for src/lib/social-image-pool.ts: renders one social
 * image per message. Kept apart from social-image.ts so that module stays a
 * plain function the dev server and tests can call in-thread.
 */
import { parentPort } from 'node:worker_threads';
import { renderSocialImage } from './social-image.ts';

export interface SocialImageJob {
  id: number;
  title: string;
  type: string;
}

export type SocialImageReply = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('social-image-worker.ts is a worker-thread entry; import social-image.ts instead');

port.on('message', ({ id, title, type }: SocialImageJob) => {
  renderSocialImage(title, type).then(
    (png) => port.postMessage({ id, png } satisfies SocialImageReply),
    (error: unknown) =>
      port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SocialImageReply),
  );
});
