// @ts-check
// ESLint for the code (content is checked by `npm run validate` and cspell): TypeScript through
// typescript-eslint, .astro components through eslint-plugin-astro. Run with `npm run lint`.
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'coverage/', 'test-results/', 'tests/fixtures/', 'bench/results/'] },
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    rules: {
      // `_`-prefixed names mark values that are unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports keep Node's type stripping and Vite from loading modules for their types.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The search loader is hand-minified to stay under its 2 KB budget, so it uses `a && b()` for control flow.
    files: ['src/components/search/SearchLoader.astro', 'src/components/search/SearchLoader.astro/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
