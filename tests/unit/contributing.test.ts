/**
 * CONTRIBUTING.md is what a new editor follows alone, so its examples must be
 * right: every example marked with a file name (```mdx title="content/…"```)
 * is written into a copy of the real content and must validate with no errors
 * and no warnings, and every command it mentions must exist.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, validateContent } from '../../src/lib/content-validator.ts';
import { SCAFFOLD_TYPES } from '../../src/lib/scaffold.ts';
import { COLLECTION_DEFS } from '../../src/schemas/collections.ts';

const ROOT = join(import.meta.dirname, '../..');
const guide = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
const examples = [...guide.matchAll(/^```\w+ title="(content\/[^"]+)"\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1]!, text: m[2]! }));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('CONTRIBUTING.md', () => {
  it('has a complete example for every kind of entry npm run new creates', () => {
    const folders = new Set(examples.map((e) => e.file.split('/')[1]));
    for (const collection of Object.values(SCAFFOLD_TYPES)) expect(folders).toContain(COLLECTION_DEFS[collection].dir);
  });

  it('has examples that validate against the real content with no errors and no warnings', () => {
    const root = mkdtempSync(join(tmpdir(), 'contributing-'));
    made.push(root);
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    for (const { file, text } of examples) writeFileSync(join(root, file), text);
    const { problems } = validateContent({ root, today: new Date('2026-11-22T00:00:00Z') });
    const inExamples = problems.filter((p) => examples.some((e) => e.file === p.file));
    expect(inExamples.map(formatProblem)).toEqual([]);
  });

  it('mentions only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
    const used = new Set([...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((s) => !scripts.includes(s))).toEqual([]);
  });
});
