/**
 * What editors rely on in the built site: every page links to its source on
 * the repository host and says when it was last updated; the field reference
 * lists every field; the component page shows each component's highlighted
 * source beside its rendered output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialize } from 'parse5';
import { attr, byTag, ids, parseHtml, textOf, type HtmlDocument, type HtmlElement } from '../../src/lib/html.ts';
import { schemaReference } from '../../src/lib/schema-reference.ts';
import { REPO_URL } from '../../src/lib/site.ts';
import { COLLECTION_DEFS, CONTENT_DIR } from '../../src/schemas/collections.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
// Scoped styles mark elements with data-astro-cid-… attributes; they are noise for these checks.
const html = (url: string) => readFileSync(join(DIST, url, 'index.html'), 'utf8').replace(/ data-astro-cid-[a-z0-9]+/g, '');

/** The page's `<section aria-labelledby="id">`: the part of /contribute/ pages about one collection or component. */
function section(doc: HtmlDocument, id: string): HtmlElement {
  const found = byTag(doc, 'section').find((s) => attr(s, 'aria-labelledby') === id);
  if (!found) throw new Error(`no <section aria-labelledby="${id}">`);
  return found;
}

/** The date of the page's "Last updated <time>", read from the element that says it. */
function lastUpdated(doc: HtmlDocument): string | undefined {
  const time = byTag(doc, 'time').find((t) => t.parentNode && textOf(t.parentNode).trim().startsWith('Last updated'));
  return time && attr(time, 'datetime');
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [relative(DIST, dir)] : [],
  );
}
const all = existsSync(DIST) ? pages(DIST) : [];
// Both checks below read every page; each is parsed once.
const parsedPages = new Map<string, HtmlDocument>();
const parsedPage = (url: string) => parsedPages.get(url) ?? parsedPages.set(url, parseHtml(html(url))).get(url)!;
const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: ROOT, encoding: 'utf8' }).trim() === 'true';

describe('page furniture', () => {
  it.each(all.map((p) => [`/${p}${p ? '/' : ''}`]))('%s links to its source file on the repository host', (url) => {
    const edit = byTag(parsedPage(url), 'a').find(
      (a) => attr(a, 'rel') === 'external' && ['Edit this page', 'Edit these entries'].includes(textOf(a)),
    );
    expect(edit, 'no "Edit this page" link').toBeDefined();
    const href = attr(edit!, 'href') ?? '';
    expect(href.startsWith(`${REPO_URL}/`)).toBe(true);
    // The path after /edit/main/ or /tree/main/ exists in the repository.
    const path = href.replace(/^.*?\/(?:edit|tree)\/main\//, '');
    expect(existsSync(join(ROOT, path)), `${path} does not exist`).toBe(true);
  });

  it.each(all.map((p) => [`/${p}${p ? '/' : ''}`]))(
    '%s shows "Last updated" (content pages always; others unless the clone is shallow)',
    (url) => {
      const doc = parsedPage(url);
      const isContent = byTag(doc, 'span').some((s) => attr(s, 'class') === 'edit-source' && textOf(s).trim().startsWith('(content/'));
      if (shallow && !isContent) return;
      expect(lastUpdated(doc)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('takes a content page\'s "Last updated" from git, not from the frontmatter', () => {
    const file = `${CONTENT_DIR}/roles/sound-engineer.mdx`;
    const day = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (shallow || !day) return;
    expect(lastUpdated(parseHtml(html('/roles/sound-engineer/')))).toBe(day);
  });
});

describe('/contribute/schema/', () => {
  const page = existsSync(DIST) ? parseHtml(html('/contribute/schema/')) : undefined;
  it.each(COLLECTIONS.map((c) => [c]))('lists every field of %s with its doc comment', (collection) => {
    const part = section(page!, collection);
    // A path's text is the same with or without the <wbr> break opportunities it carries after each dot and [].
    const codes = byTag(part, 'code').map((c) => textOf(c));
    const text = textOf(part).replace(/\s+/g, ' ');
    for (const row of schemaReference(collection)) {
      expect(codes, row.path).toContain(row.path);
      expect(text, row.path).toContain(row.doc!.replace(/\s+/g, ' '));
    }
    expect(codes.join(' ')).toContain(`content/${COLLECTION_DEFS[collection].dir}/`);
  });
});

describe('/contribute/components/', () => {
  const raw = existsSync(DIST) ? html('/contribute/components/') : '';
  const page = parseHtml(raw);
  /** The component's section, written back out as HTML, so the rendered result can be compared with what components write. */
  const part = (name: string) => serialize(section(page, name.toLowerCase()));

  it.each([
    ['Cite', /<span class="cite"><a href="#note-bls-ooh-2025">/],
    ['Term', /<a class="term" href="\/glossary\/#gain-staging">gain staging<\/a>/],
    ['Callout', /<aside class="callout callout-tip"/],
    ['SourcesDisagree', /<div class="disagreement">/],
    ['HoursChart', /<figure class="chart">[\s\S]*<svg/],
    ['ComparisonTable', /<table class="comparison">/],
  ])('shows <%s> as Shiki-highlighted source next to its rendered result', (name, rendered) => {
    const doc = section(page, name.toLowerCase());
    const code = byTag(doc, 'pre').filter((pre) => (attr(pre, 'class') ?? '').split(' ').includes('astro-code'));
    expect(code.length).toBeGreaterThan(0);
    expect(code.map(textOf).join('\n')).toContain(`<${name}`);
    expect(part(name)).toMatch(rendered);
  });

  it('numbers the notes of every example in one list at the end', () => {
    const heading = byTag(page, 'h2').find((h) => attr(h, 'id') === 'page-sources');
    expect(heading && textOf(heading)).toBe('Sources for this page');
    for (const id of ['bls-ooh-2025', 'iadt-2013', 'assistant-engineer-profile', 'first-institute-blog'])
      expect(ids(page)).toContain(`note-${id}`);
  });
});
