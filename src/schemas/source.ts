/** Sources: one YAML file per cited document in content/sources/. */
import { z } from 'astro/zod';
import { choice, partialDate, prose, type SchemaContext } from './common.ts';
import { didYouMean } from './did-you-mean.ts';
import { LICENCE_IDS, type LicenceId } from './licences.ts';
import { describeValue } from './messages.ts';

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

/** The licence id a sentence about a licence most likely means ("All rights reserved by …", "CC BY-SA 4.0"). */
function licenceIn(text: string): LicenceId | undefined {
  const words = text.toUpperCase().replace(/[\s_]+/g, '-');
  const spdx = [...LICENCE_IDS].sort((a, b) => b.length - a.length).find((id) => words.includes(id.toUpperCase()));
  if (spdx) return spdx;
  const lower = text.toLowerCase();
  if (lower.includes('all rights reserved') || text.includes('©')) return 'all-rights-reserved';
  if (lower.includes('public domain') && /federal|u\.s\.|united states/.test(lower)) return 'public-domain-us-gov';
  return undefined;
}

const LICENCE_HELP =
  'write all-rights-reserved when the document states no licence (most web pages), public-domain-us-gov for a work of the U.S. federal government, or the SPDX id of the licence it states';

/** A licence id, with a message that says exactly what to write, even for a sentence pasted from an older entry. */
const licence = () =>
  z.enum(LICENCE_IDS, {
    error: (issue) => {
      if (issue.input === undefined) return `is required but missing; ${LICENCE_HELP} (one of: ${LICENCE_IDS.join(', ')})`;
      const text = typeof issue.input === 'string' ? issue.input : '';
      const guess = text.includes(' ') ? licenceIn(text) : (didYouMean(text, LICENCE_IDS) ?? licenceIn(text));
      const fix = guess
        ? text.includes(' ')
          ? `write licence: ${guess}, and move the sentence into attribution`
          : `did you mean "${guess}"?`
        : LICENCE_HELP;
      return `must be a licence id, one of: ${LICENCE_IDS.join(', ')}; found ${describeValue(issue.input)}. ${fix[0]!.toUpperCase()}${fix.slice(1)}`;
    },
  });

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
    /** The document's license, as an id: all-rights-reserved when it states none, or an SPDX id such as CC-BY-4.0. */
    licence: licence(),
    /** The credit line the license asks for, or who holds the rights and what the handbook reuses, in words. */
    attribution: prose(600).optional(),
    /** The seed document this entry was made from, if any (e.g. 003_7b51b4d5ed545018.txt). */
    seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: 'must be a seed file name such as 003_7b51b4d5ed545018.txt' }).optional(),
    /** How reliable it is and what to keep in mind when citing it. */
    note: prose(500).optional(),
  });

export type Source = z.output<ReturnType<typeof sourceSchema>>;
