/**
 * The units a training program's length and workload can be stated in, and
 * what each allows: the checks the schema applies, the glossary term that
 * explains the unit to readers, and the conversion (if any) a source backs.
 * One registry, read by the schema, the program page, the derived figures and
 * the editor template, so a new unit is added here and nowhere else.
 */

/** How long a program runs, in the unit the provider uses (the field name is the unit). */
export const DURATION_UNITS = {
  weeks: { singular: 'week', plural: 'weeks', iso: 'W', step: 1, max: 520, example: 29 },
  months: { singular: 'month', plural: 'months', iso: 'M', step: 1, max: 120, example: 24 },
  // Degrees are often stated as "3.5 years" or "18 months", never finer than half a year in years.
  years: { singular: 'year', plural: 'years', iso: 'Y', step: 0.5, max: 10, example: 3 },
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;
export const DURATION_FIELDS = Object.keys(DURATION_UNITS) as [DurationUnit, ...DurationUnit[]];

export interface CreditUnit {
  /** Plural, as shown after a number ("120 semester credit hours"). */
  plural: string;
  singular: string;
  /** Smallest step a source states; 0.5 allows half credits. */
  step: number;
  max: number;
  /** Glossary term that explains the unit; a unit test checks it exists and cites a source. */
  term: string;
  /**
   * Hours of study one unit stands for, when the term's cited source gives a
   * conversion (low and high ends of its range); absent when no source does.
   */
  hoursOfStudy?: { low: number; high: number; basis: string };
}

/**
 * Units of academic credit. Clock hours are not here: they are time in class
 * already, stated in `hours` with their components.
 */
export const CREDIT_UNITS = {
  // The US federal definition: at least 1 hour of instruction and 2 hours of work outside class each week,
  // for about 15 weeks (a semester hour) or 10 to 12 weeks (a quarter hour): 45, and 30 to 36, hours.
  'semester-credit-hours': {
    plural: 'semester credit hours',
    singular: 'semester credit hour',
    step: 0.5,
    max: 300,
    term: 'credit-hour',
    hoursOfStudy: { low: 45, high: 45, basis: '3 hours a week (1 in class, 2 outside) for about 15 weeks' },
  },
  'quarter-credit-hours': {
    plural: 'quarter credit hours',
    singular: 'quarter credit hour',
    step: 0.5,
    max: 450,
    term: 'credit-hour',
    hoursOfStudy: { low: 30, high: 36, basis: '3 hours a week (1 in class, 2 outside) for 10 to 12 weeks' },
  },
  // A source that says "credit hours" without naming the term length: no conversion can be chosen for it.
  'credit-hours': { plural: 'credit hours', singular: 'credit hour', step: 0.5, max: 300, term: 'credit-hour' },
  // California community colleges count "units"; no source read gives a general conversion to hours.
  units: { plural: 'units', singular: 'unit', step: 0.5, max: 300, term: 'unit-of-credit' },
  // UK higher education; one provider's guide: 20 credits are about 52 hours with tutors and 148 of self-study.
  'uk-credits': {
    plural: 'credits',
    singular: 'credit',
    step: 5,
    max: 720,
    term: 'uk-credit',
    hoursOfStudy: { low: 10, high: 10, basis: 'about 200 hours of study for every 20 credits' },
  },
} as const satisfies Record<string, CreditUnit>;
export type CreditUnitId = keyof typeof CREDIT_UNITS;
export const CREDIT_UNIT_IDS = Object.keys(CREDIT_UNITS) as [CreditUnitId, ...CreditUnitId[]];

/** Clock hours get their own glossary term too, shown beside the hours table. */
export const CLOCK_HOUR_TERM = 'clock-hour';

/** Every glossary term the program page may explain a unit with. */
export const UNIT_TERMS = [CLOCK_HOUR_TERM, ...new Set(Object.values(CREDIT_UNITS).map((u) => u.term))];
