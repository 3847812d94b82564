/**
 * Dated, cited figures: pay and employment outlook. Every figure carries its
 * basis, date, region and source so pages can show several side by side (an
 * older seed figure next to a newer official one) without losing track of which
 * is which.
 */
import { z } from 'astro/zod';
import { choice, expects, partialDate, prose, ref, type SchemaContext } from './common.ts';

export const PAY_BASES = ['median', 'average', 'percentile-10', 'percentile-90', 'starting', 'experienced', 'range'] as const;
export const PAY_BASIS_LABELS: Record<(typeof PAY_BASES)[number], string> = {
  median: 'Median',
  average: 'Average',
  'percentile-10': 'Lowest 10% earned less than',
  'percentile-90': 'Highest 10% earned more than',
  starting: 'Starting pay',
  experienced: 'With experience',
  range: 'Range, basis not stated',
};

/**
 * Whose figure it is: the role's own; its wider occupation's (a BLS figure for all sound engineering
 * technicians); a wider group of occupations' (the BLS's broadcast, sound, video and lighting technicians); or
 * every occupation's, given for comparison.
 */
export const FIGURE_SCOPES = ['role', 'occupation', 'group', 'all'] as const;

export const payFigure = (ctx: SchemaContext) =>
  z.strictObject({
    /** The amount in whole currency units, e.g. 66430. */
    amount: z
      .number({ error: expects('a number without currency signs or commas, e.g. 66430') })
      .positive({ error: 'must be greater than zero' })
      .max(10_000_000, { error: 'is implausibly large; check for extra digits' }),
    /** Upper end, when the source gives a range such as "£18,000 to £22,000" (amount is the lower end). */
    amountTo: z
      .number({ error: expects('a number without currency signs or commas, e.g. 22000') })
      .positive({ error: 'must be greater than zero' })
      .max(10_000_000, { error: 'is implausibly large; check for extra digits' })
      .optional(),
    /** ISO 4217 currency code. */
    currency: choice(['USD', 'GBP', 'EUR', 'CAD', 'AUD']).default('USD'),
    /** Whether the amount is per year or per hour. */
    per: choice(['year', 'hour']),
    /** What kind of figure it is: median, average, a percentile, starting pay, pay with experience, or `range` when the source gives a range without saying what it measures. */
    basis: choice(PAY_BASES),
    /** When the figure applies, e.g. 2024-05 for "May 2024"; if the source shows no date, write `undated: true` instead. */
    asOf: partialDate(ctx).optional(),
    /** `true` when the source shows no date: pages say "undated" with the date the source was read (its `accessed`). Never with `asOf`. */
    undated: z.literal(true, { error: expects('true, or leave it out and give asOf') }).optional(),
    /** Where the figure applies, e.g. "United States". */
    region: prose(80),
    /** The occupation or group the figure describes, in the source's terms. */
    occupation: prose(120),
    /** Whose figure this is: `role` (this role's own), `occupation` (the wider occupation it belongs to), `group` (a wider group of occupations) or `all` (all occupations, for comparison); left out, a role filed under an `occupation` reads it as the occupation's, any other role as its own. */
    covers: choice(FIGURE_SCOPES).optional(),
    /** Id of the source of the figure. */
    source: ref(ctx, 'sources'),
    /** Optional caveat, e.g. that the group is wider than this role. */
    note: prose(300).optional(),
  })
  .refine((f) => f.amountTo === undefined || f.amountTo > f.amount, {
    error: 'must be larger than amount; amount is the lower end of the range',
    path: ['amountTo'],
  })
  // A figure is dated or explicitly marked undated: a forgotten date must not pass as "undated".
  .refine((f) => f.asOf !== undefined || f.undated === true, {
    error: 'is required: write when the figure applies (e.g. 2024-05), or `undated: true` if the source shows no date',
    path: ['asOf'],
  })
  .refine((f) => f.asOf === undefined || f.undated === undefined, {
    error: 'cannot be used together with asOf; keep asOf if the source dates the figure, else remove asOf',
    path: ['undated'],
  });
export type PayFigure = z.output<ReturnType<typeof payFigure>>;

export const outlookFigure = (ctx: SchemaContext) =>
  z
    .strictObject({
      /** Projected change in employment, in percent (negative for a decline). */
      percent: z
        .number({ error: expects('a number such as 2 or -2') })
        .min(-100, { error: 'cannot be below -100' })
        .max(1000, { error: 'is implausibly large; check for extra digits' }),
      /** First year of the projection period, e.g. 2024. */
      from: z.number({ error: expects('a year such as 2024') }).int().min(1900),
      /** Last year of the projection period, e.g. 2034. */
      to: z.number({ error: expects('a year such as 2034') }).int().min(1900),
      /** Jobs at the start of the period, when the source gives it. */
      jobsStart: z.number().int().nonnegative().optional(),
      /** Jobs projected at the end of the period, when the source gives it. */
      jobsEnd: z.number().int().nonnegative().optional(),
      /** Average job openings a year over the period, when the source gives it. */
      openingsPerYear: z.number().int().nonnegative().optional(),
      /** The source's own words for the pace, e.g. "slower than average". */
      pace: prose(80).optional(),
      /** Where the figure applies. */
      region: prose(80),
      /** The occupation or group the figure describes, in the source's terms. */
      occupation: prose(120),
      /** Whose figure this is: `role` (this role's own), `occupation` (the wider occupation it belongs to), `group` (a wider group of occupations) or `all` (all occupations, for comparison); left out, a role filed under an `occupation` reads it as the occupation's, any other role as its own. */
      covers: choice(FIGURE_SCOPES).optional(),
      /** When the source published the projection, e.g. 2025-08. */
      asOf: partialDate(ctx).optional(),
      /** Id of the source of the projection. */
      source: ref(ctx, 'sources'),
    })
    .refine((o) => o.to > o.from, {
      error: 'must be a later year than from; the period runs from..to',
      path: ['to'],
    });
export type OutlookFigure = z.output<ReturnType<typeof outlookFigure>>;
