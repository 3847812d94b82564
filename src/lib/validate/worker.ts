/** A worker thread of `npm run validate` (see `parallel.ts`): checks the chunks of files it is sent. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { CollectionName } from '../../schemas/common.ts';
import type { GlossaryWords } from '../content-warnings.ts';
import type { fileChecker as FileChecker } from './check-file.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './parallel.ts';

// A worker does not share its parent's compile cache (scripts/validate-content.ts); it is turned on before the
// validator's modules load, so they are imported here rather than at the top. Messages wait until the listener is on.
const compileCache = (workerData as { compileCache?: string } | undefined)?.compileCache;
if (compileCache) enableCompileCache(compileCache);
const [{ glossaryKey }, { fileChecker }] = await Promise.all([import('./cache.ts'), import('./check-file.ts')]);

// The setup comes as the first message: the worker is started before the main thread has listed content/.
let setup: WorkerSetup | undefined;
let check: ReturnType<typeof FileChecker> | undefined;
// Kept as one array for the whole run: the warnings build their phrase index once per glossary array.
let glossary: readonly GlossaryWords[] = [];
let glossaryHash = '';
const reply = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'setup') {
    setup = message.setup;
    check = fileChecker({
      root: setup.root,
      ids: Object.fromEntries(Object.entries(setup.ids).map(([c, list]) => [c as CollectionName, new Set(list)])),
      listed: new Map(setup.listed),
      today: setup.today ? new Date(setup.today) : undefined,
      cache: setup.cache && { context: setup.cache.context, known: new Set(setup.cache.known) },
    });
  } else if (message.kind === 'glossary') {
    glossary = message.words;
    if (setup?.cache) glossaryHash = glossaryKey(glossary);
  } else {
    const outcomes = message.files.map((file) => check!(file, glossary, glossaryHash));
    // Functions cannot cross threads; the main thread places a later problem by reading the file again.
    for (const outcome of outcomes) delete outcome.facts?.locate;
    reply({ kind: 'done', chunk: message.chunk, outcomes });
  }
});
reply({ kind: 'ready' });
