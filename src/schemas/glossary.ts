/** Glossary terms: one YAML file per term in content/glossary/. */
import { z } from 'astro/zod';
import { prose, ref, refList, type SchemaContext } from './common.ts';

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
    /** Id of a source that uses or supports the definition, when one applies. */
    source: ref(ctx, 'sources').optional(),
  });

export type GlossaryTerm = z.output<ReturnType<typeof glossarySchema>>;
