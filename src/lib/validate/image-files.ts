/**
 * How the image checks (images.ts) reach image files. Content is untrusted, so
 * a file is opened only if it is a regular file inside content/, never through
 * a link (at the file or at any folder on the way) and never past the size limit.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readOpenFile } from './safe-read.ts';

/** A larger file is a photo straight from a camera: it slows every clone of the repository for no gain on the page. */
export const MAX_IMAGE_BYTES = 1_000_000;

/** How the validator sees the files under content/: it lists them once, safely, and this reads only what it listed. */
export interface ImageFiles {
  /**
   * A path relative to the root (content/…): a regular file, a link or special file (on the way to it or at it)
   * that is already reported where it is, one that is not, or nothing.
   */
  kind(rel: string): 'file' | 'reported' | 'not-a-file' | 'missing';
  /** The names of the regular files in a folder (content/guides/x), for "did you mean". */
  names(relDir: string): string[];
  /** Reads a regular file, refusing links and anything larger than the limit. */
  read(rel: string): Buffer | { tooBig: number } | undefined;
}

/** The image files the validator listed, read through the same safe, non-following open it uses for content. */
export function listedImageFiles(root: string, listed: ReadonlyMap<string, boolean>): ImageFiles {
  const reportedAbove = (rel: string) => {
    // A path under a link (a linked folder) is never listed; the link itself was reported.
    for (let at = rel.lastIndexOf('/'); at > 0; at = rel.lastIndexOf('/', at - 1)) if (listed.get(rel.slice(0, at)) === false) return true;
    return false;
  };
  return {
    kind: (rel) => (listed.get(rel) === true ? 'file' : listed.get(rel) === false || reportedAbove(rel) ? 'reported' : 'missing'),
    names: (relDir) =>
      [...listed]
        .filter(([p, ok]) => ok && p.startsWith(`${relDir}/`) && !p.slice(relDir.length + 1).includes('/'))
        .map(([p]) => p.slice(relDir.length + 1)),
    read: (rel) => (listed.get(rel) === true ? readImage(join(root, rel)) : undefined),
  };
}

/** The same view for the editing server, which has no listing: each folder on the way is checked to be a real folder. */
export function diskImageFiles(root: string): ImageFiles {
  const isRealPath = (rel: string, last: 'file' | 'dir') => {
    const parts = rel.split('/');
    try {
      for (let i = 1; i <= parts.length; i++) {
        const stat = lstatSync(join(root, ...parts.slice(0, i)));
        if (stat.isSymbolicLink()) return 'not-a-file';
        if (i < parts.length ? !stat.isDirectory() : last === 'file' ? !stat.isFile() : !stat.isDirectory()) return 'not-a-file';
      }
      return 'ok';
    } catch {
      return 'missing';
    }
  };
  return {
    kind: (rel) => {
      const verdict = isRealPath(rel, 'file');
      return verdict === 'ok' ? 'file' : verdict;
    },
    names: (relDir) => {
      if (isRealPath(relDir, 'dir') !== 'ok') return [];
      return readdirSync(join(root, relDir), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);
    },
    read: (rel) => (isRealPath(rel, 'file') === 'ok' ? readImage(join(root, rel)) : undefined),
  };
}

/** Opens without following a link or blocking on a pipe, and reads nothing beyond the size limit. */
function readImage(full: string): Buffer | { tooBig: number } | undefined {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_IMAGE_BYTES) return { tooBig: stat.size };
    return readOpenFile(fd, stat.size);
  } finally {
    closeSync(fd);
  }
}
