/**
 * Derived figures and formatting for pay, outlook and program hours. Pure
 * functions, so the numbers readers see are unit-tested.
 */
import type { OutlookFigure, PayFigure } from '../schemas/figures.ts';
import {
  CREDIT_UNITS,
  DURATION_FIELDS,
  DURATION_UNITS,
  type CreditUnit,
  type CreditUnitId,
  type DurationUnit,
} from '../schemas/program-units.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-05" → "May 2024"; "2025-08-28" → "28 August 2025"; "2013" → "2013". */
export function formatPartialDate(text: string): string {
  const [year, month, day] = text.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/**
 * The date column of a pay figure: "May 2024", or, for a figure whose source shows no date, "Undated
 * (source read 2 December 2026)" so the reader can still place it in time.
 */
export function figureDate(f: { asOf?: string | undefined }, accessed?: string, midSentence = false): string {
  if (f.asOf) return formatPartialDate(f.asOf);
  const word = midSentence ? 'undated' : 'Undated';
  return accessed ? `${word} (source read ${formatPartialDate(accessed)})` : word;
}

/** When a program's figures were stated: the source's own date, or that it shows none and when it was read. */
export function sourceDateSentence(s: { date?: string | undefined; accessed?: string | undefined }): string {
  if (s.date) return `The source is dated ${formatPartialDate(s.date)}.`;
  return s.accessed ? `The source shows no date; the handbook read it on ${formatPartialDate(s.accessed)}.` : 'The source shows no date.';
}

/** Sort key that reads a partial date as its first day: "2024-05" sorts as 2024-05-00, before "2024-05-28". */
function dateKey(text: string | undefined): string {
  const [year = '0000', month = '00', day = '00'] = (text ?? '').split('-');
  return `${year}-${month}-${day}`;
}

/** Figures ordered newest first, as the design asks; ties keep their written order. */
export function newestFirst<T extends { asOf?: string | undefined }>(figures: readonly T[]): T[] {
  return figures
    .map((figure, index) => ({ figure, index }))
    .sort((a, b) => dateKey(b.figure.asOf).localeCompare(dateKey(a.figure.asOf)) || a.index - b.index)
    .map(({ figure }) => figure);
}

/**
 * The pay figure to headline for each region, in the order regions first appear: the newest median or
 * average, else the newest figure of any basis. Undated figures sort after dated ones.
 */
export function headlinePay<T extends { asOf?: string | undefined; basis: string; region: string }>(pay: readonly T[]): T[] {
  const regions = [...new Set(pay.map((f) => f.region))];
  return regions.map((region) => {
    const inRegion = pay.filter((f) => f.region === region);
    return newestFirst(inRegion.filter((f) => f.basis === 'median' || f.basis === 'average'))[0] ?? newestFirst(inRegion)[0]!;
  });
}

/** Outlook figures ordered by the end of their period, latest first. */
export function latestPeriodFirst(figures: readonly OutlookFigure[]): OutlookFigure[] {
  return [...figures].sort((a, b) => b.to - a.to || b.from - a.from);
}

export function formatMoney(amount: number, currency: string, per: PayFigure['per'], amountTo?: number): string {
  const format = (n: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(n) ? 0 : 2 }).format(n);
  const money = amountTo === undefined ? format(amount) : `${format(amount)} to ${format(amountTo)}`;
  return `${money} a${per === 'hour' ? 'n hour' : ' year'}`;
}

