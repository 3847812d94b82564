/**
 * `npm run validate`: checks content/ against the same schemas the build uses,
 * without building. Prints one line per problem as `path:line:column field: message`
 * and exits 1 if any problem is an error.
 *
 * Usage: node scripts/validate-content.ts [--root <dir>]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, validateContent } from '../src/lib/content-validator.ts';

const { values } = parseArgs({
  options: { root: { type: 'string', default: '.' } },
});

const started = performance.now();
const result = validateContent({ root: resolve(values.root!) });
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;

for (const problem of result.problems) console.log(formatProblem(problem));
const entries = Object.values(result.entries).reduce((n, list) => n + list.length, 0);
const ms = Math.round(performance.now() - started);
console.log(
  `${errors === 0 ? '✓' : '✗'} ${result.filesSeen} files, ${entries} entries: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${ms} ms)`,
);
process.exitCode = errors > 0 ? 1 : 0;
