/**
 * The registry (`registry.ts`) with each collection's schema beside it.
 * `src/content.config.ts` builds Astro collections from it and `npm run validate`
 * walks content/ with it, so the two can never disagree about what gets loaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { z } from 'astro/zod';
import type { SchemaContext } from './common.ts';
import { comparisonSchema } from './comparison.ts';
import { frameworkSchema } from './framework.ts';
import { glossarySchema } from './glossary.ts';
import { guideSchema } from './guide.ts';
import { programSchema } from './program.ts';
import { COLLECTIONS, CONTENT_DIR, REGISTRY, type CollectionName } from './registry.ts';
import { roleSchema } from './role.ts';
import { sourceSchema } from './source.ts';

export { CONTENT_DIR };

/** One schema per collection; the compiler asks for a new collection's schema here. */
const SCHEMAS = {
  roles: roleSchema,
  comparisons: comparisonSchema,
  guides: guideSchema,
  programs: programSchema,
  frameworks: frameworkSchema,
  glossary: glossarySchema,
  sources: sourceSchema,
} as const satisfies Record<CollectionName, (ctx: SchemaContext) => z.ZodType>;

type Defs = {
  [K in CollectionName]: (typeof REGISTRY)[K] & {
    /** Folder under content/: always the collection's name. */
    dir: K;
    schema: (typeof SCHEMAS)[K];
  };
};
export type CollectionDef = Defs[CollectionName];

export const COLLECTION_DEFS = Object.fromEntries(
  COLLECTIONS.map((c) => [c, { ...REGISTRY[c], dir: c, schema: SCHEMAS[c] }]),
) as Defs;

/** The glob pattern Astro's loader uses: flat folders, one extension. */
export const globPattern = (def: { extension: string }) => `*${def.extension}`;

/** An entry's id is its file name without the extension. */
export const idFromFileName = (fileName: string) => fileName.slice(0, fileName.length - extname(fileName).length);

/**
 * Lists the ids present on disk, so schemas can check references before Astro
 * has loaded anything. Reads directory names only, which is cheap even at
 * ten thousand files.
 */
export function scanIds(contentRoot: string, today?: Date): SchemaContext {
  const ids: SchemaContext['ids'] = {};
  for (const name of COLLECTIONS) {
    const def = COLLECTION_DEFS[name];
    const dir = join(contentRoot, def.dir);
    const found = new Set<string>();
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      // A missing folder is an empty collection, not an error.
    }
    for (const file of files) {
      if (extname(file) === def.extension && statSync(join(dir, file)).isFile()) found.add(idFromFileName(file));
    }
    ids[name] = found;
  }
  return today ? { ids, today } : { ids };
}
