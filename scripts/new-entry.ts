/**
 * `npm run new -- <type> "<title>"`: creates a new entry from a template and
 * lists what is left to write. Types: role, comparison, guide, program, term
 * (a glossary term) and source. Never overwrites a file.
 *
 * Pages that cite name their source (`--source <id>`); a comparison may name its two roles (`--roles a,b`).
 *
 * Usage: node scripts/new-entry.ts <type> "<title>" [--source <id>] [--roles <id>,<id>] [--root <dir>] [--today YYYY-MM-DD]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffold, ScaffoldError, scaffoldType, SCAFFOLD_TYPES } from '../src/lib/scaffold.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    roles: { type: 'string' },
    root: { type: 'string', default: '.' },
    today: { type: 'string' },
  },
});

const types = Object.keys(SCAFFOLD_TYPES).join(', ');
const usage = (problem: string) => {
  console.error(`${problem}\nUsage: npm run new -- <type> "<title>" [--source <source-id>] [--roles <role-id>,<role-id>]\nTypes: ${types}`);
  process.exit(2);
};

const [typeWord, ...titleWords] = positionals;
if (!typeWord) usage('Say what to create and its title, e.g. npm run new -- role "Live sound engineer".');
const type = scaffoldType(typeWord!);
if (!type) usage(`"${typeWord}" is not a type of entry; use one of: ${types}`);
// Unquoted titles arrive as several words; join them rather than refuse.
const title = titleWords.join(' ');
if (!title.trim()) usage(`Give the ${type} a title, in quotes: npm run new -- ${type} "The title"`);
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) usage(`--today must be written as YYYY-MM-DD`);

try {
  const created = scaffold({
    root: resolve(values.root!),
    type: type!,
    title,
    today: values.today ?? new Date().toISOString().slice(0, 10),
    source: values.source,
    roles: values.roles?.split(',').map((r) => r.trim()),
  });
  console.log(`Created ${created.file} (id: ${created.id}).`);
  console.log('Still to fill in:');
  for (const item of created.todo) console.log(`  - ${item}`);
  console.log('Every TODO shows as a warning in `npm run validate` until you replace it. Field reference: /contribute/schema/.');
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(`Not created: ${error.message}`);
  process.exitCode = 1;
}
