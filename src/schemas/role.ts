/** Role profiles: one MDX file per role in content/roles/. */
import { z } from 'astro/zod';
import {
  choice,
  cited,
  disagreement,
  expects,
  pageFields,
  prose,
  ref,
  refList,
  SETTINGS,
  updatedNotBeforePublished,
  type SchemaContext,
} from './common.ts';
import { outlookFigure, payFigure } from './figures.ts';

export const CAREER_STAGES = ['entry', 'entry-to-mid', 'mid', 'senior', 'occupation'] as const;
export const CAREER_STAGE_LABELS: Record<(typeof CAREER_STAGES)[number], string> = {
  entry: 'Entry level',
  'entry-to-mid': 'Entry to mid level',
  mid: 'Mid level',
  senior: 'Senior',
  occupation: 'Whole occupation (all stages)',
};

export const roleSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...pageFields(ctx),
      /** Other names for the role, each with the source that uses it. */
      alternateTitles: z.array(cited(ctx)).default([]),
      /** O*NET-SOC code of the occupation, such as 27-4014.00, when one applies. */
      onetSoc: z
        .string({ error: expects('a code such as 27-4014.00') })
        .regex(/^\d{2}-\d{4}\.\d{2}$/, { error: 'must look like 27-4014.00 (two digits, hyphen, four digits, dot, two digits)' })
        .optional(),
      /** The broader occupation (another role entry) this role belongs to. */
      occupation: ref(ctx, 'roles').optional(),
      /** Where on the career path the role sits. */
      careerStage: choice(CAREER_STAGES),
      /** Where the work happens; the first listed is the most typical. */
      settings: z
        .array(choice(SETTINGS))
        .min(1, { error: 'needs at least one setting' }),
      /** Roles this role usually reports to. */
      reportsTo: refList(ctx, 'roles').default([]),
      /** Roles people in this role usually move on to. */
      progressesTo: refList(ctx, 'roles').default([]),
      /** Other roles worth reading about. */
      related: refList(ctx, 'roles').default([]),
      /** What the role does, each duty cited. */
      responsibilities: z.array(cited(ctx)).min(1, {
        error: 'needs at least one cited duty',
      }),
      /** Skills the role needs, each cited. */
      skills: z.array(cited(ctx)).default([]),
      /** Education and training routes, each cited. */
      education: z.array(cited(ctx)).default([]),
      /** The usual way in, cited; shown in "At a glance". */
      entryRoute: cited(ctx).optional(),
      /** On-the-job training, apprenticeships and courses taken while working, each cited. */
      training: z.array(cited(ctx)).default([]),
      /** Experience employers look for before hiring into the role, each cited. */
      experience: z.array(cited(ctx)).default([]),
      /** Certifications, licenses and professional memberships that help, each cited. */
      certifications: z.array(cited(ctx)).default([]),
      /** Working hours and patterns (nights, weekends, touring, deadlines), each cited. */
      hours: z.array(cited(ctx)).default([]),
      /** Physical demands of the work (lifting, standing, travel), each cited. */
      physicalDemands: z.array(cited(ctx)).default([]),
      /** Noise exposure and how the role protects its hearing, each cited. */
      hearingSafety: z.array(cited(ctx)).default([]),
      /** Pay figures; pages list them newest first. */
      pay: z.array(payFigure(ctx)).default([]),
      /** Employment outlook figures; pages list them newest first. */
      outlook: z.array(outlookFigure(ctx)).default([]),
      /** Points where sources disagree about this role. */
      disagreements: z.array(disagreement(ctx)).default([]),
      /** Glossary terms the page uses, linked from the page. */
      terms: refList(ctx, 'glossary').default([]),
      /** Short caption for the role on the career path diagram. */
      pathLabel: prose(40).optional(),
    })
    .refine(updatedNotBeforePublished.check, updatedNotBeforePublished.params);

export type Role = z.output<ReturnType<typeof roleSchema>>;
