/**
 * JSON-LD for every page type, typed with schema-dts. Search engines still use
 * BreadcrumbList and Article; Occupation, EducationalOccupationalProgram and
 * DefinedTermSet no longer earn Google rich results but serve other consumers
 * of schema.org data, so they are emitted correctly all the same.
 */
import type {
  Article,
  BreadcrumbList,
  DefinedTermSet,
  EducationalOccupationalProgram,
  ItemList,
  MonetaryAmountDistribution,
  Occupation,
  TechArticle,
  Thing,
  WithContext,
} from 'schema-dts';
import type { PayFigure } from '../schemas/figures.ts';
import { formatPartialDate, isoDuration, type ProgramLength } from './figures.ts';
import { SITE_NAME, type Crumb } from './site.ts';

export type JsonLd = WithContext<Thing>;

const CONTEXT = 'https://schema.org' as const;

/**
 * Serialises JSON-LD for a <script> element. `<`, `>` and `&` become unicode
 * escapes so no string in the data (a `</script>` or `<!--` in a title, say)
 * can end the element early; U+2028/2029 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const absolute = (path: string, site: URL) => new URL(path, site).href;

const publisher = (site: URL) => ({ '@type': 'Organization' as const, name: SITE_NAME, url: site.href });

export function breadcrumbLd(crumbs: Crumb[], current: string, path: string, site: URL): WithContext<BreadcrumbList> {
  const items = [...crumbs.filter((c) => c.href), { label: current, href: path }];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: absolute(c.href!, site) })),
  };
}

export interface ArticleInput {
  headline: string;
  description: string;
  path: string;
  published?: string | undefined;
  updated?: string | undefined;
  image: string;
  technical?: boolean;
}

export function articleLd(a: ArticleInput, site: URL): WithContext<Article | TechArticle> {
  return {
    '@context': CONTEXT,
    '@type': a.technical ? 'TechArticle' : 'Article',
    headline: a.headline,
    description: a.description,
    url: absolute(a.path, site),
    mainEntityOfPage: absolute(a.path, site),
    image: absolute(a.image, site),
    ...(a.published ? { datePublished: a.published } : {}),
    ...(a.updated ? { dateModified: a.updated } : {}),
    author: publisher(site),
    publisher: publisher(site),
    inLanguage: 'en',
  };
}

const PER: Record<PayFigure['per'], string> = { year: 'P1Y', hour: 'PT1H' };

/**
 * Pay figures as MonetaryAmountDistributions: figures sharing a date, group,
 * period and source (a median with its percentiles) become one distribution.
 * Averages have no place in a distribution, so they are left out here.
 */
