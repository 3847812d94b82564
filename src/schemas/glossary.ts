/** Glossary terms: one YAML file per term in content/glossary/. */
import { z } from 'astro/zod';
import { expects, prose, ref, refList, type SchemaContext } from './common.ts';

export const glossarySchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** The term as readers see it, e.g. "Front of house". */
    term: prose(60),
    /** One or two plain sentences. */
    definition: prose(500),
    /** Abbreviations and other names, e.g. FOH; searchable. */
    aliases: z.array(prose(60)).default([]),
    /** Other glossary terms worth reading next. */
    related: refList(ctx, 'glossary').default([]),
    /** Id of a source whose own text contains this definition. */
    source: ref(ctx, 'sources').optional(),
    /** true when the editors wrote the definition and no cited source contains it; readers see it labelled so. */
    ownDefinition: z.boolean({ error: expects('true or false') }).default(false),
  })
  .refine((t) => !(t.source !== undefined && t.ownDefinition), {
    error: 'is true, which says no source contains the definition; remove source, or remove ownDefinition if the source does contain it',
    path: ['ownDefinition'],
  });

export type GlossaryTerm = z.output<ReturnType<typeof glossarySchema>>;
