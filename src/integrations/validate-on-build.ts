/**
 * Runs the content validator at the start of `astro build`, so a build fails
 * with the same file:line messages as `npm run validate` for problems the
 * schemas alone cannot see (stray files, MDX imports, broken links). In dev
 * and build alike, mdx-guard holds every MDX body to the safe subset before the
 * compiler sees it.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../lib/content-validator.ts';
import { mdxGuard } from './mdx-guard.ts';
import { validateForBuild } from './validated-content.ts';

export function validateOnBuild(): AstroIntegration {
  return {
    name: 'handbook:validate-on-build',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        updateConfig({ vite: { plugins: [mdxGuard(fileURLToPath(new URL('content/', config.root)))] } });
        if (command !== 'build') return;
        const { problems } = validateForBuild(fileURLToPath(config.root));
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) return;
        for (const problem of errors) logger.error(formatProblem(problem));
        throw new Error(`Content has ${errors.length} error(s); run \`npm run validate\` for the full list.`);
      },
    },
  };
}
