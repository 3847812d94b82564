/** Sources: one YAML file per cited document in content/sources/. */
import { z } from 'astro/zod';
import { choice, partialDate, prose, type SchemaContext } from './common.ts';

export const SOURCE_KINDS = [
  'article',
  'blog-post',
  'job-profile',
  'government-statistics',
  'occupational-database',
  'framework-export',
  'course-page',
  'apprenticeship-standard',
  'professional-body',
  'guidance',
] as const;

export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  article: 'Article',
  'blog-post': 'Blog post',
  'job-profile': 'Job profile',
  'government-statistics': 'Government statistics',
  'occupational-database': 'Occupational database',
  'framework-export': 'Competency framework export',
  'course-page': 'Course or program page',
  'apprenticeship-standard': 'Apprenticeship standard',
  'professional-body': 'Professional body, union or guild',
  guidance: 'Health and safety guidance',
};

export const sourceSchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** Title of the document. */
    title: prose(200),
    /** Who published it; "Unknown" when the copy we hold does not say. */
    publisher: prose(200),
    /** Publication or last-modified date, when known. */
    date: partialDate(ctx).optional(),
    /** What kind of document it is. */
    kind: choice(SOURCE_KINDS),
    /** Where to read it; https only. */
    url: z
      .url({ protocol: /^https$/, error: 'must be a full https:// address' })
      .optional(),
    /** The day an editor last read the page at its address, e.g. 2026-12-02. */
    accessed: partialDate(ctx).optional(),
    /** Licence or attribution the handbook must show. */
    licence: prose(400),
    /** The seed document this entry was made from, if any (e.g. 003_7b51b4d5ed545018.txt). */
    seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: 'must be a seed file name such as 003_7b51b4d5ed545018.txt' }).optional(),
    /** How reliable it is and what to keep in mind when citing it. */
    note: prose(500).optional(),
  });

export type Source = z.output<ReturnType<typeof sourceSchema>>;
