/**
 * Images in content. A page's images live in a folder named after the page,
 * beside it, and are shown with a short relative address:
 *
 *   content/guides/signal-flow.mdx         ![A desk's input strip](./signal-flow/input-strip.png)
 *   content/guides/signal-flow/input-strip.png
 *
 * @astrojs/mdx turns a relative image address into an import of that file and
 * renders it with astro:assets' <Image>, so it is resized, converted to WebP and
 * given its width and height at build time. An import reads a file from disk,
 * and content is untrusted, so an address is accepted only in exactly that
 * form (no "..", no "?raw", no other page's folder), and the file is opened
 * only if it is a regular file inside content/ (never through a link).
 *
 * Each image is checked at the line that shows it: the file exists, has alt
 * text, is a PNG, JPEG, WebP or AVIF whose bytes match its name, and is of a
 * sensible size. SVG is refused: an SVG file can carry script.
 */
import { basename, extname, posix } from 'node:path';
import { imageSizePackage } from '../load-later.ts';
import { COLLECTION_DEFS } from '../../schemas/collections.ts';
import { COLLECTIONS, ID_PATTERN, type CollectionName } from '../../schemas/common.ts';
import { didYouMean } from '../../schemas/did-you-mean.ts';
import { MAX_IMAGE_BYTES, type ImageFiles } from './image-files.ts';
import { attribute, isJsx, walk, type MdxNode } from '../mdx-tree.ts';
import type { Located } from './parse-source.ts';
import { slugify } from './read-files.ts';
import { checkUrl } from './urls.ts';

/** Extensions recognised as images, so a misplaced or unsupported one gets an image's message, not a content file's. */
const IMAGE_LIKE = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.avif',
  '.gif',
  '.svg',
  '.bmp',
  '.tif',
  '.tiff',
  '.heic',
  '.heif',
  '.jfif',
  '.ico',
]);
/** The formats accepted, by extension, as image-size names what it finds in the bytes. */
const ACCEPTED: Record<string, string> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg', '.webp': 'webp', '.avif': 'avif' };
const FORMAT_NAMES: Record<string, string> = {
  png: 'PNG',
  jpg: 'JPEG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
  svg: 'SVG',
  tiff: 'TIFF',
  bmp: 'BMP',
  heif: 'HEIF',
  ico: 'icon',
};
const EXTENSION_OF: Record<string, string> = { png: '.png', jpg: '.jpg', webp: '.webp', avif: '.avif' };

/** Pages show an image at most 1,100 px wide (the wide measure); twice that covers sharp screens. */
export const MAX_IMAGE_SIDE = 2400;

/** Collections whose pages are written in MDX, and so can show images. */
export const IMAGE_COLLECTIONS: readonly CollectionName[] = COLLECTIONS.filter((c) => COLLECTION_DEFS[c].extension === '.mdx');
const IMAGE_FOLDERS = IMAGE_COLLECTIONS.map((c) => `content/${c}/<page-id>/`).join(', ');

export const isImagePath = (path: string) => IMAGE_LIKE.has(extname(path).toLowerCase());

const ALT_PLACEHOLDERS = /^(image|img|picture|photo|photograph|screenshot|figure|diagram|alt|alt text|todo|untitled)$/i;

const example = (id: string, name = 'name.png', alt = 'what the image shows') => `![${alt}](./${id}/${name})`;

const SHOW_IN_MARKDOWN = 'show an image in Markdown as ![what it shows](./page-id/name.png), the file in a folder named after the page';
/** The fix for an HTML image tag, wherever it is reported (here, and for an unclosed tag in html-fixes.ts). */
export const IMAGE_FIX = `${SHOW_IN_MARKDOWN}, and write its caption as a sentence below it (see "Images" in CONTRIBUTING.md)`;

/** What to write instead of an HTML or JSX image tag pasted from elsewhere (<img>, <figure>, Astro's <Image>, inline <svg>). */
export function imageTagMessage(name: string): string | undefined {
  if (/^svg$/i.test(name))
    return `inline SVG (<${name}>) is not allowed in content, because SVG can carry script; export the drawing as PNG and ${SHOW_IN_MARKDOWN} (see "Images" in CONTRIBUTING.md)`;
  if (/^(img|image|picture|figure)$/i.test(name)) return `<${name}> is not allowed in content; ${IMAGE_FIX}`;
  return undefined;
}

/**
 * The images one page shows, checked at their lines. `attempted` collects every
 * file a page tried to show, so a misplaced file is reported once, at the line
 * that shows it, and not again as an unused file.
 */
