/**
 * Stage 1: find the files under content/ and decide which collection loads
 * each. Content comes from pull requests, so only regular files inside
 * content/ are ever read (`safe-read.ts`): symlinks, FIFOs, sockets, devices
 * and directories named like content are reported (one error each) and never
 * followed or opened.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { COLLECTION_DEFS, idFromFileName } from '../../schemas/collections.ts';
import { COLLECTIONS, type CollectionName } from '../../schemas/common.ts';
import { didYouMean } from '../../schemas/did-you-mean.ts';

/** Extensions editors write content in, including ones no collection loads (which are then reported). */
const CONTENT_EXTENSIONS = new Set(['.mdx', '.md', '.markdown', '.yaml', '.yml', '.json']);
export const looksLikeContent = (name: string) => CONTENT_EXTENSIONS.has(extname(name).toLowerCase());

/** Suggests a valid id for a file name that is not one. */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export interface Found {
  /** Path relative to content/, with forward slashes. */
  path: string;
  /** Why it cannot be read, for anything that is not a regular file. */
  notAFile?: string;
}

function kindOf(entry: Dirent): string | undefined {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device file';
  return undefined;
}

/**
 * Every file under content/, sorted. readdir's types come from the directory
 * itself (lstat semantics), so a symlink is seen as a link and never followed,
 * whatever it points at (a file outside the repository, a loop, nothing).
 */
export function findFiles(contentRoot: string): Found[] {
  const out: Found[] = [];
  const visit = (dir: string, prefix: string) => {
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Directory order differs between file systems; sorting makes "which file came first" the same on every machine.
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of names) {
      const path = `${prefix}${entry.name}`;
      // Dotfiles (.gitkeep, editor swap files) are tooling, not content, unless they look like content: the build's
      // glob skips them, so a ".new-role.mdx" would vanish without a word.
      if (entry.name.startsWith('.') && (entry.isDirectory() || !looksLikeContent(entry.name))) continue;
      if (entry.isDirectory()) {
        if (looksLikeContent(entry.name)) out.push({ path, notAFile: 'a folder' });
        else visit(join(dir, entry.name), `${path}/`);
        continue;
      }
      const kind = kindOf(entry);
      out.push(kind ? { path, notAFile: kind } : { path });
    }
  };
  visit(contentRoot, '');
  return out;
}

const DIR_TO_COLLECTION = new Map<string, CollectionName>(COLLECTIONS.map((c) => [COLLECTION_DEFS[c].dir, c]));
const folders = COLLECTIONS.map((c) => COLLECTION_DEFS[c].dir).join(', ');

/** Decides which collection loads a file, or explains why none does. */
export function classify(rel: string): { ok: true; collection: CollectionName } | { ok: false; message: string } {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (name.startsWith('.')) {
    return {
      ok: false,
      message: `the build skips files whose names start with a dot, so this one would never be published; rename it to ${slugify(idFromFileName(name)) || 'a-descriptive-name'}${extname(name)}`,
    };
  }
  if (parts.length === 1) {
    return { ok: false, message: `no collection loads files at the top of content/; move it into one of: ${folders}` };
  }
  const collection = DIR_TO_COLLECTION.get(parts[0]!);
  if (!collection) {
    const hint = didYouMean(parts[0]!, DIR_TO_COLLECTION.keys());
    return {
      ok: false,
      message: `no collection loads content/${parts[0]}/; ${hint ? `did you mean content/${hint}/?` : `move it into one of: ${folders}`}`,
    };
  }
  const def = COLLECTION_DEFS[collection];
  if (parts.length > 2) {
    return { ok: false, message: `${collection} loads files directly inside content/${def.dir}/ only; move it out of the subfolder` };
  }
  if (extname(rel) !== def.extension) {
    return {
      ok: false,
      message: `${collection} only loads ${def.extension} files, so this file would be silently skipped; rename it to ${idFromFileName(parts[1]!)}${def.extension} or remove it`,
    };
  }
  return { ok: true, collection };
}
