/** Glossary terms: one YAML file per term in content/glossary/. */
import { z } from 'astro/zod';
import { prose, ref, refList, type SchemaContext } from './common.ts';

export const glossarySchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** The term as readers see it, e.g. "Front of house". */
    term: prose('term', 60),
    /** One or two plain sentences. */
    definition: prose('definition', 500),
    /** Abbreviations and other names, e.g. FOH; searchable. */
    aliases: z.array(prose('aliases', 60)).default([]),
    /** Other glossary terms worth reading next. */
    related: refList(ctx, 'glossary', 'related').default([]),
    /** Id of a source whose own text contains this definition. */
    source: ref(ctx, 'sources', 'source').optional(),
    /** true when the editors wrote the definition and no cited source contains it; readers see it labelled so. */
    ownDefinition: z.boolean().default(false),
  })
  .refine((t) => !(t.source !== undefined && t.ownDefinition), {
    error:
      'ownDefinition: true says no source contains the definition, so remove source, or remove ownDefinition if the source does contain it',
    path: ['ownDefinition'],
  });

export type GlossaryTerm = z.output<ReturnType<typeof glossarySchema>>;
