import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { OPEN_CONTEXT, type SchemaContext } from '../../src/schemas/common.ts';
import { errorMap, issueText } from '../../src/schemas/messages.ts';
import { comparisonSchema } from '../../src/schemas/comparison.ts';
import { frameworkSchema } from '../../src/schemas/framework.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { programSchema } from '../../src/schemas/program.ts';
import { roleSchema } from '../../src/schemas/role.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

const ctx: SchemaContext = {
  ids: {
    roles: new Set(['audio-technician', 'sound-engineer']),
    sources: new Set(['bls-ooh-2025']),
    glossary: new Set(['gain-staging']),
  },
  today: new Date('2026-11-22T00:00:00Z'),
};

/** The messages of a failed parse, as editors read them: "path: message", the path put in front by issueText. */
function errors(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data, { error: errorMap });
  return result.success ? [] : result.error.issues.map(issueText);
}

const page = {
  title: 'T',
  description: 'A description that is long enough to pass the fifty character minimum.',
  published: '2026-01-01',
  updated: '2026-01-02',
};
const role = {
  ...page,
  careerStage: 'entry',
  settings: ['studio'],
  responsibilities: [{ text: 'Runs cables.', source: 'bls-ooh-2025' }],
};
const program = {
  ...page,
  provider: 'School',
  weeks: 29,
  hours: {
    total: 378,
    components: [
      { kind: 'instruction', label: 'Instruction', hours: 232 },
      { kind: 'lab', label: 'Lab', hours: 116 },
      { kind: 'internship', label: 'Internship', hours: 30 },
    ],
  },
  source: 'bls-ooh-2025',
};

describe('role schema', () => {
  it('accepts a minimal valid role and fills defaults', () => {
    const parsed = roleSchema(ctx).parse(role);
    expect(parsed.reportsTo).toEqual([]);
    expect(parsed.draft).toBe(false);
  });

  it('accepts a YAML date object for published, as js-yaml produces', () => {
    expect(roleSchema(ctx).parse({ ...role, published: new Date('2026-01-01T00:00:00Z') }).published).toBe('2026-01-01');
  });

  it('rejects unknown role and source ids with a suggestion', () => {
    expect(errors(roleSchema(ctx), { ...role, reportsTo: ['sound-enginer'] })).toEqual([
      'reportsTo[0]: names an unknown role id "sound-enginer"; did you mean "sound-engineer"?',
    ]);
    expect(errors(roleSchema(ctx), { ...role, responsibilities: [{ text: 'x', source: 'nowhere' }] })[0]).toMatch(
      /^responsibilities\[0\]\.source: names an unknown source id "nowhere"/,
    );
  });

  it('rejects impossible and future dates, and negative pay', () => {
    const pay = { amount: -1, per: 'year', basis: 'median', asOf: '2024-13', region: 'US', occupation: 'X', source: 'bls-ooh-2025' };
    expect(errors(roleSchema(ctx), { ...role, pay: [pay] })).toEqual([
      'pay[0].amount: must be greater than zero',
      'pay[0].asOf: "2024-13" is not a real date; write it as YYYY-MM-DD, YYYY-MM or YYYY',
    ]);
    expect(errors(roleSchema(ctx), { ...role, updated: '2027-01-01' })[0]).toMatch(/^updated: "2027-01-01" is in the future/);
    expect(errors(roleSchema(ctx), { ...role, published: '2026-02-30' })[0]).toMatch(/not a real date/);
  });

  it('rejects an update date before publication', () => {
    expect(errors(roleSchema(ctx), { ...role, updated: '2025-12-31' })).toEqual([
      'updated: is earlier than published; set it to the date of the last edit',
    ]);
  });

  it('requires a disagreement to have two positions', () => {
    const one = { topic: 'Who works live?', positions: [{ claim: 'The engineer.', source: 'bls-ooh-2025' }] };
    expect(errors(roleSchema(ctx), { ...role, disagreements: [one] })[0]).toMatch(/needs at least two positions/);
  });

  it('rejects descriptions outside 50–160 characters and unknown fields', () => {
    expect(errors(roleSchema(ctx), { ...role, description: 'Too short.' })[0]).toMatch(/at least 50 characters/);
    expect(errors(roleSchema(ctx), { ...role, salary: 1 })[0]).toMatch(/salary/);
  });

  it('accepts a pay range and rejects one whose upper end is not above the lower', () => {
    const pay = {
      amount: 18000,
      amountTo: 22000,
      currency: 'GBP',
      per: 'year',
      basis: 'starting',
      asOf: '2025-05',
      region: 'UK',
      occupation: 'X',
      source: 'bls-ooh-2025',
    };
    expect(errors(roleSchema(ctx), { ...role, pay: [pay] })).toEqual([]);
    expect(errors(roleSchema(ctx), { ...role, pay: [{ ...pay, amountTo: 18000 }] })).toEqual([
      'pay[0].amountTo: must be larger than amount; amount is the lower end of the range',
    ]);
  });

  it('takes a figure with no date only when it is marked undated, and never both', () => {
    const pay = {
      amount: 16000,
      amountTo: 35000,
      currency: 'GBP',
      per: 'year',
      basis: 'average',
      region: 'United Kingdom',
      occupation: 'X',
      source: 'bls-ooh-2025',
    };
    expect(errors(roleSchema(ctx), { ...role, pay: [{ ...pay, undated: true }] })).toEqual([]);
    expect(errors(roleSchema(ctx), { ...role, pay: [pay] })).toEqual([
      'pay[0].asOf: is required: write when the figure applies (e.g. 2024-05), or `undated: true` if the source shows no date',
    ]);
    expect(errors(roleSchema(ctx), { ...role, pay: [{ ...pay, asOf: '2024-05', undated: true }] })).toEqual([
      'pay[0].undated: cannot be used together with asOf; keep asOf if the source dates the figure, else remove asOf',
    ]);
    expect(errors(roleSchema(ctx), { ...role, pay: [{ ...pay, undated: false }] })[0]).toMatch(/^pay\[0\]\.undated: /);
  });

  it('keeps the role anatomy lists as cited statements', () => {
    const parsed = roleSchema(ctx).parse({ ...role, hearingSafety: [{ text: 'Wears earplugs.', source: 'bls-ooh-2025' }] });
    expect(parsed.hearingSafety).toEqual([{ text: 'Wears earplugs.', source: 'bls-ooh-2025' }]);
    expect(parsed.training).toEqual([]);
    expect(errors(roleSchema(ctx), { ...role, certifications: [{ text: 'x', source: 'nowhere' }] })[0]).toMatch(
      /^certifications\[0\]\.source: names an unknown source id "nowhere"/,
    );
  });

  it('rejects an outlook period that ends before it starts', () => {
    const outlook = { percent: 2, from: 2029, to: 2019, region: 'US', occupation: 'X', source: 'bls-ooh-2025' };
    expect(errors(roleSchema(ctx), { ...role, outlook: [outlook] })).toEqual([
      'outlook[0].to: must be a later year than from; the period runs from..to',
    ]);
  });
});

