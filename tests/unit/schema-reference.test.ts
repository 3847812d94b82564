/**
 * The schema reference and the editor schemas are generated from the zod
 * schemas and their doc comments; these tests keep both honest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorSchemaFile, editorSchemaFiles, schemaReference, SchemaDocs } from '../../src/lib/schema-reference.ts';
import { COLLECTION_DEFS, CONTENT_DIR } from '../../src/schemas/collections.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';
import { CAREER_STAGES } from '../../src/schemas/role.ts';

const ROOT = join(import.meta.dirname, '../..');
const docs = new SchemaDocs(join(ROOT, 'src/schemas'));
const row = (collection: (typeof COLLECTIONS)[number], path: string) => schemaReference(collection, docs).find((r) => r.path === path);

describe('schema reference', () => {
  it.each(COLLECTIONS.map((c) => [c]))('every field of %s has a one-line doc comment', (collection) => {
    const rows = schemaReference(collection, docs);
    expect(rows.length).toBeGreaterThan(0);
    const missing = rows.filter((r) => !r.doc).map((r) => r.path);
    expect(missing, 'add a /** one-line comment */ above these fields in src/schemas/').toEqual([]);
    const multiLine = rows.filter((r) => r.doc!.includes('\n')).map((r) => r.path);
    expect(multiLine, 'keep field comments to one line').toEqual([]);
  });

  it('reads comments through shared helpers (pageFields, cited, payFigure)', () => {
    expect(row('roles', 'description')?.doc).toBe('One sentence for search results and link previews, 50–160 characters.');
    expect(row('roles', 'responsibilities[].text')?.doc).toBe("The statement, in the handbook's own words.");
    expect(row('roles', 'pay[].amount')?.doc).toBe('The amount in whole currency units, e.g. 66430.');
    expect(row('comparisons', 'dimensions[].values[].text')?.doc).toBe('What is true of this role on this dimension.');
  });

  it('takes types, required, allowed values and defaults from the JSON Schema', () => {
    expect(row('roles', 'careerStage')).toMatchObject({ type: 'one of a list', required: true, allowed: [...CAREER_STAGES] });
    expect(row('roles', 'draft')).toMatchObject({ type: 'true or false', required: false, default: false });
    expect(row('roles', 'description')?.limits).toEqual(['50–160 characters']);
    expect(row('programs', 'hours.components[].hours')).toMatchObject({
      type: 'whole number',
      required: true,
      limits: ['more than 0', 'at most 20000'],
    });
    expect(row('comparisons', 'roles')).toMatchObject({ type: 'list of 2 ids', limits: ['exactly 2 items'] });
  });
});

describe('editor schemas (npm run schemas)', () => {
  it('are committed and up to date', () => {
    for (const [path, text] of editorSchemaFiles()) {
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale; run npm run schemas`).toBe(text);
    }
  });

  it('accept every real content file, so editors see no false errors', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const collection of COLLECTIONS) {
      const def = COLLECTION_DEFS[collection];
      const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, editorSchemaFile(collection)), 'utf8')));
      const dir = join(ROOT, CONTENT_DIR, def.dir);
      for (const name of readdirSync(dir).filter((n) => n.endsWith(def.extension))) {
        const text = readFileSync(join(dir, name), 'utf8');
        const data =
          def.extension === '.mdx' ? parse(text.split(/^---$/m)[1]!) : def.extension === '.json' ? JSON.parse(text) : parse(text);
        expect(validate(data) ? [] : validate.errors, `${def.dir}/${name}`).toEqual([]);
      }
    }
  });

  it('are mapped in .vscode/settings.json for the YAML and JSON collections', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8'));
    for (const collection of COLLECTIONS) {
      const def = COLLECTION_DEFS[collection];
      if (def.extension === '.yaml')
        expect(settings['yaml.schemas'][`./${editorSchemaFile(collection)}`]).toBe(`content/${def.dir}/*.yaml`);
      if (def.extension === '.json') {
        expect(settings['json.schemas']).toContainEqual({
          fileMatch: [`/content/${def.dir}/*.json`],
          url: `./${editorSchemaFile(collection)}`,
        });
      }
    }
  });
});
