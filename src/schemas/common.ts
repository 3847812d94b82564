/**
 * Building blocks shared by every content schema: ids, dates, citations,
 * dated figures and recorded disagreements between sources.
 *
 * Schemas are factories that take a {@link SchemaContext}. The context lists the
 * ids that exist in each collection, so a reference to a missing entry fails with
 * a precise path (and so a precise line) both in the build and in
 * `npm run validate`, using this one definition.
 */
import { z } from 'astro/zod';
import { didYouMean } from './did-you-mean.ts';
import { describeValue, expects } from './messages.ts';
import { HANDBOOK_LICENCE, PAGE_LICENCES } from './licences.ts';
import { REGISTRY, type CollectionName } from './registry.ts';

export { COLLECTIONS, type CollectionName } from './registry.ts';
export { expects };

/** Ids known in each collection; a collection left out is not checked. */
export interface SchemaContext {
  ids: Partial<Record<CollectionName, ReadonlySet<string>>>;
  /** "Today" for date checks; injectable so tests do not depend on the clock. */
  today?: Date;
  /**
   * Where the validator collects the references to existing entries found while one entry is checked, so it
   * can refuse a published page that names a draft (the entry's draft status is known only once every file is read).
   */
  refs?: { collection: CollectionName; id: string }[] | undefined;
}

/** A context that checks no references: for JSON Schema generation and type derivation. */
export const OPEN_CONTEXT: SchemaContext = { ids: {} };

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One of a fixed list of values, with a "did you mean" for near misses. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => {
      if (issue.input === undefined) return `is required but missing; use one of: ${values.join(', ')}`;
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
      return `must be one of: ${values.join(', ')}; found ${describeValue(issue.input)}${hint ? `. Did you mean "${hint}"?` : ''}`;
    },
  });
}

/** What an id of a collection is, for messages: "the id of a source (a file name in content/sources/ without .yaml)". */
const idOf = (collection: CollectionName) =>
  `the id of a ${REGISTRY[collection].idOf} (its file name in content/${collection}/, without ${REGISTRY[collection].extension})`;

