/**
 * Reading one listed content file, safely, in a module that loads nothing else, so a thread that only reads
 * (`read-ahead.ts`) starts at once. A file could be swapped for a link or a pipe between listing and reading, so it
 * is opened without following links and without blocking, and checked again before it is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

export function notAFileMessage(kind: string) {
  return kind === 'a folder'
    ? 'this is a folder named like a content file; rename the folder or move its files up into the collection folder'
    : `this is ${kind}, not a file; content must be ordinary files in the repository (links and special files are never read), so replace it with the file itself`;
}

/** Files larger than this are not content an editor wrote; reading them would only slow the check down. */
export const MAX_BYTES = 1_000_000;

export type ReadResult = { ok: true; text: string } | { ok: false; line: number; message: string };

// One decoder for every file: creating one per file is measurable at ten thousand files.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a file that was listed as a regular file. Between listing and reading
 * it could have been swapped for a link or a pipe, so it is opened without
 * following links and without blocking, and checked again before reading.
 */
export function readContentFile(full: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    const kind = safeKind(full);
    return { ok: false, line: 1, message: kind ? notAFileMessage(kind) : 'this file cannot be read; check its permissions' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, line: 1, message: notAFileMessage(stat.isDirectory() ? 'a folder' : 'a special file') };
    if (stat.size > MAX_BYTES)
      return { ok: false, line: 1, message: `file is ${stat.size} bytes, more than the ${MAX_BYTES} a content file may have; split it up` };
    return decode(readOpenFile(fd, stat.size));
  } finally {
    closeSync(fd);
  }
}

function safeKind(full: string): string | undefined {
  try {
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return 'a symbolic link';
    if (stat.isFIFO()) return 'a named pipe (FIFO)';
    if (stat.isDirectory()) return 'a folder';
  } catch {
    // Gone since it was listed: nothing to say beyond "cannot be read".
  }
  return undefined;
}

function decode(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, line: 1, message: 'file is saved as UTF-16; re-save it as UTF-8' };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const byte = bad.byte.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, line: bad.line, message: `file is not valid UTF-8 (byte 0x${byte} on this line); re-save it as UTF-8` };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    // UTF-16 without a byte-order mark is mostly NUL bytes; say what it is rather than where the first one is.
    const line = lineAt(text, nul);
    if (text.length > 1 && (text.charCodeAt(0) === 0 || text.charCodeAt(1) === 0)) {
      return { ok: false, line: 1, message: 'file is saved as UTF-16; re-save it as UTF-8' };
    }
    return { ok: false, line, message: 'this line holds a NUL byte (an invisible character that is never text); delete it' };
  }
  // A byte-order mark is harmless; many Windows editors add one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Finds the first byte that is not valid UTF-8 and returns its line. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) line++;
    if (b < 0x80) continue;
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) return { line, byte: b };
    i += len - 1;
  }
  return { line, byte: 0 };
}

/** The whole of an open file, up to `size` bytes: a file that shrank while being read gives what was there. */
export function readOpenFile(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = readSync(fd, bytes, got, size - got, null);
    if (n === 0) break;
    got += n;
  }
  return bytes.subarray(0, got);
}
