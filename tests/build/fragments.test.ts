/**
 * The validator and the built site agree on #fragments. `npm run validate` accepts a link to `/page/#id` only when
 * it predicts the page will have that id (src/lib/validate/fragments.ts); linkinator (links.test.ts) then checks
 * every built link. Here the prediction itself is checked against dist/: every id the validator expects on a page
 * is an element id there, so a link it accepts always lands; and every heading a reader sees on those pages (the
 * component guide's live examples aside) is among the ids it expects, so it never refuses a link to one.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent, type ValidationResult } from '../../src/lib/content-validator.ts';
import { MAIN_ID } from '../../src/lib/page-anchors.ts';
import { pageFile, ROOT } from '../e2e/support/pages.ts';

interface Element {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  content?: Element;
}

/** Every element id on a built page, and the ids of its headings. */
function builtIds(path: string) {
  const ids = new Set<string>();
  const headings = new Set<string>();
  const visit = (node: Element) => {
    const id = node.attrs?.find((a) => a.name === 'id')?.value;
    if (id !== undefined) {
      ids.add(id);
      if (/^h[1-6]$/.test(node.nodeName)) headings.add(id);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(readFileSync(pageFile(path), 'utf8')) as unknown as Element);
  return { ids, headings };
}

/** Ids the layout gives every page's chrome (the "On this page" box), which no content links to. */
const CHROME = new Set(['toc-heading']);

describe('#fragments: the validator and the built site', () => {
  let result: ValidationResult;
  beforeAll(() => {
    result = validateContent({ root: ROOT });
  });

  it("knows the ids of every entry page, the glossary, the sources index, the editors' pages and the career path", () => {
    const paths = [...result.pageIds.keys()];
    expect(paths).toContain('/glossary/');
    expect(paths).toContain('/sources/');
    for (const page of ['/contribute/', '/contribute/components/', '/contribute/schema/', '/career-path/']) expect(paths).toContain(page);
    for (const prefix of ['/roles/', '/guides/', '/programs/', '/compare/', '/competencies/', '/sources/']) {
      expect(paths.filter((p) => p.startsWith(prefix) && p !== prefix).length, prefix).toBeGreaterThan(0);
    }
  });

  it('every id the validator expects on a page is an element id on the built page', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, expected] of result.pageIds) {
      const { ids } = builtIds(path);
      for (const id of expected) {
        checked++;
        if (!ids.has(id)) missing.push(`${path}#${id}`);
      }
    }
    console.log(`fragments: ${checked} ids the validator expects on ${result.pageIds.size} pages checked against dist/`);
    expect(missing).toEqual([]);
  });

  it('every heading id on a page it knows is one the validator expects', () => {
    const unexpected: string[] = [];
    for (const [path, expected] of result.pageIds) {
      // The component guide shows live examples, whose own headings are examples, not sections to link to.
      if (path === '/contribute/components/') continue;
      for (const id of builtIds(path).headings) if (!expected.has(id) && !CHROME.has(id)) unexpected.push(`${path}#${id}`);
    }
    expect(unexpected).toEqual([]);
  });

  it('every page it knows has its main content id, which the skip link targets', () => {
    for (const expected of result.pageIds.values()) expect(expected.has(MAIN_ID)).toBe(true);
  });
});
