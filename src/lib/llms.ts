/**
 * llms.txt (an index of pages with one-line summaries) and llms-full.txt (the
 * full text), written for language-model tools that read sites as Markdown.
 * Both are built from the same typed collections as the pages.
 */
import { frameworkTitle, getComparisons, getFrameworks, getGlossary, getGuides, getPrograms, getRoles, getSources } from './content.ts';
import { formatChange, formatMoney, formatPartialDate, programFigures } from './figures.ts';
import { posix } from 'node:path';
import { mdxToMarkdown } from './mdx-markdown.ts';
import { treeOf, walk } from './mdx-tree.ts';
import type { PageMeta } from './page-meta.ts';
import { entryUrl } from './routes.ts';
import { SITE_NAME } from './site.ts';
import { PAY_BASIS_LABELS } from '../schemas/figures.ts';
import { LEVEL_KEYS } from '../schemas/framework.ts';
import { licenceName } from '../schemas/licences.ts';
import { kindOf, PAGED_COLLECTIONS, REGISTRY, type CollectionName } from '../schemas/registry.ts';

/** One section per collection whose entries have pages, headed as in the collection registry. */
const SECTIONS = PAGED_COLLECTIONS.map((c) => ({ type: kindOf(c), heading: REGISTRY[c].plural }));

const INTRO =
  'Every fact on the site is cited to a source listed on /sources/, every figure carries its date or is marked undated, and where sources disagree the page shows each position.';

export function llmsIndex(pages: readonly PageMeta[], site: URL): string {
  const link = (p: PageMeta) => `- [${p.title}](${new URL(p.path, site).href}): ${p.description}`;
  const home = pages.find((p) => p.path === '/');
  const lines = [`# ${SITE_NAME}`, '', `> ${home?.description ?? ''}`, '', INTRO, ''];
  for (const section of SECTIONS) {
    const items = pages.filter((p) => p.type === section.type);
    if (items.length) lines.push(`## ${section.heading}`, '', ...items.map(link), '');
  }
  const rest = pages.filter((p) => !SECTIONS.some((s) => s.type === p.type) && p.path !== '/');
  lines.push('## Reference and site pages', '', ...rest.map(link), '');
  lines.push(
    '## Optional',
    '',
    `- [Full text of every page](${new URL('/llms-full.txt', site).href}): the same content as one Markdown file`,
    '',
  );
  return lines.join('\n');
}

/**
 * The absolute address of a built image, given its file in the repository
 * (content/guides/page-id/name.png). The llms-full.txt route supplies it with
 * astro:assets, which this module cannot import (it also runs outside Astro).
 */
export type BuiltImageUrl = (file: string) => Promise<string>;

/** An entry's body as Markdown, from the tree the validator parsed, its images at their built addresses. */
async function bodyMarkdown(
  body: string | undefined,
  sourceTitle: (id: string) => string,
  collection: CollectionName,
  builtImage: BuiltImageUrl,
) {
  if (!body) return '';
  const tree = treeOf(body);
  const urls = new Map<string, string>();
  const wanted: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'image' && node.url) wanted.push(node.url);
  });
  // The validator accepts only ./page-id/name.ext, so the file is always inside the page's folder.
  for (const url of wanted) urls.set(url, await builtImage(posix.join(`content/${collection}`, url)));
  return mdxToMarkdown(tree, sourceTitle, (url) => urls.get(url)!);
}

