/** Training programs and their clock hours, in content/programs/. */
import { z } from 'astro/zod';
import { choice, expects, pageFields, prose, ref, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';

export const HOUR_KINDS = ['instruction', 'lab', 'internship', 'other'] as const;

const hours = () =>
  z
    .number({ error: expects('a number of clock hours, e.g. 232') })
    .int({ error: 'must be a whole number of clock hours' })
    .positive({ error: 'must be greater than zero' })
    .max(20_000, { error: 'is implausibly large; check for extra digits' });

export const programSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** Who runs the program. */
      provider: prose(120),
      /** Where it is taught, when the source says. */
      location: prose(120).optional(),
      /** Length of the program in weeks. */
      weeks: z
        .number({ error: expects('a number of weeks, e.g. 29') })
        .int({ error: 'must be a whole number' })
        .positive({ error: 'must be greater than zero' })
        .max(520, { error: 'is implausibly large (over ten years); check the figure' }),
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
        }),
      /** Id of the source that states the hours. */
      source: ref(ctx, 'sources'),
      /** Roles the program prepares people for. */
      roles: refList(ctx, 'roles').default([]),
      /** Glossary terms the page uses. */
      terms: refList(ctx, 'glossary').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Program = z.output<ReturnType<typeof programSchema>>;