describe('program schema', () => {
  it('accepts hours that add up: 232 + 116 + 30 = 378', () => {
    expect(programSchema(ctx).parse(program).hours?.total).toBe(378);
  });

  it('rejects hour components that do not sum to the total, naming both numbers', () => {
    expect(errors(programSchema(ctx), { ...program, hours: { ...program.hours, total: 380 } })).toEqual([
      'hours.total: is 380 but the components add up to 378 (232 + 116 + 30); make the total equal the sum of the components',
    ]);
  });
});

describe('program schema: each unit is checked', () => {
  const { weeks: _weeks, hours: _hours, ...bare } = program;
  const credits = (unit: string, total: number, components: { label: string; credits: number }[] = []) => ({
    ...bare,
    credits: { unit, total, components },
  });

  it('keeps the clock-hour program valid and accepts a program stated only in months', () => {
    expect(programSchema(ctx).parse(program).weeks).toBe(29);
    expect(programSchema(ctx).parse({ ...bare, months: 24, lengthNote: 'typical duration to gateway' }).months).toBe(24);
  });

  it('accepts credits in each unit at the step that unit allows', () => {
    expect(programSchema(ctx).parse(credits('semester-credit-hours', 125)).credits?.total).toBe(125);
    expect(programSchema(ctx).parse(credits('units', 17.5)).credits?.unit).toBe('units');
    expect(programSchema(ctx).parse({ ...credits('uk-credits', 360), years: 3 }).years).toBe(3);
    expect(programSchema(ctx).parse({ ...bare, years: 3.5 }).years).toBe(3.5);
  });

  it('rejects a figure finer than its unit allows, naming the unit', () => {
    expect(errors(programSchema(ctx), credits('uk-credits', 362))).toEqual(['credits.total: credits come in steps of 5; found 362']);
    expect(errors(programSchema(ctx), credits('semester-credit-hours', 120.25))).toEqual([
      'credits.total: semester credit hours come in whole or half units; found 120.25',
    ]);
    expect(errors(programSchema(ctx), { ...bare, months: 24.5 })).toEqual(['months: must be a whole number']);
    expect(errors(programSchema(ctx), { ...bare, years: 3.25 })).toEqual(['years: must be a whole or half number of years, e.g. 3 or 3.5']);
  });

  it('rejects implausibly large figures per unit', () => {
    expect(errors(programSchema(ctx), credits('semester-credit-hours', 1200))).toEqual([
      'credits.total: 1200 semester credit hours is implausibly large (over 300); check for extra digits',
    ]);
    expect(errors(programSchema(ctx), { ...bare, months: 240 })).toEqual([
      'months: is implausibly large (over ten years); check the figure',
    ]);
  });

  it('rejects credit components that do not add up, and an unknown unit with a suggestion', () => {
    expect(errors(programSchema(ctx), credits('credit-hours', 120, [{ label: 'General education', credits: 30 }]))).toEqual([
      'credits.total: is 120 but the components add up to 30 (30); make the total equal the sum of the components, or leave components out',
    ]);
    expect(errors(programSchema(ctx), credits('semester-credit-hour', 120))[0]).toMatch(/Did you mean "semester-credit-hours"\?/);
  });

  it('asks for the length once, and for at least one figure', () => {
    expect(errors(programSchema(ctx), { ...program, months: 7 })).toEqual([
      'weeks: give the length once, in the unit the source uses: only one of weeks, months and years',
    ]);
    expect(errors(programSchema(ctx), bare)).toEqual([
      'hours: a program needs at least one figure from its source: weeks, months or years, hours (clock hours) or credits',
    ]);
  });
});

