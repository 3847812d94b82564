import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { CollectionName } from './schemas/common.ts';
import { COLLECTION_DEFS, CONTENT_DIR, globPattern, idFromFileName, scanIds } from './schemas/collections.ts';
import { comparisonSchema } from './schemas/comparison.ts';
import { frameworkSchema } from './schemas/framework.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { guideSchema } from './schemas/guide.ts';
import { programSchema } from './schemas/program.ts';
import { roleSchema } from './schemas/role.ts';
import { sourceSchema } from './schemas/source.ts';

// References are checked against the files on disk, exactly as `npm run validate` checks them.
const context = scanIds(CONTENT_DIR);

function loader(name: CollectionName) {
  const def = COLLECTION_DEFS[name];
  return glob({
    pattern: globPattern(def),
    base: `./${CONTENT_DIR}/${def.dir}`,
    // Keep the id equal to the file name; the validator rejects names that are not already clean ids.
    generateId: ({ entry }) => idFromFileName(entry),
    // Bodies stay out of Astro's data store, which Vite bundles into one module: at +1,000 MDX pages that
    // module was 5 MB and the build's peak memory 175 MB higher. Pages get each body from the validator's
    // reading instead (bodyOfFile in src/lib/mdx-tree.ts, through src/lib/content.ts).
    retainBody: false,
  });
}

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
}

/**
 * Astro's YAML and MDX readers skip a byte-order mark but its JSON reader
 * fails on one, and Windows tools often write one. The validator accepts a BOM
 * everywhere, so the build must too: this strips it before the JSON reader sees
 * the text. The readers are reached through the loader context's `entryTypes`,
 * which Astro passes but does not type; if that ever goes away the loader runs
 * unchanged and tests/build/bad-content.test.ts (case bom-json) fails.
 */
function acceptByteOrderMark(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      if (!entryTypes) return loader.load(context);
      const stripped = new Map(
        [...entryTypes].map(([ext, type]) => [
          ext,
          {
            ...type,
            getEntryInfo: (params: { contents: string; fileUrl: URL }) =>
              type.getEntryInfo({ ...params, contents: params.contents.replace(/^\uFEFF/, '') }),
          },
        ]),
      );
      return loader.load({ ...context, entryTypes: stripped } as LoaderContext);
    },
  };
}

// Written out one by one (not mapped) so Astro can infer each collection's entry type.
export const collections = {
  roles: defineCollection({ loader: loader('roles'), schema: roleSchema(context) }),
  comparisons: defineCollection({ loader: loader('comparisons'), schema: comparisonSchema(context) }),
  guides: defineCollection({ loader: loader('guides'), schema: guideSchema(context) }),
  programs: defineCollection({ loader: loader('programs'), schema: programSchema(context) }),
  frameworks: defineCollection({ loader: acceptByteOrderMark(loader('frameworks')), schema: frameworkSchema(context) }),
  glossary: defineCollection({ loader: loader('glossary'), schema: glossarySchema(context) }),
  sources: defineCollection({ loader: loader('sources'), schema: sourceSchema(context) }),
};