export function salaryDistributions(pay: readonly PayFigure[]): MonetaryAmountDistribution[] {
  const groups = new Map<string, PayFigure[]>();
  for (const f of pay) {
    // Averages, starting pay and ranges are not points of a distribution.
    if (f.basis === 'average' || f.basis === 'starting' || f.basis === 'experienced' || f.basis === 'range' || f.amountTo !== undefined)
      continue;
    // A distribution is named by its date; an undated figure cannot be placed in one.
    if (!f.asOf) continue;
    const key = [f.asOf, f.occupation, f.per, f.source, f.currency].join('|');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((figures) => {
    const first = figures[0]! as PayFigure & { asOf: string };
    const field = { median: 'median', 'percentile-10': 'percentile10', 'percentile-90': 'percentile90' } as const;
    const values = Object.fromEntries(figures.map((f) => [field[f.basis as keyof typeof field], f.amount]));
    return {
      '@type': 'MonetaryAmountDistribution',
      name: `${first.occupation}, ${first.region}, ${formatPartialDate(first.asOf)}`,
      description: `Figures as of ${first.asOf} (${formatPartialDate(first.asOf)})`,
      currency: first.currency,
      duration: PER[first.per],
      ...values,
    } satisfies MonetaryAmountDistribution;
  });
}

export interface OccupationInput {
  name: string;
  description: string;
  path: string;
  alternateNames: string[];
  onetSoc?: string | undefined;
  skills: string[];
  responsibilities: string[];
  education: string[];
  pay: readonly PayFigure[];
}

export function occupationLd(o: OccupationInput, site: URL): WithContext<Occupation> {
  const salaries = salaryDistributions(o.pay);
  const regions = [...new Set(o.pay.map((p) => p.region))];
  return {
    '@context': CONTEXT,
    '@type': 'Occupation',
    name: o.name,
    description: o.description,
    url: absolute(o.path, site),
    ...(o.alternateNames.length ? { alternateName: o.alternateNames } : {}),
    ...(o.onetSoc ? { occupationalCategory: o.onetSoc } : {}),
    ...(o.skills.length ? { skills: o.skills } : {}),
    ...(o.responsibilities.length ? { responsibilities: o.responsibilities } : {}),
    // schema.org takes one text (or credential) here, not a list.
    ...(o.education.length ? { educationRequirements: o.education.join(' ') } : {}),
    ...(salaries.length ? { estimatedSalary: salaries } : {}),
    ...(regions.includes('United States') ? { occupationLocation: { '@type': 'Country', name: 'United States' } } : {}),
  };
}

export interface ProgramInput {
  name: string;
  description: string;
  path: string;
  provider: string;
  /** The length in the unit the source states, if it states one. */
  length?: ProgramLength | undefined;
  totalHours?: number | undefined;
  components: { label: string; hours: number }[];
  /** Credits and their unit in words, e.g. 125 and "semester credit hours". */
  credits?: { total: number; unitText: string } | undefined;
  award?: string | undefined;
  occupationalCategories: string[];
}

export function programLd(p: ProgramInput, site: URL): WithContext<EducationalOccupationalProgram> {
  return {
    '@context': CONTEXT,
    '@type': 'EducationalOccupationalProgram',
    name: p.name,
    description: p.description,
    url: absolute(p.path, site),
    provider: { '@type': 'EducationalOrganization', name: p.provider },
    ...(p.length ? { timeToComplete: isoDuration(p.length) } : {}),
    // schema.org has no "clock hours" property; each component is a course with its time required.
    ...(p.components.length
      ? { hasCourse: p.components.map((c) => ({ '@type': 'Course' as const, name: c.label, timeRequired: `PT${c.hours}H` })) }
      : {}),
    // numberOfCredits takes a number or a StructuredValue; a QuantitativeValue's unitText keeps the source's unit.
    ...(p.credits
      ? { numberOfCredits: { '@type': 'QuantitativeValue' as const, value: p.credits.total, unitText: p.credits.unitText } }
      : {}),
    ...(p.award ? { educationalCredentialAwarded: p.award } : {}),
    ...(p.occupationalCategories.length ? { occupationalCategory: p.occupationalCategories } : {}),
    ...(p.totalHours !== undefined
      ? { programType: `${p.totalHours} clock hours` }
      : p.credits
        ? { programType: `${p.credits.total} ${p.credits.unitText}` }
        : {}),
  };
}

export function definedTermSetLd(
  terms: { id: string; term: string; definition: string; aliases: string[] }[],
  path: string,
  site: URL,
): WithContext<DefinedTermSet> {
  const setUrl = absolute(path, site);
  return {
    '@context': CONTEXT,
    '@type': 'DefinedTermSet',
    '@id': setUrl,
    name: `${SITE_NAME} glossary`,
    url: setUrl,
    hasDefinedTerm: terms.map((t) => ({
      '@type': 'DefinedTerm',
      name: t.term,
      description: t.definition,
      termCode: t.id,
      url: `${setUrl}#${t.id}`,
      inDefinedTermSet: setUrl,
      ...(t.aliases.length ? { alternateName: t.aliases } : {}),
    })),
  };
}

/**
 * An index page's list, in the summary-page form of Google's carousel (ItemList) documentation: each ListItem has only
 * its type, position and the address of the page that describes the item, which names it (Google Search Central,
 * https://developers.google.com/search/docs/guides/mark-up-listings, read 2026-12-03). Names here repeated every
 * title on the page: on /sources/, 18 KB of JSON that cost 1.5 KB of its 14 KB first visit.
 */
export function itemListLd(name: string, items: { href: string }[], site: URL): WithContext<ItemList> {
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    name,
    numberOfItems: items.length,
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: absolute(item.href, site) })),
  };
}
