import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import .astro components and astro:content through the Container API.
export default getViteConfig({
  test: {
    // The Container API and the validator need Node, not a DOM.
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'src/**/*.test.ts'],
    // Vitest's default keeps one core for its main process, which is mostly idle in a run: on the two-core
    // CI machine that meant one test file at a time. Files are independent (each makes its own temporary folders).
    maxWorkers: availableParallelism(),
    // Each worker runs file after file instead of starting afresh for every file: starting a worker and importing
    // Astro's Vite setup into it cost about a second of CPU per file, a third of the unit stage (measured 68 s → 47 s
    // of CPU for tests/unit). Files keep no shared state; the one that mocks a module resets the module cache first.
    isolate: false,
    // A hang guard, never a time limit on behaviour: on a shared, busy machine spawning Node for a command-line test,
    // or crawling the built site in a hook, can take longer than Vitest's defaults (5 s per test, 10 s per hook).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
