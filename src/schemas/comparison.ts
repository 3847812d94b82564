/** Comparisons: curated MDX on how two roles differ, in content/comparisons/. */
import { z } from 'astro/zod';
import { disagreement, pageFields, prose, ref, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';

/** One cell of the comparison table: a claim about one role, with its source. */
const cell = (ctx: SchemaContext, field: string) =>
  z.strictObject({
    /** What is true of this role on this dimension. */
    text: prose(`${field}.text`, 300),
    /** Id of the source that supports the cell. */
    source: ref(ctx, 'sources', `${field}.source`),
  });

export const comparisonSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** The two roles compared, in column order. */
      roles: z
        .tuple([ref(ctx, 'roles', 'roles'), ref(ctx, 'roles', 'roles')], {
          error: 'roles must list exactly two role ids, e.g. [audio-technician, sound-engineer]',
        })
        .refine(([a, b]) => a !== b, { error: 'roles must name two different roles' }),
      /** The rows of the comparison table. */
      dimensions: z
        .array(
          z.strictObject({
            /** What the row compares, e.g. "Main focus". */
            dimension: prose('dimensions.dimension', 60),
            /** One cell per role, in the order of `roles`. */
            values: z.tuple([cell(ctx, 'dimensions.values'), cell(ctx, 'dimensions.values')], {
              error: 'dimensions.values must have exactly two cells, one per role in `roles`',
            }),
          }),
        )
        .min(1, { error: 'dimensions needs at least one row' }),
      /** Points where sources disagree; shown as their own section. */
      disagreements: z.array(disagreement(ctx, 'disagreements')).default([]),
      /** Glossary terms the page uses. */
      terms: refList(ctx, 'glossary', 'terms').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Comparison = z.output<ReturnType<typeof comparisonSchema>>;
