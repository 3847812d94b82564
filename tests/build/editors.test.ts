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
import { attr, byTag, parseHtml, textOf } from '../../src/lib/html.ts';
import { schemaReference } from '../../src/lib/schema-reference.ts';
import { REPO_URL } from '../../src/lib/site.ts';
import { COLLECTION_DEFS, CONTENT_DIR } from '../../src/schemas/collections.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
// Scoped styles mark elements with data-astro-cid-… attributes; they are noise for these checks.
const html = (url: string) => readFileSync(join(DIST, url, 'index.html'), 'utf8').replace(/ data-astro-cid-[a-z0-9]+/g, '');

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [relative(DIST, dir)] : [],
  );
}
const all = existsSync(DIST) ? pages(DIST) : [];
const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: ROOT, encoding: 'utf8' }).trim() === 'true';

describe('page furniture', () => {
  it.each(all.map((p) => [`/${p}${p ? '/' : ''}`]))('%s links to its source file on the repository host', (url) => {
    const edit = byTag(parseHtml(html(url)), 'a').find(
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
      const isContent = /Edit (this page|these entries)<\/a> <span class="edit-source">\(<code>content\//.test(html(url));
      if (shallow && !isContent) return;
      expect(html(url)).toMatch(/Last updated <time datetime="\d{4}-\d{2}-\d{2}">/);
    },
  );

  it('takes a content page\'s "Last updated" from git, not from the frontmatter', () => {
    const file = `${CONTENT_DIR}/roles/sound-engineer.mdx`;
    const day = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (shallow || !day) return;
    expect(html('/roles/sound-engineer/')).toContain(`Last updated <time datetime="${day}">`);
  });
});

describe('/contribute/schema/', () => {
  // Paths carry <wbr> break opportunities after each dot and [].
  const page = existsSync(DIST) ? html('/contribute/schema/').replaceAll('<wbr>', '') : '';
  it.each(COLLECTIONS.map((c) => [c]))('lists every field of %s with its doc comment', (collection) => {
    const section = page.slice(page.indexOf(`<h2 id="${collection}">`));
    for (const row of schemaReference(collection)) {
      expect(section, row.path).toContain(`<code>${row.path}</code>`);
      expect(section, row.path).toContain(escapeHtml(row.doc!));
    }
    expect(section).toContain(`content/${COLLECTION_DEFS[collection].dir}/`);
  });
});

describe('/contribute/components/', () => {
  const page = existsSync(DIST) ? html('/contribute/components/') : '';
  const section = (name: string) => page.slice(page.indexOf(`<h2 id="${name.toLowerCase()}">`)).split('<section aria-labelledby=')[0]!;

  it.each([
    ['Cite', /<span class="cite"><a href="#note-bls-ooh-2025">/],
    ['Term', /<a class="term" href="\/glossary\/#gain-staging">gain staging<\/a>/],
    ['Callout', /<aside class="callout callout-tip"/],
    ['SourcesDisagree', /<div class="disagreement">/],
    ['HoursChart', /<figure class="chart">[\s\S]*<svg/],
    ['ComparisonTable', /<table class="comparison">/],
  ])('shows <%s> as Shiki-highlighted source next to its rendered result', (name, rendered) => {
    const part = section(name);
    expect(part).toMatch(/<pre class="astro-code[^"]*"/);
    expect(part).toContain(`&lt;${name}`);
    expect(part).toMatch(rendered);
  });

  it('numbers the notes of every example in one list at the end', () => {
    expect(page).toMatch(/<h2 id="page-sources">Sources for this page<\/h2>/);
    for (const id of ['bls-ooh-2025', 'iadt-2013', 'assistant-engineer-profile', 'first-institute-blog'])
      expect(page).toContain(`id="note-${id}"`);
  });
});
