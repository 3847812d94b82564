import { describe, expect, it } from 'vitest';
import {
  creditsPerYear,
  figureDate,
  sourceDateSentence,
  headlinePay,
  formatChange,
  formatCredits,
  formatLength,
  isoDuration,
  programLength,
  studyHours,
  formatMoney,
  formatPartialDate,
  hourShares,
  hoursPerWeek,
  isoWeeks,
  latestPeriodFirst,
  newestFirst,
  shareOfFullTimeWeek,
} from '../../src/lib/figures.ts';

describe('program hours', () => {
  const components = [
    { label: 'Instruction', hours: 232 },
    { label: 'Lab', hours: 116 },
    { label: 'Internship', hours: 30 },
  ];

  it('splits 378 hours into shares that add up to exactly 100%', () => {
    const shares = hourShares(components);
    expect(shares.map((s) => s.percent)).toEqual([61, 31, 8]);
    expect(shares.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
    expect(shares[0]!.fraction).toBeCloseTo(232 / 378);
  });

  it('uses the largest remainder when plain rounding would not sum to 100', () => {
    // 1/3 each: plain rounding gives 33+33+33 = 99.
    const shares = hourShares([
      { label: 'A', hours: 1 },
      { label: 'B', hours: 1 },
      { label: 'C', hours: 1 },
    ]);
    expect(shares.map((s) => s.percent)).toEqual([34, 33, 33]);
  });

  it('derives hours per week and the share of a full-time week', () => {
    expect(hoursPerWeek(378, 29)).toBe(13);
    expect(hoursPerWeek(232, 29)).toBe(8);
    expect(hoursPerWeek(30, 29)).toBe(1);
    expect(shareOfFullTimeWeek(378, 29)).toBe(33);
    expect(isoWeeks(29)).toBe('P29W');
  });
});

describe('program length and credits in their own units', () => {
  it('reads the one length field a program gives and writes it in ISO 8601 and in words', () => {
    expect(programLength({ weeks: 29 })).toEqual({ amount: 29, unit: 'weeks' });
    expect(programLength({ months: 24 })).toEqual({ amount: 24, unit: 'months' });
    expect(programLength({})).toBeUndefined();
    expect(isoDuration({ amount: 24, unit: 'months' })).toBe('P24M');
    expect(isoDuration({ amount: 3.5, unit: 'years' })).toBe('P3.5Y');
    expect(formatLength({ amount: 1, unit: 'years' })).toBe('1 year');
    expect(formatLength({ amount: 24, unit: 'months' })).toBe('24 months');
    expect(formatCredits(125, 'semester-credit-hours')).toBe('125 semester credit hours');
    expect(formatCredits(1, 'uk-credits')).toBe('1 credit');
  });

  it('converts credits to hours of study only where the unit has a cited conversion', () => {
    expect(studyHours(125, 'semester-credit-hours')).toEqual({ low: 5625, high: 5625 });
    expect(studyHours(45, 'quarter-credit-hours')).toEqual({ low: 1350, high: 1620 });
    expect(studyHours(360, 'uk-credits')).toEqual({ low: 3600, high: 3600 });
    expect(studyHours(17, 'units')).toBeUndefined();
    expect(studyHours(120, 'credit-hours')).toBeUndefined();
  });

  it('averages credits a year only when the length is in years', () => {
    expect(creditsPerYear(360, { amount: 3, unit: 'years' })).toBe(120);
    expect(creditsPerYear(125, { amount: 3.5, unit: 'years' })).toBe(35.7);
    expect(creditsPerYear(17, { amount: 24, unit: 'months' })).toBeUndefined();
    expect(creditsPerYear(17, undefined)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('formats partial dates as readers say them', () => {
    expect(formatPartialDate('2024-05')).toBe('May 2024');
    expect(formatPartialDate('2025-08-28')).toBe('28 August 2025');
    expect(formatPartialDate('2013')).toBe('2013');
  });

  it('formats money per year and per hour', () => {
    expect(formatMoney(66430, 'USD', 'year')).toBe('$66,430 a year');
    expect(formatMoney(27.21, 'USD', 'hour')).toBe('$27.21 an hour');
  });

  it('uses a true minus sign for declines', () => {
    expect(formatChange(-2)).toBe('−2%');
    expect(formatChange(13)).toBe('+13%');
    expect(formatChange(0)).toBe('0%');
  });
});

describe('ordering figures', () => {
  it('puts the newest figure first, whatever the written order', () => {
    const figures = [{ asOf: '2020-05' }, { asOf: '2024-05' }, { asOf: '2013' }, { asOf: '2024-05-28' }];
    expect(newestFirst(figures).map((f) => f.asOf)).toEqual(['2024-05-28', '2024-05', '2020-05', '2013']);
  });

  it('sorts undated figures after dated ones and headlines one figure per region', () => {
    const us = { region: 'United States', basis: 'median', asOf: '2024-05' };
    const usOld = { region: 'United States', basis: 'median', asOf: '2020-05' };
    const ukStart = { region: 'United Kingdom', basis: 'starting', asOf: undefined, undated: true };
    const ukAvg = { region: 'United Kingdom', basis: 'average', asOf: undefined, undated: true };
    expect(newestFirst([ukAvg, us])).toEqual([us, ukAvg]);
    expect(headlinePay([usOld, ukStart, us, ukAvg])).toEqual([us, ukAvg]);
    expect(headlinePay([ukStart])).toEqual([ukStart]);
    expect(headlinePay([])).toEqual([]);
  });

  it('dates a figure, or says it is undated and when its source was read', () => {
    expect(figureDate({ asOf: '2024-05' }, '2026-12-02')).toBe('May 2024');
    expect(figureDate({}, '2026-12-02')).toBe('Undated (source read 2 December 2026)');
    expect(figureDate({})).toBe('Undated');
    expect(figureDate({}, '2026-12-02', true)).toBe('undated (source read 2 December 2026)');
    expect(figureDate({ asOf: '2024' }, undefined, true)).toBe('2024');
  });

  it("says when a program's figures were stated", () => {
    expect(sourceDateSentence({ date: '2025-08-28', accessed: '2026-12-02' })).toBe('The source is dated 28 August 2025.');
    expect(sourceDateSentence({ accessed: '2026-12-02' })).toBe('The source shows no date; the handbook read it on 2 December 2026.');
    expect(sourceDateSentence({})).toBe('The source shows no date.');
  });

  it('puts the projection that ends latest first', () => {
    const base = { region: 'US', occupation: 'x', source: 's' };
    const ordered = latestPeriodFirst([
      { ...base, percent: 2, from: 2019, to: 2029 },
      { ...base, percent: -2, from: 2024, to: 2034 },
    ]);
    expect(ordered.map((f) => f.to)).toEqual([2034, 2029]);
  });
});
