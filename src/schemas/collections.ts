/**
 * The one list of collections: where each lives under content/, which file
 * extensions it loads and which schema checks it. `src/content.config.ts`
 * builds Astro collections from it and `npm run validate` walks content/ with
 * it, so the two can never disagree about what gets loaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type SchemaContext } from './common.ts';
import { comparisonSchema } from './comparison.ts';
import { frameworkSchema } from './framework.ts';
import { glossarySchema } from './glossary.ts';
import { guideSchema } from './guide.ts';
import { programSchema } from './program.ts';
import { roleSchema } from './role.ts';
import { sourceSchema } from './source.ts';

export interface CollectionDef {
  /** Folder under content/. */
  dir: string;
  /** The one file extension the collection loads. */
  extension: '.mdx' | '.yaml' | '.json';
  /** What an entry is, for messages and documentation. */
  noun: string;
  schema: (ctx: SchemaContext) => z.ZodType;
}

export const CONTENT_DIR = 'content';

export const COLLECTION_DEFS: Record<CollectionName, CollectionDef> = {
  roles: { dir: 'roles', extension: '.mdx', noun: 'role profile', schema: roleSchema },
  comparisons: { dir: 'comparisons', extension: '.mdx', noun: 'comparison', schema: comparisonSchema },
  guides: { dir: 'guides', extension: '.mdx', noun: 'guide', schema: guideSchema },
  programs: { dir: 'programs', extension: '.mdx', noun: 'training program', schema: programSchema },
  frameworks: { dir: 'frameworks', extension: '.json', noun: 'competency framework', schema: frameworkSchema },
  glossary: { dir: 'glossary', extension: '.yaml', noun: 'glossary term', schema: glossarySchema },
  sources: { dir: 'sources', extension: '.yaml', noun: 'source', schema: sourceSchema },
};

/** The glob pattern Astro's loader uses: flat folders, one extension. */
export const globPattern = (def: CollectionDef) => `*${def.extension}`;

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