export function checkImages(
  tree: MdxNode,
  entry: { collection: CollectionName; id: string },
  files: ImageFiles,
  attempted: Set<string>,
): Located[] {
  const problems: Located[] = [];
  walk(tree, (node) => {
    if (isJsx(node) && /^img$/i.test(node.name ?? '')) {
      // body-rules.ts refuses the tag; the file it names is not reported a second time as unused.
      const src = attribute(node, 'src');
      if (src && !/^[a-z][a-z0-9+.-]*:|^[/\\#]/i.test(src))
        attempted.add(posix.normalize(posix.join(`content/${entry.collection}`, src.split(/[?#]/)[0]!)));
      return false;
    }
    if (node.type !== 'image' && node.type !== 'imageReference') return undefined;
    const report = (message: string) =>
      problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, field: 'body', message });
    const alt = ((node as { alt?: string | null }).alt ?? '').trim();
    if (node.type === 'imageReference') {
      report(
        `reference-style images (![alt][name]) are not optimised; write the image with its address: ${example(entry.id, 'name.png', alt || undefined)}`,
      );
      return false;
    }
    const message = imageMessage(node.url ?? '', alt, entry, files, attempted);
    if (message) report(message);
    return false;
  });
  return problems;
}

function imageMessage(
  url: string,
  alt: string,
  entry: { collection: CollectionName; id: string },
  files: ImageFiles,
  attempted: Set<string>,
): string | undefined {
  const { collection, id } = entry;
  const folder = `content/${collection}/${id}/`;
  const clean = url.trim();
  // Addresses with a scheme, site paths and fragments are judged as links are, then refused as images.
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')) || /^[/\\#]/.test(clean)) {
    const verdict = checkUrl(url);
    if (!verdict.ok) {
      // An image in the address itself (data:) or any other scheme: the fix is a file, not another address.
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1]?.toLowerCase();
      return scheme
        ? `${scheme}: addresses are not allowed in content; save the image as ${folder}name.png and write ${example(id, 'name.png', alt || undefined)}`
        : verdict.message;
    }
    if (verdict.kind === 'external')
      return `images from other sites are not shown (they would load from a server the handbook does not control); if the image's licence allows reuse, save it as ${folder}name.png, cite its source, and write ${example(id, 'name.png', alt || undefined)}`;
    return `images are not shown from the site's own addresses; save the image as ${folder}name.png and write ${example(id, 'name.png', alt || undefined)}`;
  }
  const [path, query] = splitQuery(clean);
  const target = posix.normalize(posix.join(`content/${collection}`, path));
  const outside = !target.startsWith('content/');
  if (!outside) attempted.add(target);
  if (!alt)
    return `this image has no alt text; describe what it shows between the square brackets: ${example(id, basename(path) || 'name.png')}`;
  if (ALT_PLACEHOLDERS.test(alt) || alt.toLowerCase() === basename(path).toLowerCase())
    return `the alt text "${alt}" does not say what the image shows; describe it for a reader who cannot see it: ${example(id, basename(path), 'A mixing desk seen from the engineer’s seat')}`;
  if (query !== undefined) return `an image address cannot hold ? or #; write ${example(id, basename(path), alt)}`;
  if (outside || !target.startsWith(folder) || target.slice(folder.length).includes('/')) {
    const name = isImagePath(path) ? basename(path) : 'name.png';
    const there = !outside && files.kind(target) === 'file' ? `move ${target} to ${folder}${name}` : `put the file in ${folder}`;
    return `this page's images go in a folder named after it, ${folder}; ${there} and write ${example(id, name, alt)}`;
  }
  const name = target.slice(folder.length);
  const extension = extname(name).toLowerCase();
  if (extension === '.svg')
    return `SVG images are not accepted, because an SVG file can carry script; export it as PNG (or WebP) and write ${example(id, `${basename(name, extname(name))}.png`, alt)}`;
  if (!ACCEPTED[extension]) {
    return `${extension ? `${extension.slice(1).toUpperCase()} images are` : 'a file without an extension is'} not accepted; save it as PNG, JPEG, WebP or AVIF and write ${example(id, `${slugify(basename(name, extname(name))) || 'name'}.png`, alt)}`;
  }
  const stem = name.slice(0, name.length - extname(name).length);
  if (!ID_PATTERN.test(stem) || extension !== extname(name)) {
    const fixed = `${slugify(stem) || 'image'}${extension}`;
    return `image file names are lowercase words joined by hyphens; rename ${target} to ${folder}${fixed} and write ${example(id, fixed, alt)}`;
  }
  const kind = files.kind(target);
  // A link or special file is already reported where it is; one error is enough.
  if (kind === 'reported') return undefined;
  if (kind === 'not-a-file') return `${target} is a link or a special file, which is never read; replace it with the image itself`;
  if (kind === 'missing') {
    const hint = didYouMean(name, files.names(folder.slice(0, -1)));
    // The file meant is explained by this message; it is not reported again as unused.
    if (hint) attempted.add(`${folder}${hint}`);
    return `${target} does not exist; ${hint ? `did you mean ./${id}/${hint}?` : `add the image there, or correct the name`}`;
  }
  return fileMessage(target, extension, files);
}

function splitQuery(url: string): [string, string | undefined] {
  const at = url.search(/[?#]/);
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at)];
}

/** Judges a file once, however many lines show it. */
const verdicts = new WeakMap<ImageFiles, Map<string, string | undefined>>();

function fileMessage(target: string, extension: string, files: ImageFiles): string | undefined {
  let cache = verdicts.get(files);
  if (!cache) verdicts.set(files, (cache = new Map()));
  if (cache.has(target)) return cache.get(target);
  const message = judgeFile(target, extension, files);
  cache.set(target, message);
  return message;
}

function judgeFile(target: string, extension: string, files: ImageFiles): string | undefined {
  const bytes = files.read(target);
  if (bytes === undefined) return `${target} cannot be read; check that it is an ordinary file`;
  if (!Buffer.isBuffer(bytes)) {
    return `${target} is ${bytes.tooBig.toLocaleString('en')} bytes, more than the ${MAX_IMAGE_BYTES.toLocaleString('en')} an image may have; save it as JPEG or WebP (quality about 80) or make it smaller, at most ${MAX_IMAGE_SIDE} pixels on its longer side`;
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSizePackage().imageSize(bytes);
  } catch {
    return `${target} is not a readable image; open it in an image editor and save it again as ${FORMAT_NAMES[ACCEPTED[extension]!]}`;
  }
  const expected = ACCEPTED[extension]!;
  if (size.type !== expected) {
    const found = size.type ? (FORMAT_NAMES[size.type] ?? size.type.toUpperCase()) : 'unknown';
    const rename = size.type && EXTENSION_OF[size.type];
    return `${target} holds ${found} data, not a ${FORMAT_NAMES[expected]} image; ${
      rename
        ? `rename it to ${target.slice(0, -extension.length)}${rename} (and its address to match)`
        : `save it again as ${FORMAT_NAMES[expected]}`
    }`;
  }
  const { width = 0, height = 0 } = size;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return `${target} is ${width} × ${height} pixels; resize it to at most ${MAX_IMAGE_SIDE} pixels on its longer side (pages show images at most 1,100 pixels wide, twice that on sharp screens)`;
  }
  if (width < 1 || height < 1) return `${target} has no width or height; save it again from an image editor`;
  return undefined;
}

/** Image files no page shows, or kept where no page can show them, once every page has been checked. */
export function strayImages(
  paths: readonly string[],
  ids: Record<CollectionName, Set<string>>,
  attempted: Set<string>,
): (Located & { rel: string })[] {
  const out: (Located & { rel: string })[] = [];
  const error = (rel: string, message: string) => out.push({ rel, line: 1, column: 1, field: 'file', message });
  for (const rel of paths) {
    if (attempted.has(rel)) continue;
    const parts = rel.split('/').slice(1);
    const name = parts[parts.length - 1]!;
    const collection = IMAGE_COLLECTIONS.find((c) => c === parts[0]);
    if (!collection || parts.length < 2) {
      error(
        rel,
        `only pages written in MDX show images, each from a folder named after it (${IMAGE_FOLDERS}); move it into the folder of the page that shows it`,
      );
    } else if (parts.length === 2) {
      error(
        rel,
        `images go in a folder named after the page that shows them: move it to content/${collection}/<page-id>/${name} and write ${example('<page-id>', name)} in that page`,
      );
    } else if (!ids[collection].has(parts[1]!)) {
      const hint = didYouMean(parts[1]!, ids[collection]);
      error(
        rel,
        `content/${collection}/${parts[1]}/ is named after no page (there is no content/${collection}/${parts[1]}.mdx); ${hint ? `did you mean content/${collection}/${hint}/?` : 'name the folder after the page that shows the image'}`,
      );
    } else if (parts.length > 3) {
      error(rel, `images sit directly in the page's folder; move it to content/${collection}/${parts[1]}/${name}`);
    } else {
      // The build bundles every image in a page folder (llms-full.txt needs their built addresses), so an unused one would be published.
      error(
        rel,
        `no page shows this image, but it would still be published; show it in content/${collection}/${parts[1]}.mdx with ${example(parts[1]!, name)}, or delete it`,
      );
    }
  }
  return out;
}
