/**
 * A second lock on the door: before the MDX compiler sees a content file, in
 * `astro dev` as well as `astro build`, its body is parsed and held to the safe
 * subset (no imports, expressions, spreads, code attribute values, raw HTML or
 * unsafe addresses). The validator already refuses all of this when a build
 * starts; the editing server does not run the validator, and content from a
 * pull request must not run code on an editor's machine either.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Plugin } from 'vite';
import { OPEN_CONTEXT } from '../schemas/common.ts';
import { parseBody } from '../lib/mdx-tree.ts';
import { checkBody, componentSchemas } from '../lib/validate/body-rules.ts';
import { diskImageFiles } from '../lib/validate/image-files.ts';
import { checkImages, IMAGE_COLLECTIONS } from '../lib/validate/images.ts';
import { idFromFileName } from '../schemas/collections.ts';
import type { CollectionName } from '../schemas/common.ts';
import { mdxSyntaxMessage } from '../lib/validate/mdx-syntax.ts';

export function mdxGuard(contentDir: string): Plugin {
  // References are checked by the validator; here only what could run or inject code matters.
  const schemas = componentSchemas(OPEN_CONTEXT);
  // An image address is an import the compiler follows, so it is held to the validator's rules here too.
  const images = diskImageFiles(contentDir.slice(0, contentDir.length - 'content/'.length));
  return {
    name: 'handbook:mdx-guard',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx') || !file.startsWith(contentDir) || id.includes('?')) return undefined;
      // Only the file as written (frontmatter first); modules other plugins derive from it are not MDX source.
      if (!code.replace(/^\uFEFF/, '').startsWith('---')) return undefined;
      // The frontmatter is blanked to spaces, as @astrojs/mdx does, so lines and columns are the file's own.
      const { content } = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
      const rel = file.slice(contentDir.length - 'content/'.length);
      const [, collection, name, deeper] = rel.split('/');
      const parsed = parseBody(content);
      const problems = parsed.ok
        ? checkBody(parsed.tree, content, 1, schemas).problems.filter((p) => !/unknown .* id/.test(p.message))
        : [{ line: parsed.line, column: parsed.column, message: mdxSyntaxMessage(parsed.message, content, parsed, 1) }];
      if (parsed.ok && !deeper && name && IMAGE_COLLECTIONS.includes(collection as CollectionName)) {
        const entry = { collection: collection as CollectionName, id: idFromFileName(name) };
        problems.push(...checkImages(parsed.tree, entry, images, new Set()));
      }
      if (problems.length === 0) return undefined;
      throw new Error(problems.map((p) => `${rel}:${p.line}:${p.column} body: ${p.message}`).join('\n'));
    },
  };
}
