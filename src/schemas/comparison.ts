/** Comparisons: curated MDX on how two roles differ, in content/comparisons/. */
import { z } from 'astro/zod';
import { disagreement, pageFields, prose, ref, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';

/** One cell of the comparison table: a claim about one role, with its source. */
const cell = (ctx: SchemaContext) =>
  z.strictObject({
    /** What is true of this role on this dimension. */
    text: prose(300),
    /** Id of the source that supports the cell. */
    source: ref(ctx, 'sources'),
  });

export const comparisonSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** The two roles compared, in column order. */
      roles: z
        .tuple([ref(ctx, 'roles'), ref(ctx, 'roles')], {
          error: 'must list exactly two role ids, e.g. [audio-technician, sound-engineer]',
        })
        .refine(([a, b]) => a !== b, { error: 'must name two different roles' }),
      /** The rows of the comparison table. */
      dimensions: z
        .array(
          z.strictObject({
            /** What the row compares, e.g. "Main focus". */
            dimension: prose(60),
            /** One cell per role, in the order of `roles`. */
            values: z.tuple([cell(ctx), cell(ctx)], {
              error: 'must have exactly two cells, one per role in `roles`',
            }),
          }),
        )
        .min(1, { error: 'needs at least one row' }),
      /** Points where sources disagree; shown as their own section. */
      disagreements: z.array(disagreement(ctx)).default([]),
      /** Glossary terms the page uses. */
      terms: refList(ctx, 'glossary').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Comparison = z.output<ReturnType<typeof comparisonSchema>>;
