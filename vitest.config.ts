import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Container API and the validator need Node, not a DOM.
    environment: 'node',
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
