/**
 * `npm run validate` and the build agree on every MDX file of the bad-content
 * corpus. Each body is compiled in-process by the compiler `astro build` uses
 * for .mdx (Sätteri's mdxToJs, with @astrojs/mdx's frontmatter handling and
 * parser features), and:
 * - wherever the compiler rejects a file, the validator reports an error at the
 *   same file, line and column;
 * - wherever the validator accepts a file, the compiler compiles it.
 * The validator refuses more than the compiler (expressions, raw HTML, unsafe
 * links), which is the safe subset; it never accepts less.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToJs } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content-validator.ts';
import { MDX_FEATURES } from '../../src/lib/mdx-tree.ts';
import { caseFiles, loadCases, makeSite, specials, TODAY } from '../support/bad-content.ts';

const cases = loadCases();
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What the build's compiler says about a file: undefined when it compiles, else `line:column`. */
function compile(text: string): string | undefined {
  let content: string;
  try {
    content = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content;
  } catch {
    return 'frontmatter';
  }
  try {
    mdxToJs(content, { features: { ...MDX_FEATURES, frontmatter: true }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    return undefined;
  } catch (error) {
    const at = /^(\d+):(\d+):/.exec((error as Error).message);
    return at ? `${at[1]}:${at[2]}` : 'unplaced';
  }
}

describe('the validator and the MDX compiler agree on the corpus', () => {
  const mdxCases = cases.filter((c) => caseFiles(c).some((f) => f.endsWith('.mdx')));

  it('covers the cases the compiler rejects and the ones it accepts', () => {
    expect(mdxCases.length).toBeGreaterThan(50);
    const verdicts = mdxCases.flatMap((c) =>
      caseFiles(c)
        .filter((f) => f.endsWith('.mdx') && !specials(c).some((s) => s.path === f))
        .map((f) => compile(readFileSync(join(c.dir, f), 'utf8'))),
    );
    // HTML comments, x<5, unclosed braces and tags, autolinks: the compiler itself refuses at least these.
    expect(verdicts.filter((v) => v !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(verdicts.filter((v) => v === undefined).length).toBeGreaterThanOrEqual(20);
  });

  for (const c of mdxCases) {
    it(c.name, () => {
      const site = makeSite([c]);
      made.push(site);
      const { problems } = validateContent({ root: site, today: TODAY });
      const links = new Set(specials(c).map((s) => s.path));
      for (const file of caseFiles(c).filter((f) => f.endsWith('.mdx') && !links.has(f))) {
        const errors = problems.filter((p) => p.file === file && p.severity === 'error');
        const verdict = compile(readFileSync(join(site, file), 'utf8'));
        if (verdict === undefined) continue;
        // The compiler refuses the file: the validator must too, at the same place when the compiler names one.
        expect(errors.length, `${file}: the compiler rejects it at ${verdict}, the validator accepts it`).toBeGreaterThan(0);
        if (/^\d+:\d+$/.test(verdict)) expect(errors.map((p) => `${p.line}:${p.column}`)).toContain(verdict);
      }
      if (c.renders) {
        for (const file of caseFiles(c).filter((f) => f.endsWith('.mdx')))
          expect(compile(readFileSync(join(site, file), 'utf8')), `${file} is accepted, so it must compile`).toBeUndefined();
      }
    });
  }
});
