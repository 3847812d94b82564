/**
 * The bad-content corpus, checked by the validator: every invalid case gets
 * exactly one error, at a line in the case's own file; every accepted case gets
 * none; and no file of any case goes unaccounted for. The build's side of the
 * same corpus is tests/build/bad-content.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, looksLikeContent, validateContent } from '../../src/lib/content-validator.ts';
import { caseFiles, loadCases, makeSite, TODAY } from '../support/bad-content.ts';

// UPDATE_BAD_CONTENT=1 rewrites each expected.txt from the validator's output (after a deliberate message change);
// the rules below (one error per invalid case, none per accepted case) are still checked.
if (process.env.UPDATE_BAD_CONTENT) {
  for (const c of loadCases()) {
    const dir = makeSite([c]);
    const { problems } = validateContent({ root: dir, today: TODAY });
    writeFileSync(join(c.dir, 'expected.txt'), problems.map((p) => `${formatProblem(p)}\n`).join(''));
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases = loadCases();
const invalid = cases.filter((c) => !c.renders);
const accepted = cases.filter((c) => c.renders);
const made: string[] = [];
const site = (...args: Parameters<typeof makeSite>) => {
  const dir = makeSite(...args);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('bad-content corpus', () => {
  it('has at least 100 cases, covering every kind of bad input the issues list', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const kinds = [
      /^yaml-/,
      /^wrong-type-/,
      /^missing-/,
      /^unknown-.*reference|^unknown-role|^unknown-source|^unknown-term/,
      /^duplicate-/,
      /^hours-do-not-sum$/,
      /^future-date$/,
      /^impossible-/,
      /^negative-pay$/,
      /^non-utf8-/,
      /^bom-/,
      /^crlf-/,
      /^empty-file$/,
      /extension$/,
      /^mdx-import$/,
      /^mdx-raw-script$/,
      /^javascript-url-in-source$/,
      /^html-in-frontmatter$/,
      /^long-/,
      /^mdx-expression-/,
      /^mdx-spread-/,
      /^mdx-escaped-backtick$/,
      /^mdx-code-fence-confusion$/,
      /^link-entity-javascript$/,
      /^link-line-break-javascript$/,
      /^link-reference-definition-/,
      /^symlink-dangling$/,
      /^symlink-loop$/,
      /^symlink-to-directory$/,
      /^symlink-outside-repository$/,
      /^fifo-/,
      /^yaml-alias-bomb$/,
      /^progresses-to-cycle$/,
      /^control-character-in-title$/,
      /^mdx-html-comment$/,
      /^mdx-less-than-/,
      /^mdx-brace-expression$/,
      /^mdx-double-brace-macro$/,
      /^mdx-export-wrapped-line$/,
      /^mdx-commented-out-cite$/,
      /^raw-html-/,
      // What an editor pastes from a Markdown article written for another site (issue 15).
      /^raw-html-details$/,
      /^raw-html-img-unclosed$/,
      /^raw-html-link$/,
      /^mdx-heading-id$/,
      /^mdx-math-braces$/,
      /^mdx-footnotes$/,
      /^mdx-definition-list-mdn$/,
      /^mdx-github-alert$/,
      /^mdx-indented-code$/,
      /^mdx-emoji-shortcode$/,
      // #fragments must name an id the target page has (issue 11, item 2).
      /^fragment-missing-heading-other-page$/,
      /^fragment-missing-same-page$/,
      /^fragment-missing-template-section$/,
      /^fragments-allowed$/,
      /^mdx-code-fence-languages$/,
      /^mdx-html-entities$/,
      /^image-in-page-folder$/,
      /^image-missing-alt$/,
      /^image-file-missing$/,
      /^image-svg$/,
      /^image-remote$/,
      /^image-path-traversal$/,
      /^image-too-many-bytes$/,
      /^image-too-many-pixels$/,
      /^image-beside-entry$/,
    ];
    for (const kind of kinds)
      expect(
        cases.map((c) => c.name).some((n) => kind.test(n)),
        String(kind),
      ).toBe(true);
  });

  for (const c of invalid) {
    it(`${c.name}: one precise error, in the case's own file`, () => {
      expect(c.errors, 'expected.txt must hold exactly one error').toHaveLength(1);
      const { problems } = validateContent({ root: site([c]), today: TODAY });
      expect(problems.map(formatProblem)).toEqual(c.expected);
      const errors = problems.filter((p) => p.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(caseFiles(c)).toContain(errors[0]!.file);
      expect(errors[0]!.line).toBeGreaterThanOrEqual(1);
    });
  }

  for (const c of accepted) {
    it(`${c.name}: accepted without a problem`, () => {
      expect(c.errors).toEqual([]);
      const { problems } = validateContent({ root: site([c]), today: TODAY });
      expect(problems.map(formatProblem)).toEqual(c.expected);
    });
  }

  it('reports the same errors when every invalid case is in one site (as the build test sees them)', () => {
    const { problems } = validateContent({ root: site(invalid), today: TODAY });
    const union = invalid.flatMap((c) => c.expected).sort();
    expect(problems.map(formatProblem).sort()).toEqual(union);
  });

  it('accounts for every file of every case: loaded as an entry, shown as an image, reported, or tooling that is not content', () => {
    const all = site(cases);
    const result = validateContent({ root: all, today: TODAY });
    // An image is checked at the line that shows it, so a page's image is accounted for by the page.
    const loaded = new Set([...Object.values(result.entries).flat(), ...result.images]);
    const reported = new Set(result.problems.map((p) => p.file));
    const errored = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    for (const c of cases) {
      for (const file of caseFiles(c)) {
        const name = basename(file);
        if (name.startsWith('.') && !looksLikeContent(name)) {
          expect(loaded.has(file) || reported.has(file), `${file} is tooling and should be left alone`).toBe(false);
          continue;
        }
        expect(loaded.has(file) || reported.has(file), `${c.name}: ${file} is neither loaded nor reported`).toBe(true);
        // An invalid case's file must be reported as an error even when it is also loaded; otherwise it would build as if fine.
        // In a case of several files (a page and the draft it links to, two roles in a loop) the one problem is
        // reported once, at one of them; the others are there to be linked to.
        if (!c.renders && caseFiles(c).length === 1) expect(errored.has(file), `${c.name}: ${file} has no error`).toBe(true);
      }
      if (!c.renders)
        expect(
          caseFiles(c).some((f) => errored.has(f)),
          `${c.name}: no file has an error`,
        ).toBe(true);
    }
  });
});
