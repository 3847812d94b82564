/** Long-form guides in content/guides/. */
import { z } from 'astro/zod';
import { pageFields, refList, updatedNotBeforePublished, type SchemaContext } from './common.ts';

export const guideSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** Roles the guide is about; the guide is linked from their pages. */
      roles: refList(ctx, 'roles').default([]),
      /** Sources the guide cites in its body. */
      sources: refList(ctx, 'sources').min(1, {
        error: 'needs at least one source id; every guide is cited',
      }),
      /** Glossary terms the guide uses. */
      terms: refList(ctx, 'glossary').default([]),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Guide = z.output<ReturnType<typeof guideSchema>>;
