import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest, longest first; the rest follow in Vitest's own order. With two workers the run ends when
 * the last file does, and Vitest's order without a cache of earlier runs (a fresh clone) is by file size, which put
 * quality.test.ts, the longest by far (its axe runs) but a small file, last: 144 s alone on an idle machine.
 */
const LONGEST_FIRST = ['quality.test.ts', 'search.test.ts', 'phone-layout.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(basename(file.moduleId));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable, so files outside the list keep Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    // Two files at a time, each with its own context (and renderer) in the one Chromium: one file at a time used about
    // 1.4 cores on an idle two-core machine, and in `npm test` the browser tests ran alone for their last minute or so.
    // The pages of the longest file were split in two (quality.test.ts, phone-layout.test.ts) so that no file is the
    // long pole.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // Each worker runs its files one after another instead of starting a worker (and module graph) per file.
    isolate: false,
  },
});
