/**
 * Maps a data path such as ['pay', 0, 'amount'] back to the line and column of
 * that key in the YAML (or JSON) source, so every problem can be reported as
 * file:line:column.
 */
import type { Document, LineCounter } from 'yaml';
import { yamlPackage } from './load-later.ts';

export interface Position {
  line: number;
  column: number;
}

/**
 * Returns the position of the deepest part of `path` that exists in the
 * document: the key itself when present, otherwise the nearest parent key
 * (which is where a missing field has to be added).
 */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): Position | undefined {
  const { isMap, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      const key = pair.key as { range?: [number, number, number] } | null;
      offset = key?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Paths are formatted where messages are made, in src/schemas/messages.ts. */
export { formatPath } from '../schemas/messages.ts';
