/** Training programs: their length, clock hours or credits, in content/programs/. Units: program-units.ts. */
import { z } from 'astro/zod';
import { choice, expects, pageFields, prose, ref, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';
import { CREDIT_UNIT_IDS, CREDIT_UNITS, DURATION_FIELDS, DURATION_UNITS, type CreditUnitId, type DurationUnit } from './program-units.ts';

export const HOUR_KINDS = ['instruction', 'lab', 'internship', 'other'] as const;

const hours = () =>
  z
    .number({ error: expects('a number of clock hours, e.g. 232') })
    .int({ error: 'must be a whole number of clock hours' })
    .positive({ error: 'must be greater than zero' })
    .max(20_000, { error: 'is implausibly large; check for extra digits' });

const duration = (field: DurationUnit) => {
  const unit = DURATION_UNITS[field];
  const base = z
    .number({ error: expects(`a number of ${unit.plural}, e.g. ${unit.example}`) })
    .positive({ error: 'must be greater than zero' })
    .max(unit.max, { error: 'is implausibly large (over ten years); check the figure' });
  return unit.step === 1
    ? base.int({ error: 'must be a whole number' })
    : base.multipleOf(unit.step, { error: `must be a whole or half number of ${unit.plural}, e.g. 3 or 3.5` });
};

const creditAmount = () =>
  z.number({ error: expects('a number of credits, e.g. 120') }).positive({ error: 'must be greater than zero' });

/** Per-unit checks on credits: the step the unit allows and a plausible ceiling. */
function creditProblem(unit: CreditUnitId, total: number, parts: number[]): string | undefined {
  const u = CREDIT_UNITS[unit];
  for (const n of [total, ...parts]) {
    if (n > u.max) return `${n} ${u.plural} is implausibly large (over ${u.max}); check for extra digits`;
    if (Math.abs(n / u.step - Math.round(n / u.step)) > 1e-9)
      return u.step === 0.5 ? `${u.plural} come in whole or half units; found ${n}` : `${u.plural} come in steps of ${u.step}; found ${n}`;
  }
  return undefined;
}

export const programSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** Who runs the program. */
      provider: prose(120),
      /** Where it is taught, when the source says. */
      location: prose(120).optional(),
      /** What completing it earns, in the source's words, e.g. "Certificate of Achievement". */
      award: prose(120).optional(),
      /** Length in weeks, when the source states weeks. Give only one of weeks, months and years. */
      weeks: duration('weeks').optional(),
      /** Length in months, when the source states months (e.g. an apprenticeship's 24 months). */
      months: duration('months').optional(),
      /** Length in years, when the source states years (e.g. a three-year degree); halves allowed. */
      years: duration('years').optional(),
      /** What the length means, in the source's words, e.g. "typical duration to gateway" or "full time". */
      lengthNote: prose(120).optional(),
      /** Clock hours: the total, and the components that make it up. */
      hours: z
        .strictObject({
          /** Total clock hours as the provider states it. */
          total: hours(),
          /** The parts of the total; they must add up to it. */
          components: z
            .array(
              z.strictObject({
                /** What kind of hours these are. */
                kind: choice(HOUR_KINDS),
                /** Label shown to readers, e.g. "Instruction". */
                label: prose(40),
                /** Clock hours of this kind. */
                hours: hours(),
              }),
            )
            .min(1, { error: 'needs at least one component' }),
        })
        .refine((h) => h.components.reduce((sum, c) => sum + c.hours, 0) === h.total, {
          error: (issue) => {
            const h = issue.input as { total: number; components: { hours: number }[] };
            const parts = h.components.map((c) => c.hours);
            const sum = parts.reduce((a, b) => a + b, 0);
            return `is ${h.total} but the components add up to ${sum} (${parts.join(' + ')}); make the total equal the sum of the components`;
          },
          path: ['total'],
        })
        .optional(),
      /** Academic credit, in the unit the source uses (semester credit hours, units, UK credits...). */
      credits: z
        .strictObject({
          /** Which unit of credit the source counts in. */
          unit: choice(CREDIT_UNIT_IDS),
          /** Total credits as the source states it. */
          total: creditAmount(),
          /** Parts of the total that the source lists; when given, they must add up to it. */
          components: z
            .array(
              z.strictObject({
                /** Label shown to readers, e.g. "General education". */
                label: prose(60),
                /** Credits in this part. */
                credits: creditAmount(),
              }),
            )
            .default([]),
        })
        .superRefine((c, rc) => {
          const parts = c.components.map((p) => p.credits);
          const problem = creditProblem(c.unit, c.total, parts);
          if (problem) rc.addIssue({ code: 'custom', message: problem, path: ['total'] });
          const sum = parts.reduce((a, b) => a + b, 0);
          if (parts.length && Math.abs(sum - c.total) > 1e-9)
            rc.addIssue({
              code: 'custom',
              message: `is ${c.total} but the components add up to ${sum} (${parts.join(' + ')}); make the total equal the sum of the components, or leave components out`,
              path: ['total'],
            });
        })
        .optional(),
      /** Id of the source that states the length, hours or credits. */
      source: ref(ctx, 'sources'),
      /** Roles the program prepares people for. */
      roles: refList(ctx, 'roles').default([]),
      /** Glossary terms the page uses. */
      terms: refList(ctx, 'glossary').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params)
    .refine((p) => DURATION_FIELDS.filter((f) => p[f] !== undefined).length <= 1, {
      error: 'give the length once, in the unit the source uses: only one of weeks, months and years',
      path: ['weeks'],
    })
    .refine((p) => p.hours || p.credits || DURATION_FIELDS.some((f) => p[f] !== undefined), {
      error: 'a program needs at least one figure from its source: weeks, months or years, hours (clock hours) or credits',
      path: ['hours'],
    });

export type Program = z.output<ReturnType<typeof programSchema>>;
