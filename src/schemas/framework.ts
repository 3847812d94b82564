/**
 * Competency frameworks in content/frameworks/, in the JSON export format
 * (schemaVersion 1.0) produced by framework generators such as LER.me.
 *
 * A real export must load unchanged, so unknown keys are allowed at every level
 * (a newer generator may add some) and every field the format defines is checked.
 * The handbook's own files may add a `handbook` block recording provenance.
 */
import { z } from 'astro/zod';
import { prose, ref, type SchemaContext } from './common.ts';

export const LEVEL_KEYS = ['emerging', 'developing', 'proficient', 'advanced'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/** Statements are written "Topic — description", with an em dash between spaces. */
export const STATEMENT_SEPARATOR = ' — ';

const statement = z
  .string({ error: 'must hold text' })
  .refine((s) => {
    const at = s.indexOf(STATEMENT_SEPARATOR);
    return at > 0 && at + STATEMENT_SEPARATOR.length < s.length;
  }, {
    error: 'must read "Topic — description", with an em dash (—) and a space either side',
  });

const level = () =>
  z.looseObject({
    /** Column heading for the level, e.g. "Emerging". */
    label: prose(40),
    /** What someone at this level can do, as "Topic — description". */
    statements: z.array(statement).min(1, { error: 'needs at least one statement' }),
  });

export const frameworkSchema = (ctx: SchemaContext) =>
  z.looseObject({
    /** Version of the export format; only 1.0 is understood. */
    schemaVersion: z.literal('1.0', { error: 'must be "1.0"; this is the only export format the handbook reads' }),
    /** When the export was generated (ISO 8601 timestamp). */
    exportedAt: z.iso.datetime({ error: 'must be an ISO 8601 timestamp such as 2026-05-15T12:38:45.589Z' }),
    /** The occupation the framework describes. */
    occupation: z.looseObject({
      /** O*NET-SOC code, e.g. 27-4014.00. */
      soc: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, { error: 'must look like 27-4014.00' }),
      /** O*NET occupation title. */
      title: prose(120),
      /** Occupation group, e.g. "Arts, Design, Entertainment, Sports & Media". */
      group: prose(120).optional(),
      /** Industry sector code. */
      sector: z.string().optional(),
      /** O*NET Job Zone, 1 (little preparation) to 5 (extensive). */
      jobZone: z.number().int().min(1, { error: 'must be 1 to 5' }).max(5, { error: 'must be 1 to 5' }).optional(),
      /** Whether the generator inferred the Job Zone rather than reading it from O*NET. */
      jobZoneInferred: z.boolean().optional(),
    }),
    /** The framework itself: its version, description and four levels. */
    framework: z.looseObject({
      /** The framework's own version string, e.g. v.26.05. */
      version: z.string().min(1, { error: 'must not be empty' }),
      /** Free-text description; exports often leave it empty. */
      description: z.string().default(''),
      /** What practice the framework covers. */
      contextCovered: z.string().optional(),
      /** The four levels, from emerging to advanced. */
      levels: z.strictObject({
        /** The first of the four levels, usually labelled "Emerging". */
        emerging: level(),
        /** The second level, usually labelled "Developing". */
        developing: level(),
        /** The third level, usually labelled "Proficient". */
        proficient: level(),
        /** The fourth and highest level, usually labelled "Advanced". */
        advanced: level(),
      }, { error: 'must have exactly emerging, developing, proficient and advanced' }),
    }),
    /** What the generator built on, e.g. the O*NET release. */
    sources: z.record(z.string(), z.string()).default({}),
    /** Copyright or attribution line of the framework's publisher. */
    attribution: z.string().optional(),
    /** Handbook-only provenance; absent from raw exports. */
    handbook: z
      .strictObject({
        /** Page title for the matrix. */
        title: prose(90),
        /** One-sentence summary for listings and meta tags. */
        description: prose(160),
        /** Id of the source entry for the original export. */
        source: ref(ctx, 'sources'),
        /** Id of the O*NET source entry the export builds on. */
        onetSource: ref(ctx, 'sources'),
        /** How the handbook changed the original (the CC BY license asks for this). */
        adaptation: prose(500),
        /** Date of the last edit to the handbook's version, YYYY-MM-DD. */
        updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be written as YYYY-MM-DD' }),
      })
      .optional(),
  });

export type Framework = z.output<ReturnType<typeof frameworkSchema>>;

/** Splits "Topic — description" into its parts. */
export function splitStatement(s: string): { topic: string; text: string } {
  const at = s.indexOf(STATEMENT_SEPARATOR);
  return { topic: s.slice(0, at).trim(), text: s.slice(at + STATEMENT_SEPARATOR.length).trim() };
}