export async function llmsFull(site: URL, builtImage: BuiltImageUrl): Promise<string> {
  const sources = await getSources();
  const title = (id: string) => sources.find((s) => s.id === id)?.data.title ?? id;
  const cite = (id: string) => ` (source: ${title(id)})`;
  const url = (path: string) => new URL(path, site).href;
  const out: string[] = [`# ${SITE_NAME}: full text`, '', INTRO, ''];
  const page = (heading: string, path: string, description: string) =>
    out.push(`## ${heading}`, '', `URL: ${url(path)}`, '', description, '');

  for (const r of await getRoles()) {
    const d = r.data;
    page(d.title, entryUrl('roles', r.id), d.description);
    if (d.alternateTitles.length) out.push(`Also called: ${d.alternateTitles.map((t) => t.text).join(', ')}.`, '');
    out.push(await bodyMarkdown(r.body, title, 'roles', builtImage), '');
    out.push('### What they do', '', ...d.responsibilities.map((x) => `- ${x.text}${cite(x.source)}`), '');
    if (d.skills.length) out.push('### Skills', '', ...d.skills.map((x) => `- ${x.text}${cite(x.source)}`), '');
    if (d.education.length) out.push('### Education and training', '', ...d.education.map((x) => `- ${x.text}${cite(x.source)}`), '');
    if (d.pay.length)
      out.push(
        '### Pay',
        '',
        ...d.pay.map(
          (f) =>
            `- ${PAY_BASIS_LABELS[f.basis]} ${formatMoney(f.amount, f.currency, f.per, f.amountTo)}, ${f.asOf ? formatPartialDate(f.asOf) : 'undated'}, ${f.occupation}, ${f.region}${cite(f.source)}`,
        ),
        '',
      );
    if (d.outlook.length)
      out.push(
        '### Outlook',
        '',
        ...d.outlook.map((f) => `- ${formatChange(f.percent)} over ${f.from}–${f.to}, ${f.occupation}, ${f.region}${cite(f.source)}`),
        '',
      );
    for (const dis of d.disagreements)
      out.push(`### Sources disagree: ${dis.topic}`, '', ...dis.positions.map((p) => `- ${p.claim}${cite(p.source)}`), '');
  }
  for (const c of await getComparisons()) {
    const d = c.data;
    page(d.title, entryUrl('comparisons', c.id), d.description);
    out.push(`Roles compared: ${d.roles.join(' and ')}.`, '');
    for (const row of d.dimensions)
      out.push(
        `- ${row.dimension}: ${d.roles[0]}: ${row.values[0].text}${cite(row.values[0].source)}; ${d.roles[1]}: ${row.values[1].text}${cite(row.values[1].source)}`,
      );
    out.push('', await bodyMarkdown(c.body, title, 'comparisons', builtImage), '');
    for (const dis of d.disagreements)
      out.push(`### Sources disagree: ${dis.topic}`, '', ...dis.positions.map((p) => `- ${p.claim}${cite(p.source)}`), '');
  }
  for (const g of await getGuides()) {
    page(g.data.title, entryUrl('guides', g.id), g.data.description);
    out.push(await bodyMarkdown(g.body, title, 'guides', builtImage), '');
  }
  for (const p of await getPrograms()) {
    const d = p.data;
    page(d.title, entryUrl('programs', p.id), d.description);
    out.push(
      `${d.provider}: ${programFigures(d).join(', ')}${d.hours ? ` (${d.hours.components.map((c) => `${c.hours} ${c.label.toLowerCase()}`).join(', ')})` : ''}${cite(d.source)}.`,
      '',
      await bodyMarkdown(p.body, title, 'programs', builtImage),
      '',
    );
  }
  for (const f of await getFrameworks()) {
    page(frameworkTitle(f), entryUrl('frameworks', f.id), f.data.handbook?.description ?? '');
    for (const key of LEVEL_KEYS) {
      const level = f.data.framework.levels[key];
      out.push(`### ${level.label}`, '', ...level.statements.map((s) => `- ${s}`), '');
    }
  }
  out.push('## Glossary', '', `URL: ${url('/glossary/')}`, '');
  for (const t of await getGlossary()) {
    out.push(`- **${t.data.term}**${t.data.aliases.length ? ` (${t.data.aliases.join(', ')})` : ''}: ${t.data.definition}`);
  }
  out.push('', '## Sources', '', `URL: ${url('/sources/')}`, '');
  for (const s of sources) {
    out.push(
      `- ${s.data.title}. ${s.data.publisher}${s.data.date ? `, ${formatPartialDate(s.data.date)}` : ', undated'}. License: ${licenceName(s.data.licence)}.${s.data.attribution ? ` ${s.data.attribution}` : ''}${s.data.url ? ` ${s.data.url}` : ''}`,
    );
  }
  out.push('');
  return out.join('\n');
}
