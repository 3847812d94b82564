import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import .astro components and astro:content through the Container API.
export default getViteConfig({
  test: {
    // The Container API and the validator need Node, not a DOM.
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
