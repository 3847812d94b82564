/**
 * Packages that only some runs of the validator need, loaded on first use instead of with it: `npm run validate`
 * loads about 300 modules before it checks a file, and these two would add about a hundred of them (bench/README.md)
 * for work most runs never do. Types come from the packages as usual; only the loading waits.
 */
import { createRequire } from 'node:module';
import type * as ImageSize from 'image-size';
import type * as Yaml from 'yaml';

const requireHere = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;
/** The position-keeping YAML parser: only to place a problem, or to read comments, in the few files that have them. */
export const yamlPackage = (): typeof Yaml => (yaml ??= requireHere('yaml') as typeof Yaml);

let imageSize: typeof ImageSize | undefined;
/** Reads an image's dimensions: only for pages that show images. */
export const imageSizePackage = (): typeof ImageSize => (imageSize ??= requireHere('image-size') as typeof ImageSize);
