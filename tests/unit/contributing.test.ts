/**
 * CONTRIBUTING.md is what a new editor follows alone, so its examples must be
 * right: every example marked with a file name (```mdx title="content/…"```)
 * is written into a copy of the real content and must validate with no errors
 * and no warnings; every other ```mdx example (a piece of page text) must
 * validate as the text of a guide; and every command it mentions must exist.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownToMdast } from 'satteri';
import { formatProblem, validateContent } from '../../src/lib/content-validator.ts';
import { WARNING_RULES } from '../../src/lib/content-warnings.ts';
import { bodyFacts, parseBody, walk, type MdxNode } from '../../src/lib/mdx-tree.ts';
import { parseSource } from '../../src/lib/validate/parse-source.ts';
import { SCAFFOLD_TYPES } from '../../src/lib/scaffold.ts';
import { MAX_IMAGE_BYTES } from '../../src/lib/validate/image-files.ts';
import { MAX_IMAGE_SIDE } from '../../src/lib/validate/images.ts';
import { COLLECTION_DEFS } from '../../src/schemas/collections.ts';

const ROOT = join(import.meta.dirname, '../..');
const guide = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
const examples = [...guide.matchAll(/^```\w+ title="(content\/[^"]+)"\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1]!, text: m[2]! }));
const made: string[] = [];

// The guide read as Markdown, with the parser the site uses: code blocks with their language and title, inline code.
const tree = markdownToMdast(guide, { features: { gfm: true, frontmatter: false } }) as unknown as MdxNode & {
  lang?: string;
  meta?: string;
};
const blocks: { lang?: string; meta?: string; value: string }[] = [];
const inlineCode = new Set<string>();
walk(tree, (node) => {
  const n = node as MdxNode & { lang?: string | null; meta?: string | null };
  if (n.type === 'code') blocks.push({ lang: n.lang ?? undefined, meta: n.meta ?? undefined, value: n.value ?? '' });
  if (n.type === 'inlineCode') inlineCode.add(n.value ?? '');
});
/** Pieces of page text: ```mdx blocks with no file name. */
const snippets = blocks.filter((b) => b.lang === 'mdx' && !b.meta?.includes('title='));
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('CONTRIBUTING.md', () => {
  it('has a complete example for every kind of entry npm run new creates', () => {
    const folders = new Set(examples.map((e) => e.file.split('/')[1]));
    for (const collection of Object.values(SCAFFOLD_TYPES)) expect(folders).toContain(COLLECTION_DEFS[collection].dir);
  });

  it('has examples that validate against the real content with no errors and no warnings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'contributing-'));
    made.push(root);
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    for (const { file, text } of examples) writeFileSync(join(root, file), text);
    // An example that shows an image gets a real one, of the format its name says, where its address points.
    const shown = examples.flatMap(({ file, text }) => {
      const parsed = parseSource(text, '.mdx');
      const urls: string[] = [];
      if (parsed.ok && parsed.parsed.tree) walk(parsed.parsed.tree, (n) => void (n.type === 'image' && urls.push(n.url!)));
      return urls.map((url) => join(root, dirname(file), url));
    });
    expect(shown.length, 'the Images section has an example').toBeGreaterThan(0);
    for (const path of shown) {
      mkdirSync(dirname(path), { recursive: true });
      const format = ({ '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.webp': 'webp', '.avif': 'avif' } as const)[extname(path)]!;
      await sharp({ create: { width: 800, height: 450, channels: 3, background: '#808080' } })
        .toFormat(format)
        .toFile(path);
    }
    const { problems } = validateContent({ root, today: new Date('2026-11-22T00:00:00Z') });
    const inExamples = problems.filter((p) => examples.some((e) => e.file === p.file));
    expect(inExamples.map(formatProblem)).toEqual([]);
  });

  it('has page-text examples that validate as the text of a guide', () => {
    // Special characters, tables (Markdown and <Table>), a footnote, a code block, a callout, a silenced warning, a disagreement.
    expect(snippets.length).toBeGreaterThanOrEqual(8);
    const root = mkdtempSync(join(tmpdir(), 'contributing-snippets-'));
    made.push(root);
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const files = snippets.map((snippet, i) => {
      const parsed = parseBody(snippet.value);
      if (!parsed.ok) throw new Error(`example ${i + 1} does not parse: ${parsed.message}\n${snippet.value}`);
      const cited = bodyFacts(parsed.tree).cites;
      const file = `content/guides/contributing-example-${i + 1}.mdx`;
      const frontmatter = [
        '---',
        `title: Example ${i + 1} from CONTRIBUTING.md`,
        'description: A piece of page text from the contributor guide, checked as the text of a guide would be.',
        'published: 2026-11-22',
        'updated: 2026-11-22',
        `sources: [${(cited.length ? cited : ['bls-ooh-2025']).join(', ')}]`,
        '---',
        '',
      ];
      writeFileSync(join(root, file), `${frontmatter.join('\n')}${snippet.value}`);
      return file;
    });
    const { problems } = validateContent({ root, today: new Date('2026-11-22T00:00:00Z') });
    // An example about code or special characters need not cite anything; every other warning and error is a mistake.
    const inExamples = problems.filter((p) => files.includes(p.file) && p.rule !== 'no-citations');
    expect(inExamples.map(formatProblem)).toEqual([]);
  });

  it('names every warning a validate-ignore comment can silence', () => {
    for (const rule of WARNING_RULES) expect(inlineCode, rule).toContain(rule);
  });

  it('states the image limits the validator enforces', () => {
    const images = guide.slice(guide.indexOf('### Images'));
    expect(images).toContain(`at most ${MAX_IMAGE_BYTES.toLocaleString('en')} bytes and ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels`);
  });

  it('mentions only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
    const used = new Set([...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((s) => !scripts.includes(s))).toEqual([]);
  });
});
