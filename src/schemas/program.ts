/** Training programs and their clock hours, in content/programs/. */
import { z } from 'astro/zod';
import { choice, expects, pageFields, prose, ref, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';

export const HOUR_KINDS = ['instruction', 'lab', 'internship', 'other'] as const;

const hours = (field: string) =>
  z
    .number({ error: expects(field, 'a number of clock hours, e.g. 232') })
    .int({ error: `${field} must be a whole number of clock hours` })
    .positive({ error: `${field} must be greater than zero` })
    .max(20_000, { error: `${field} is implausibly large; check for extra digits` });

export const programSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** Who runs the program. */
      provider: prose('provider', 120),
      /** Where it is taught, when the source says. */
      location: prose('location', 120).optional(),
      /** Length of the program in weeks. */
      weeks: z
        .number({ error: expects('weeks', 'a number of weeks, e.g. 29') })
        .int({ error: 'weeks must be a whole number' })
        .positive({ error: 'weeks must be greater than zero' })
        .max(520, { error: 'weeks is implausibly large (over ten years); check the figure' }),
      /** Clock hours: the total, and the components that make it up. */
      hours: z
        .strictObject({
          /** Total clock hours as the provider states it. */
          total: hours('hours.total'),
          /** The parts of the total; they must add up to it. */
          components: z
            .array(
              z.strictObject({
                /** What kind of hours these are. */
                kind: choice('hours.components.kind', HOUR_KINDS),
                /** Label shown to readers, e.g. "Instruction". */
                label: prose('hours.components.label', 40),
                /** Clock hours of this kind. */
                hours: hours('hours.components.hours'),
              }),
            )
            .min(1, { error: 'hours.components needs at least one component' }),
        })
        .refine((h) => h.components.reduce((sum, c) => sum + c.hours, 0) === h.total, {
          error: (issue) => {
            const h = issue.input as { total: number; components: { hours: number }[] };
            const parts = h.components.map((c) => c.hours);
            const sum = parts.reduce((a, b) => a + b, 0);
            return `hours.total is ${h.total} but hours.components add up to ${sum} (${parts.join(' + ')}); make the total equal the sum of the components`;
          },
          path: ['total'],
        }),
      /** Id of the source that states the hours. */
      source: ref(ctx, 'sources', 'source'),
      /** Roles the program prepares people for. */
      roles: refList(ctx, 'roles', 'roles').default([]),
      /** Glossary terms the page uses. */
      terms: refList(ctx, 'glossary', 'terms').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Program = z.output<ReturnType<typeof programSchema>>;
