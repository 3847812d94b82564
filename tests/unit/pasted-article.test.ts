/**
 * A real article pasted as it is (issue 15): an excerpt of MDN's Markdown,
 * with its macros, HTML comment, HTML table, MDN definition lists and
 * site-relative links, put into a guide unchanged. An editor runs
 * `npm run validate`, fixes what it reports and runs it again; every problem
 * on the way must come with its line and a fix in plain words, never the MDX
 * parser's own message. The converted article beside it (the corpus case
 * pasted-article-web-audio) must validate, compile and build.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, validateContent, type Problem } from '../../src/lib/content-validator.ts';
import { CORPUS, makeSite, TODAY } from '../support/bad-content.ts';

const CASE = join(CORPUS, 'pasted-article-web-audio');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The MDN article's own frontmatter replaced by a guide's, its Markdown kept as pasted. */
function pasted(): string {
  const original = readFileSync(join(CASE, 'original-paste.txt'), 'utf8');
  const body = original.slice(original.indexOf('\n---\n', 4) + 5);
  return [
    '---',
    'title: Basic concepts behind Web Audio API',
    'description: An article pasted from MDN as it is, before any of the changes CONTRIBUTING.md asks for.',
    'published: 2026-11-22',
    'updated: 2026-11-22',
    'sources: [handbook-source]',
    '---',
    body,
  ].join('\n');
}

/** Words that only the parser uses: a message holding them was not put into plain words. */
const PARSER_WORDS = /mdx-jsx:|micromark|oxc|acorn|MDX cannot read this|Unexpected (?:token|character)/i;

describe('an article pasted from MDN as it is', () => {
  it('gets a plain, placed message for each problem until none is left', () => {
    const site = makeSite([]);
    made.push(site);
    const file = 'content/guides/pasted.mdx';
    let text = pasted();
    const seen: Problem[] = [];
    // The editor's loop: run the check, deal with the first error (here: delete its line), run it again.
    for (let round = 0; round < 200; round++) {
      writeFileSync(join(site, file), text);
      const errors = validateContent({ root: site, today: TODAY }).problems.filter((p) => p.file === file && p.severity === 'error');
      if (errors.length === 0) break;
      const first = errors[0]!;
      seen.push(first);
      expect(first.message, formatProblem(first)).not.toMatch(PARSER_WORDS);
      const lines = text.split('\n');
      expect(first.line, formatProblem(first)).toBeGreaterThan(7);
      lines.splice(first.line - 1, 1);
      text = lines.join('\n');
    }
    const messages = seen.map((p) => p.message);
    // What the article holds: {{macros}}, an HTML comment, an HTML table, links to MDN's own pages.
    expect(messages.some((m) => m.startsWith('{{…}} is a macro'))).toBe(true);
    expect(messages.some((m) => m.startsWith('HTML comments <!-- … --> do not work in MDX'))).toBe(true);
    expect(messages.some((m) => m.startsWith('raw HTML (<table>)'))).toBe(true);
    expect(messages.some((m) => /\/en-US\/docs\/.* goes nowhere/.test(m))).toBe(true);
  });

  it('warns, once the macros are gone, about the MDN definition lists that would show as ": …"', () => {
    const site = makeSite([]);
    made.push(site);
    const text = pasted();
    const head = text.slice(0, text.indexOf('\n---\n', 4) + 5);
    const section = text.slice(text.indexOf('## Visualizations'), text.indexOf('> **Note:** For more'));
    const written = `${head}\n${section.replace(/\{\{[^}]*\}\}/g, 'the method')}`;
    writeFileSync(join(site, 'content/guides/pasted.mdx'), written);
    const expected = written.split('\n').flatMap((line, i) => (line.startsWith('  - : ') ? [i + 1] : []));
    expect(expected).toHaveLength(2);
    const warnings = validateContent({ root: site, today: TODAY }).problems.filter((p) => p.rule === 'definition-list');
    expect(warnings.map((w) => w.line)).toEqual(expected);
  });
});
