/**
 * Nothing under content/ is lost: after `npm run build`, every file is either
 * an entry whose page (or anchor on a shared page) is in dist/ and shows the
 * entry's title, or a file the validator reports. The only other outcomes are
 * named here explicitly: drafts (never published, by design) and tooling
 * dotfiles such as .gitkeep.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { looksLikeContent, validateContent } from '../../src/lib/content-validator.ts';
import { ids, parseHtml } from '../../src/lib/html.ts';
import { entryUrl } from '../../src/lib/routes.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/common.ts';
import { idFromFileName } from '../../src/schemas/collections.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text a reader would look for on the entry's page: its title, term or occupation. */
function headline(collection: CollectionName, file: string): { text: string; draft: boolean } {
  const raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const data = (file.endsWith('.json') ? JSON.parse(raw) : load(file.endsWith('.mdx') ? raw.split(/^---\s*$/m)[1]! : raw)) as Record<
    string,
    unknown
  >;
  const draft = data.draft === true;
  if (collection === 'glossary') return { text: String(data.term), draft };
  if (collection === 'frameworks') {
    const handbook = data.handbook as { title?: string } | undefined;
    return { text: handbook?.title ?? String((data.occupation as { title: string }).title), draft };
  }
  return { text: String(data.title), draft };
}

/** As Astro escapes text content. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('nothing under content/ is lost', () => {
  const files = allFiles(join(ROOT, 'content')).map((f) => relative(ROOT, f).split(sep).join('/'));
  const { entries, problems } = validateContent({ root: ROOT });
  const reported = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const collectionOf = new Map<string, CollectionName>();
  for (const c of COLLECTIONS) for (const rel of entries[c]) collectionOf.set(rel, c);

  it('finds content to account for (run `npm run build` first)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
  });

  it.each(files.map((f) => [f]))('%s is published, or reported', (rel) => {
    const name = basename(rel);
    if (name.startsWith('.') && !looksLikeContent(name)) return; // tooling, e.g. .gitkeep
    if (reported.has(rel)) return;
    const collection = collectionOf.get(rel);
    expect(collection, `${rel} is neither loaded by a collection nor reported by the validator`).toBeDefined();
    const { text, draft } = headline(collection!, join(ROOT, rel));
    if (draft) return;
    const [path, fragment] = entryUrl(collection!, idFromFileName(name)).split('#') as [string, string | undefined];
    const page = join(DIST, path, 'index.html');
    expect(existsSync(page), `${rel} should be published at ${path}`).toBe(true);
    const html = readFileSync(page, 'utf8');
    if (fragment) expect(ids(parseHtml(html)), `${path} has no anchor #${fragment} for ${rel}`).toContain(fragment);
    expect(html, `${path} does not show "${text}" from ${rel}`).toContain(escapeHtml(text));
  });
});