/** "+13%", "−2%", "0%": a true minus sign reads better than a hyphen. */
export function formatChange(percent: number): string {
  if (percent === 0) return '0%';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`;
}

export const formatCount = (n: number) => new Intl.NumberFormat('en-US').format(n);

export interface HourShare {
  label: string;
  hours: number;
  /** Whole-number percentage; the shares of one program always add up to 100. */
  percent: number;
  /** Exact fraction of the total, for drawing. */
  fraction: number;
}

/**
 * Each component's share of the total, rounded with the largest-remainder
 * method so the percentages shown always add up to exactly 100.
 */
export function hourShares(components: readonly { label: string; hours: number }[]): HourShare[] {
  const total = components.reduce((sum, c) => sum + c.hours, 0);
  if (total === 0) return components.map((c) => ({ label: c.label, hours: c.hours, percent: 0, fraction: 0 }));
  const raw = components.map((c) => (c.hours / total) * 100);
  const floors = raw.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return components.map((c, i) => ({ label: c.label, hours: c.hours, percent: floors[i]!, fraction: c.hours / total }));
}

/** Average clock hours per week, to one decimal place. */
export function hoursPerWeek(totalHours: number, weeks: number): number {
  return Math.round((totalHours / weeks) * 10) / 10;
}

/** Hours per week expressed as a share of a 40-hour working week, in whole percent. */
export function shareOfFullTimeWeek(totalHours: number, weeks: number, fullTime = 40): number {
  return Math.round((totalHours / weeks / fullTime) * 100);
}

/** ISO 8601 duration for a number of weeks, e.g. P29W. */
export const isoWeeks = (weeks: number) => isoDuration({ amount: weeks, unit: 'weeks' });

export interface ProgramLength {
  amount: number;
  unit: DurationUnit;
}

/** The program's length as its source states it (one of weeks, months, years), if it states one. */
export function programLength(p: Partial<Record<DurationUnit, number>>): ProgramLength | undefined {
  const unit = DURATION_FIELDS.find((f) => p[f] !== undefined);
  return unit ? { amount: p[unit]!, unit } : undefined;
}

/** ISO 8601 duration: P29W, P24M, P3Y (a decimal fraction is allowed on the only component: P3.5Y). */
export const isoDuration = (length: ProgramLength) => `P${length.amount}${DURATION_UNITS[length.unit].iso}`;

/** "29 weeks", "1 year", "3.5 years". */
export function formatLength(length: ProgramLength): string {
  const unit = DURATION_UNITS[length.unit];
  return `${formatCount(length.amount)} ${length.amount === 1 ? unit.singular : unit.plural}`;
}

/** "125 semester credit hours", "17 units", "1 credit". */
export function formatCredits(amount: number, unit: CreditUnitId): string {
  const u = CREDIT_UNITS[unit];
  return `${formatCount(amount)} ${amount === 1 ? u.singular : u.plural}`;
}

/**
 * Hours of study a number of credits stands for, where the unit's cited
 * definition gives a conversion; undefined where it does not (then nothing is shown).
 */
export function studyHours(amount: number, unit: CreditUnitId): { low: number; high: number } | undefined {
  const u: CreditUnit = CREDIT_UNITS[unit];
  return u.hoursOfStudy && { low: Math.round(amount * u.hoursOfStudy.low), high: Math.round(amount * u.hoursOfStudy.high) };
}

/** Average credits a year when the length is given in years, to one decimal place; otherwise undefined. */
export function creditsPerYear(total: number, length: ProgramLength | undefined): number | undefined {
  if (length?.unit !== 'years') return undefined;
  return Math.round((total / length.amount) * 10) / 10;
}

/**
 * A program's stated figures in words, in the source's units, for lists and
 * plain-text outputs: ["378 clock hours", "29 weeks"], ["17 units"], ["24 months"].
 */
export function programFigures(p: {
  hours?: { total: number } | undefined;
  credits?: { total: number; unit: CreditUnitId } | undefined;
  weeks?: number | undefined;
  months?: number | undefined;
  years?: number | undefined;
}): string[] {
  const length = programLength(p);
  return [
    ...(p.hours ? [`${formatCount(p.hours.total)} clock hours`] : []),
    ...(p.credits ? [formatCredits(p.credits.total, p.credits.unit)] : []),
    ...(length ? [formatLength(length)] : []),
  ];
}

const SCOPE_LABELS = {
  role: 'This role',
  occupation: 'Wider occupation',
  group: 'Wider group of occupations',
  all: 'All occupations, for comparison',
} as const;

/**
 * Whose figure it is, for the pay and outlook tables: the figure's own `covers`, else a role filed under a
 * wider occupation reads its figures as the occupation's (official statistics rarely count a single role).
 */
export function figureScope(
  figure: { covers?: keyof typeof SCOPE_LABELS | undefined },
  role: { occupation?: string | undefined },
): keyof typeof SCOPE_LABELS {
  return figure.covers ?? (role.occupation ? 'occupation' : 'role');
}

/** "Wider occupation", "This role", or "This occupation" on the page of an occupation. */
export function scopeLabel(
  figure: { covers?: keyof typeof SCOPE_LABELS | undefined },
  role: { occupation?: string | undefined; careerStage: string },
): string {
  const scope = figureScope(figure, role);
  return scope === 'role' && role.careerStage === 'occupation' ? 'This occupation' : SCOPE_LABELS[scope];
}
