/**
 * Turns a framework's levels (each a list of "Topic — description" statements)
 * into a matrix: topics as rows, levels as columns. Topics keep the order in
 * which they first appear; a level with nothing on a topic gets an empty cell.
 */
import { LEVEL_KEYS, splitStatement, type LevelKey } from '../schemas/framework.ts';
import { slugify } from './content-validator.ts';

export interface MatrixColumn {
  key: LevelKey;
  label: string;
}
export interface MatrixRow {
  topic: string;
  /** The topic's anchor on the page, e.g. "topic-mixing-and-levels". */
  anchor: string;
  /** One list of descriptions per column, in column order. */
  cells: string[][];
}
export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export function buildMatrix(levels: Record<LevelKey, { label: string; statements: string[] }>): Matrix {
  const columns = LEVEL_KEYS.map((key) => ({ key, label: levels[key].label }));
  const rows = new Map<string, MatrixRow>();
  const keyOf = (topic: string) => topic.toLowerCase();
  LEVEL_KEYS.forEach((level, col) => {
    for (const statement of levels[level].statements) {
      const { topic, text } = splitStatement(statement);
      let row = rows.get(keyOf(topic));
      if (!row) {
        row = { topic, anchor: `topic-${slugify(topic)}`, cells: columns.map(() => []) };
        rows.set(keyOf(topic), row);
      }
      row.cells[col]!.push(text);
    }
  });
  return { columns, rows: [...rows.values()] };
}
