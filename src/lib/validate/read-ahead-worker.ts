/** The reading thread of `read-ahead.ts`: reads the files in order, a batch at a time, never too far ahead. */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { FromReader, ReaderSetup, ToReader } from './read-ahead.ts';
import { READ_BATCH } from './read-ahead.ts';
import { readContentFile } from './safe-read.ts';

let setup: ReaderSetup | undefined;
let consumed = 0;
let wake: (() => void) | undefined;
parentPort!.on('message', (message: ToReader) => {
  if ('consumed' in message) consumed = message.consumed;
  else setup = message;
  wake?.();
});
const nextMessage = () => new Promise<void>((resolve) => (wake = resolve));

while (!setup) await nextMessage();
const { root, paths, window } = setup;
for (let next = 0; next < paths.length;) {
  if (next - consumed >= window) {
    await nextMessage();
    continue;
  }
  const from = next;
  const results = [];
  for (const end = Math.min(paths.length, next + READ_BATCH); next < end; next++) results.push(readContentFile(join(root, paths[next]!)));
  parentPort!.postMessage({ from, results } satisfies FromReader);
  // Lets the main thread's word on how far it has got arrive between batches.
  await new Promise((resolve) => setImmediate(resolve));
}
// Done: closing the port lets this thread end.
parentPort!.close();
