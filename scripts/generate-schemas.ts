/**
 * `npm run schemas`: writes schemas/<collection>.schema.json, the JSON Schema
 * of each collection with every field's doc comment, for editors' text editors
 * (see CONTRIBUTING.md, "Editor set-up"). A unit test fails when they are stale.
 *
 * Usage: node scripts/generate-schemas.ts [--check]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { editorSchemaFiles } from '../src/lib/schema-reference.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
let stale = 0;
for (const [path, text] of editorSchemaFiles()) {
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale++;
  if (values.check) {
    console.log(`${path} is out of date; run npm run schemas`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
if (stale === 0) console.log('Editor schemas are up to date.');
process.exitCode = values.check && stale > 0 ? 1 : 0;