describe('comparison schema', () => {
  const cell = { text: 'x', source: 'bls-ooh-2025' };
  const comparison = { ...page, roles: ['audio-technician', 'sound-engineer'], dimensions: [{ dimension: 'Focus', values: [cell, cell] }] };

  it('accepts two roles with a cited cell for each', () => {
    expect(comparisonSchema(ctx).parse(comparison).roles).toEqual(['audio-technician', 'sound-engineer']);
  });

  it('rejects a row with a missing cell and a cell without a source', () => {
    expect(errors(comparisonSchema(ctx), { ...comparison, dimensions: [{ dimension: 'Focus', values: [cell] }] })[0]).toMatch(
      /^dimensions\[0\]\.values: must have exactly two cells/,
    );
    expect(
      errors(comparisonSchema(ctx), { ...comparison, dimensions: [{ dimension: 'Focus', values: [cell, { text: 'y' }] }] })[0],
    ).toMatch(
      /^dimensions\[0\]\.values\[1\]\.source: is required but missing; add the id of a source \(its file name in content\/sources\/, without \.yaml\)$/,
    );
  });

  it('rejects comparing a role with itself', () => {
    expect(errors(comparisonSchema(ctx), { ...comparison, roles: ['sound-engineer', 'sound-engineer'] })).toEqual([
      'roles: must name two different roles',
    ]);
  });
});

describe('framework schema (the JSON export format)', () => {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/schemas/framework-export.json'), 'utf8'));

  it('loads an export of the 1.0 shape unchanged, keeping fields it does not know', () => {
    const parsed = frameworkSchema(ctx).parse(fixture);
    expect(parsed.framework.levels.advanced.statements).toEqual(['Leadership — sets standards for a team.']);
    expect((parsed as Record<string, unknown>).futureField).toEqual({ added: 'by a newer generator' });
  });

  const seed = join(import.meta.dirname, '../../../shared/seeds/003_7b51b4d5ed545018.txt');
  it.skipIf(!existsSync(seed))('loads the real export from the seeds unchanged', () => {
    const parsed = frameworkSchema(OPEN_CONTEXT).parse(JSON.parse(readFileSync(seed, 'utf8')));
    expect(parsed.framework.levels.emerging.statements).toHaveLength(10);
    expect(parsed.occupation.soc).toBe('27-4014.00');
  });

  it('rejects another schemaVersion and a statement without the "Topic — description" dash', () => {
    expect(errors(frameworkSchema(ctx), { ...fixture, schemaVersion: '2.0' })[0]).toMatch(/^schemaVersion: must be "1.0"/);
    const levels = { ...fixture.framework.levels, emerging: { label: 'Emerging', statements: ['Setup - hyphen only'] } };
    expect(errors(frameworkSchema(ctx), { ...fixture, framework: { ...fixture.framework, levels } })[0]).toMatch(/Topic — description/);
  });
});

describe('glossary and source schemas', () => {
  it('checks related terms against the glossary', () => {
    expect(errors(glossarySchema(ctx), { term: 'Bussing', definition: 'd', related: ['gain-stagin'] })[0]).toMatch(
      /did you mean "gain-staging"/,
    );
  });

  it('accepts https source links and rejects javascript: links', () => {
    const source = { title: 'T', publisher: 'P', kind: 'article', licence: 'all-rights-reserved' };
    expect(sourceSchema(ctx).safeParse({ ...source, url: 'https://www.bls.gov/ooh/' }).success).toBe(true);
    expect(errors(sourceSchema(ctx), { ...source, url: 'javascript:alert(1)' })).toEqual(['url: must be a full https:// address']);
    expect(errors(sourceSchema(ctx), { ...source, kind: 'blog' })[0]).toMatch(/Did you mean "blog-post"/);
  });
});
