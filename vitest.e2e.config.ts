import { defineConfig } from 'vitest/config';

// Browser tests against the built site, served as a static host would serve it; see tests/e2e/support/.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // Hang guards, never limits on behaviour: the browser tests share the cores with the built-site tests
    // (scripts/test-all.ts), and on a busy machine one page's four axe runs have taken over a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
    // The files run one after another in one worker instead of a new worker (and module graph) each.
    isolate: false,
  },
});
