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
import { didYouMean } from '../lib/did-you-mean.ts';
import { describeValue } from '../lib/zod-messages.ts';

export const COLLECTIONS = [
  'roles',
  'comparisons',
  'guides',
  'programs',
  'frameworks',
  'glossary',
  'sources',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Ids known in each collection; a collection left out is not checked. */
export interface SchemaContext {
  ids: Partial<Record<CollectionName, ReadonlySet<string>>>;
  /** "Today" for date checks; injectable so tests do not depend on the clock. */
  today?: Date;
}

/** A context that checks no references: for JSON Schema generation and type derivation. */
export const OPEN_CONTEXT: SchemaContext = { ids: {} };

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Message for a value of the wrong type, or a missing one: says which, what was
 * expected and what was found.
 */
export const expects =
  (field: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `${field} is required but missing; add it (${expected})`
      : `${field} must be ${expected}; found ${describeValue(issue.input)}`;

/** One of a fixed list of values, with a "did you mean" for near misses. */
export function choice<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, {
    error: (issue) => {
      if (issue.input === undefined) return `${field} is required but missing; use one of: ${values.join(', ')}`;
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
      return `${field} must be one of: ${values.join(', ')}; found ${describeValue(issue.input)}${hint ? `. Did you mean "${hint}"?` : ''}`;
    },
  });
}

/** A lowercase, hyphenated id such as `sound-engineer`. */
export const idString = (field: string) =>
  z.string({ error: expects(field, 'an id such as "sound-engineer"') }).regex(ID_PATTERN, {
    error: `${field} must be lowercase words joined by single hyphens, such as "sound-engineer"`,
  });

const SINGULAR: Record<CollectionName, string> = {
  roles: 'role',
  comparisons: 'comparison',
  guides: 'guide',
  programs: 'program',
  frameworks: 'framework',
  glossary: 'glossary term',
  sources: 'source',
};

/** A reference by id to an entry of another collection, checked against the context. */
export function ref(ctx: SchemaContext, collection: CollectionName, field: string) {
  const known = ctx.ids[collection];
  const base = idString(field);
  if (!known) return base;
  return base.refine((id) => known.has(id), {
    error: (issue) => {
      const input = String(issue.input);
      const hint = didYouMean(input, known);
      const fix = hint
        ? `did you mean "${hint}"?`
        : `use the file name (without extension) of an entry in content/${collection}/`;
      return `${field} names an unknown ${SINGULAR[collection]} id "${input}"; ${fix}`;
    },
  });
}

/** A list of references with no repeats. */
export function refList(ctx: SchemaContext, collection: CollectionName, field: string) {
  return z
    .array(ref(ctx, collection, field))
    .refine((ids) => new Set(ids).size === ids.length, {
      error: `${field} lists the same id twice; remove the repeat`,
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
export function partialDate(ctx: SchemaContext, field: string) {
  return z.preprocess(
    toIsoString,
    z
      .string({ error: expects(field, 'a date written as YYYY-MM-DD, YYYY-MM or YYYY') })
      .refine(isRealDate, {
        error: (issue) =>
          `${field} "${String(issue.input)}" is not a real date; write it as YYYY-MM-DD, YYYY-MM or YYYY`,
        // A date that does not exist cannot also be "in the future"; say one thing.
        abort: true,
      })
      .refine((text) => startOfPartialDate(text) <= (ctx.today ?? new Date()), {
        error: (issue) =>
          `${field} "${String(issue.input)}" is in the future; use the date the page or figure was actually published`,
      }),
  );
}

/** A full day, YYYY-MM-DD: used for page publication and update dates. */
export function day(ctx: SchemaContext, field: string) {
  return partialDate(ctx, field).refine((text) => ISO_DAY.test(text), {
    error: `${field} must be a full day written as YYYY-MM-DD`,
  });
}

/** Text written for readers: non-empty, trimmed, with a length cap that catches pasted documents. */
export const prose = (field: string, max = 600) =>
  z
    .string({ error: expects(field, 'text') })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} is longer than ${max} characters; shorten it or move detail into the page body` });

/** A one-line description used for meta tags and listings. */
export const description = (field = 'description') =>
  z
    .string({ error: expects(field, 'one sentence of 50–160 characters') })
    .trim()
    .min(50, { error: `${field} must be at least 50 characters so search results have a useful summary` })
    .max(160, { error: `${field} must be at most 160 characters so search engines do not cut it off` });

/** A statement of fact with the source that supports it. */
export const cited = (ctx: SchemaContext, field: string) =>
  z.strictObject({
    /** The statement, in the handbook's own words. */
    text: prose(`${field}.text`, 400),
    /** Id of the source that supports the statement. */
    source: ref(ctx, 'sources', `${field}.source`),
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
const position = (ctx: SchemaContext, field: string) =>
  z.strictObject({
    /** What this source says, in the handbook's words. */
    claim: prose(`${field}.claim`, 400),
    /** Id of the source that makes the claim. */
    source: ref(ctx, 'sources', `${field}.source`),
  });

/** A point on which sources disagree, shown to readers rather than smoothed over. */
export const disagreement = (ctx: SchemaContext, field: string) =>
  z.strictObject({
    /** The question the sources answer differently, e.g. "Which role works live?". */
    topic: prose(`${field}.topic`, 120),
    /** Each source's answer; at least two, or it is not a disagreement. */
    positions: z
      .array(position(ctx, `${field}.positions`))
      // The same source may appear twice: a source that contradicts itself is a disagreement worth showing.
      .min(2, { error: `${field}.positions needs at least two positions; add the other side with its source` }),
    /** Optional editor's note on how to read the disagreement (not a verdict). */
    note: prose(`${field}.note`, 400).optional(),
  });

/** Fields every page-like entry carries. */
export const pageFields = (ctx: SchemaContext) => ({
  /** The page title, shown as its only h1. */
  title: prose('title', 90),
  /** One sentence for search results and link previews, 50–160 characters. */
  description: description(),
  /** First publication date, YYYY-MM-DD. */
  published: day(ctx, 'published'),
  /** Date of the last meaningful edit, YYYY-MM-DD. */
  updated: day(ctx, 'updated'),
  /** A draft is validated but not published. */
  draft: z.boolean({ error: expects('draft', 'true or false') }).default(false),
});

/** Checks that `updated` is not before `published`. */
export const updatedNotBeforePublished = {
  check: (d: { published: string; updated: string }) => d.updated >= d.published,
  params: {
    error: 'updated is earlier than published; set updated to the date of the last edit',
    path: ['updated'] as PropertyKey[],
  },
};
