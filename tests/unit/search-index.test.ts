/**
 * The search index integration's decisions, mostly without running Pagefind:
 * which records the index must hold, how glossary terms become records, that a
 * missing, mistyped or extra page is reported rather than passed, and that the
 * read-back understands what Pagefind really writes.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateContent, type ValidationResult } from '../../src/lib/content-validator.ts';
import * as pagefind from 'pagefind';
import {
  checkIndex,
  pagefindConfig,
  planSearchIndex,
  readIndex,
  type ExpectedRecord,
  type IndexedRecord,
} from '../../src/integrations/search-index.ts';
import { COLLECTIONS } from '../../src/schemas/common.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

const emptyData = () => Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, unknown>()])) as ValidationResult['data'];

describe('planSearchIndex', () => {
  const { data } = validateContent({ root: ROOT });
  const plan = planSearchIndex(data);

  it('expects every published page-backed entry and every glossary term', () => {
    const published = (c: 'roles' | 'comparisons' | 'guides' | 'programs') =>
      [...(data[c] as Map<string, { draft: boolean }>).values()].filter((e) => !e.draft).length;
    const pages = published('roles') + published('comparisons') + published('guides') + published('programs') + data.frameworks.size;
    expect(plan.expected).toHaveLength(pages + data.glossary.size);
    expect(plan.terms).toHaveLength(data.glossary.size);
    expect(plan.expected).toContainEqual({ url: '/roles/audio-technician/', type: 'Role', file: 'content/roles/audio-technician.mdx' });
    expect(plan.expected).toContainEqual({
      url: '/competencies/sound-engineering-technicians/',
      type: 'Competency',
      file: 'content/frameworks/sound-engineering-technicians.json',
    });
  });

  it('makes each glossary term a record of its own, findable by its aliases', () => {
    const foh = plan.terms.find((t) => t.url === '/glossary/#front-of-house');
    expect(foh).toBeDefined();
    expect(foh!.content).toContain('FOH');
    expect(foh!.meta).toMatchObject({ title: 'Front of house', name: 'Front of house', aliases: 'FOH, FOH mix', type: 'Glossary term' });
    expect(foh!.filters!['type']).toEqual(['Glossary term']);
  });

  it('files a term under the roles whose pages use it', () => {
    const terms = new Map([
      ['gain-staging', { term: 'Gain staging', definition: 'Setting levels at each stage of a signal path.', aliases: [], related: [] }],
    ]);
    const roles = new Map([
      ['audio-technician', { title: 'Audio technician', draft: false, terms: ['gain-staging'] }],
      ['sound-engineer', { title: 'Sound engineer', draft: false, terms: [] }],
      ['secret-role', { title: 'Secret role', draft: true, terms: ['gain-staging'] }],
    ]);
    const result = planSearchIndex({ ...emptyData(), roles, glossary: terms });
    expect(result.terms[0]!.filters!['role']).toEqual(['Audio technician']);
    expect(result.terms[0]!.meta!['role']).toBe('Audio technician');
  });

  it('leaves drafts out, as the production build does', () => {
    const roles = new Map([
      ['published-role', { title: 'Published', draft: false, terms: [] }],
      ['draft-role', { title: 'Draft', draft: true, terms: [] }],
    ]);
    const result = planSearchIndex({ ...emptyData(), roles });
    expect(result.expected.map((e) => e.url)).toEqual(['/roles/published-role/']);
  });
});

describe('checkIndex', () => {
  const expected: ExpectedRecord[] = [
    { url: '/roles/a/', type: 'Role', file: 'content/roles/a.mdx' },
    { url: '/glossary/#b', type: 'Glossary term', file: 'content/glossary/b.yaml' },
  ];
  const record = (url: string, type: string, title = 'T'): IndexedRecord => ({ url, filters: { type: [type] }, meta: { title } });

  it('accepts an index that holds exactly the content pages', () => {
    expect(checkIndex(expected, [record('/roles/a/', 'Role'), record('/glossary/#b', 'Glossary term')], 2)).toEqual([]);
  });

  it('names a missing page and its file', () => {
    const problems = checkIndex(expected, [record('/roles/a/', 'Role')], 1);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/glossary\/b\.yaml: \/glossary\/#b is missing from the search index/);
    expect(problems[1]).toBe('the search index holds 1 pages but there are 2 content pages');
  });

  it('reports a page filed under the wrong type or without a title', () => {
    const problems = checkIndex(expected, [record('/roles/a/', 'Guide'), record('/glossary/#b', 'Glossary term', ' ')], 2);
    expect(problems).toEqual([
      'content/roles/a.mdx: /roles/a/ is filed under type ["Guide"] in the search index; expected ["Role"]',
      'content/glossary/b.yaml: /glossary/#b has no title in the search index; the page needs an <h1>',
    ]);
  });

  it('reports a page that is indexed but is not content', () => {
    const problems = checkIndex(
      expected,
      [record('/roles/a/', 'Role'), record('/glossary/#b', 'Glossary term'), record('/career-path/', 'Role')],
      3,
    );
    expect(problems).toContain('/career-path/ is in the search index but is not a content page; remove data-pagefind-body from it');
  });
});

describe('readIndex', () => {
  const enc = new TextEncoder();
  const fragment = (record: object) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(record)}`));
  const entry = {
    path: 'pagefind-entry.json',
    content: enc.encode(JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'x', wasm: 'en', page_count: 2 } } })),
  };

  it('reads the page count and every record back from what Pagefind would write', () => {
    const files = [
      entry,
      { path: 'fragment/en_1.pf_fragment', content: fragment({ url: '/roles/a/', filters: { type: ['Role'] }, meta: { title: 'A' } }) },
      {
        path: 'fragment/en_2.pf_fragment',
        content: fragment({ url: '/glossary/#b', filters: { type: ['Glossary term'] }, meta: { title: 'B' } }),
      },
      { path: 'pagefind.js', content: enc.encode('') },
    ];
    const { pageCount, records } = readIndex(files);
    expect(pageCount).toBe(2);
    expect(records.map((r) => r.url)).toEqual(['/roles/a/', '/glossary/#b']);
  });

  it('reads records bundled into shared fragments once maxFragments applies', () => {
    const group = fragment({
      en_a1: { url: '/roles/a/', filters: { type: ['Role'] }, meta: { title: 'A' } },
      en_b2: { url: '/guides/b/', filters: { type: ['Guide'] }, meta: { title: 'B' } },
    });
    const files = [
      entry,
      { path: 'fragment/en_group_1.pf_fragment', content: group },
      { path: 'fragment/en_3.pf_fragment', content: fragment({ url: '/glossary/#c', filters: {}, meta: { title: 'C' } }) },
    ];
    expect(readIndex(files).records.map((r) => r.url)).toEqual(['/roles/a/', '/guides/b/', '/glossary/#c']);
  });

  it('reads back every page of a real Pagefind index that bundles its fragments', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: 2 });
    try {
      for (let i = 0; i < 5; i++) {
        const html = `<html><body><article data-pagefind-body><h1>Page ${i}</h1><p>About sound ${i}.</p></article></body></html>`;
        await index!.addHTMLFile({ url: `/p${i}/`, content: html });
      }
      const { files } = await index!.getFiles();
      expect(files.filter((f) => f.path.includes('_group_'))).toHaveLength(2);
      const { pageCount, records } = readIndex(files);
      expect(pageCount).toBe(5);
      expect(records.map((r) => r.url).sort()).toEqual(['/p0/', '/p1/', '/p2/', '/p3/', '/p4/']);
    } finally {
      await pagefind.close();
    }
  });

  it('refuses a group holding anything but records', () => {
    const files = [entry, { path: 'fragment/en_group_1.pf_fragment', content: fragment({ en_a1: { title: 'no url' } }) }];
    expect(() => readIndex(files)).toThrow(/Cannot read the Pagefind fragment fragment\/en_group_1\.pf_fragment/);
  });

  it('refuses a fragment it cannot read rather than passing the check blindly', () => {
    const files = [entry, { path: 'fragment/en_1.pf_fragment', content: gzipSync(Buffer.from('{"url":"/x/"}')) }];
    expect(() => readIndex(files)).toThrow(/Cannot read the Pagefind fragment fragment\/en_1\.pf_fragment/);
  });
});

describe('pagefindConfig', () => {
  it('leaves fragments unbundled unless the site sets maxFragments', () => {
    expect(pagefindConfig()).not.toHaveProperty('maxFragments');
    expect(pagefindConfig({ maxFragments: 1000 })).toMatchObject({ maxFragments: 1000, forceLanguage: 'en', excludeSelectors: ['.cite'] });
  });
});
