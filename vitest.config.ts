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
    // A hang guard, never a time limit on behaviour: tests that run the command line spawn Node, which on a shared,
    // busy machine can take longer than Vitest's default 5 s.
    testTimeout: 120_000,
  },
});