/** A reference by id to an entry of another collection, checked against the context. */
export function ref(ctx: SchemaContext, collection: CollectionName) {
  const known = ctx.ids[collection];
  const base = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required but missing; add ${idOf(collection)}`
          : `must be ${idOf(collection)}; found ${describeValue(issue.input)}`,
    })
    .regex(ID_PATTERN, {
    error: `must be ${idOf(collection)}: lowercase words joined by single hyphens`,
  });
  if (!known) return base;
  return base.refine(
    (id) => {
      if (!known.has(id)) return false;
      ctx.refs?.push({ collection, id });
      return true;
    },
    {
      error: (issue) => {
        const input = String(issue.input);
        const hint = didYouMean(input, known);
        const fix = hint
          ? `did you mean "${hint}"?`
          : `use the file name (without extension) of an entry in content/${collection}/`;
        return `names an unknown ${REGISTRY[collection].idOf} id "${input}"; ${fix}`;
      },
    },
  );
}

/** A list of references with no repeats. */
export function refList(ctx: SchemaContext, collection: CollectionName) {
  return z
    .array(ref(ctx, collection))
    .refine((ids) => new Set(ids).size === ids.length, {
      error: 'lists the same id twice; remove the repeat',
    });
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;

function toIsoString(value: unknown): unknown {
  // YAML loaders disagree: js-yaml (used by Astro) turns 2024-05-01 into a Date,
  // the `yaml` package keeps a string. Normalise both to the string form.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return value;
}

function isRealDate(text: string): boolean {
  const day = ISO_DAY.exec(text);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }
  const month = ISO_MONTH.exec(text);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return ISO_YEAR.test(text);
}

/** Earliest instant a partial date (year, month or day) can stand for. */
export function startOfPartialDate(text: string): Date {
  const [y, m = '01', d = '01'] = text.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

/**
 * A date written as YYYY-MM-DD, YYYY-MM or YYYY: real, and not in the future.
 * Partial dates exist because sources often say only "May 2024".
 */
export function partialDate(ctx: SchemaContext) {
  return z.preprocess(
    toIsoString,
    z
      .string({ error: expects('a date written as YYYY-MM-DD, YYYY-MM or YYYY') })
      .refine(isRealDate, {
        error: (issue) => `"${String(issue.input)}" is not a real date; write it as YYYY-MM-DD, YYYY-MM or YYYY`,
        // A date that does not exist cannot also be "in the future"; say one thing.
        abort: true,
      })
      .refine((text) => startOfPartialDate(text) <= (ctx.today ?? new Date()), {
        error: (issue) => `"${String(issue.input)}" is in the future; use the date the page or figure was actually published`,
      }),
  );
}

/** A full day, YYYY-MM-DD: used for page publication and update dates. */
export function day(ctx: SchemaContext) {
  return partialDate(ctx).refine((text) => ISO_DAY.test(text), {
    error: 'must be a full day written as YYYY-MM-DD',
  });
}

/** Text written for readers: non-empty, trimmed, with a length cap that catches pasted documents. */
export const prose = (max = 600) =>
  z
    .string({ error: expects('text') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `is longer than ${max} characters; shorten it or move detail into the page body` });

/** A one-line description used for meta tags and listings. */
export const description = () =>
  z
    .string({ error: expects('one sentence of 50–160 characters') })
    .trim()
    .min(50, { error: 'must be at least 50 characters so search results have a useful summary' })
    .max(160, { error: 'must be at most 160 characters so search engines do not cut it off' });

/** A statement of fact with the source that supports it. */
export const cited = (ctx: SchemaContext) =>
  z.strictObject({
    /** The statement, in the handbook's own words. */
    text: prose(400),
    /** Id of the source that supports the statement. */
    source: ref(ctx, 'sources'),
  });

/** Where a role's work happens. */
export const SETTINGS = [
  'studio',
  'live',
  'broadcast',
  'post-production',
  'film-tv',
  'theatre',
  'events',
  'podcast',
  'games',
] as const;
export type Setting = (typeof SETTINGS)[number];

export const SETTING_LABELS: Record<Setting, string> = {
  studio: 'Recording studio',
  live: 'Live sound',
  broadcast: 'Broadcast',
  'post-production': 'Post-production',
  'film-tv': 'Film and TV',
  theatre: 'Theatre',
  events: 'Events and conferences',
  podcast: 'Podcasts and streaming',
  games: 'Games and immersive media',
};

/** The sectors the career path is drawn in, one lane each, in the order readers meet them. */
export const SECTORS = ['live', 'studio', 'screen', 'broadcast', 'games'] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  live: 'Live sound',
  studio: 'Studio',
  screen: 'Film, TV and post-production',
  broadcast: 'Broadcast',
  games: 'Games',
};

/** Which sector each setting belongs to; a role sits in the sector of its first (most typical) setting. */
export const SETTING_SECTOR: Record<Setting, Sector> = {
  live: 'live',
  events: 'live',
  theatre: 'live',
  studio: 'studio',
  podcast: 'studio',
  'film-tv': 'screen',
  'post-production': 'screen',
  broadcast: 'broadcast',
  games: 'games',
};

/** One side of a disagreement: what a source claims. */
const position = (ctx: SchemaContext) =>
  z.strictObject({
    /** What this source says, in the handbook's words. */
    claim: prose(400),
    /** Id of the source that makes the claim. */
    source: ref(ctx, 'sources'),
  });

/** A point on which sources disagree, shown to readers rather than smoothed over. */
export const disagreement = (ctx: SchemaContext) =>
  z.strictObject({
    /** The question the sources answer differently, e.g. "Which role works live?". */
    topic: prose(120),
    /** Each source's answer; at least two, or it is not a disagreement. */
    positions: z
      .array(position(ctx))
      // The same source may appear twice: a source that contradicts itself is a disagreement worth showing.
      .min(2, { error: 'needs at least two positions; add the other side with its source' }),
    /** Optional editor's note on how to read the disagreement (not a verdict). */
    note: prose(400).optional(),
  });

/** Fields every page-like entry carries. */
export const pageFields = (ctx: SchemaContext) => ({
  /** The page title, shown as its only h1. */
  title: prose(90),
  /** One sentence for search results and link previews, 50–160 characters. */
  description: description(),
  /** First publication date, YYYY-MM-DD. */
  published: day(ctx),
  /** Date of the last meaningful edit, YYYY-MM-DD. */
  updated: day(ctx),
  /** A draft is validated but not published. */
  draft: z.boolean({ error: expects('true or false') }).default(false),
  /** Text adapted (not just cited) from openly licensed sources; each one's license must allow it (see CONTRIBUTING.md). */
  adaptedFrom: z.array(adaptation(ctx)).default([]),
  /** The page's license: CC-BY-4.0, or CC-BY-SA-4.0 when adaptedFrom names a CC BY-SA source. */
  licence: choice(PAGE_LICENCES).default(HANDBOOK_LICENCE),
});

/** A source whose text a page adapts, and how the page changed it (CC licences ask for both). */
const adaptation = (ctx: SchemaContext) =>
  z.strictObject({
    /** Id of the source the text comes from; its license must allow adaptation. */
    source: ref(ctx, 'sources'),
    /** What the page took and how it changed it, e.g. "the section on gain staging, shortened and reworded". */
    changes: prose(300),
  });

/** Checks that `updated` is not before `published`. */
export const updatedNotBeforePublished = {
  check: (d: { published: string; updated: string }) => d.updated >= d.published,
  params: {
    error: 'is earlier than published; set it to the date of the last edit',
    path: ['updated'] as PropertyKey[],
  },
};
