/**
 * Warnings about figures: one dated more than {@link STALE_AFTER_YEARS} years
 * before today (unless a newer figure of the same kind sits beside it), and a
 * money amount or percentage in MDX text with no <Cite> in its paragraph
 * (frontmatter figures cannot lack one: the schema requires `source`).
 */
import type { Warning } from './content-warnings.ts';
import { isJsx, walk, type MdxNode } from './mdx-tree.ts';
import { positionIn, proseRuns } from './prose-runs.ts';
import { formatPath } from './yaml-locate.ts';

export const STALE_AFTER_YEARS = 3;

/** Last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can stand for. */
export function endOfPartialDate(text: string): Date {
  const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return new Date(Date.UTC(y, m! - 1, d));
  if (m !== undefined) return new Date(Date.UTC(y, m, 0));
  return new Date(Date.UTC(y, 11, 31));
}

/** True when even the last day the date can mean is more than `years` before today. */
export function isStale(asOf: string, today: Date, years = STALE_AFTER_YEARS): boolean {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return endOfPartialDate(asOf) < cutoff;
}

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

interface DatedFigure {
  path: PropertyKey[];
  asOf: string;
  figure: Record<string, unknown>;
  /** The list the figure is in, if any: where a newer figure would sit beside it. */
  siblings: unknown[];
}

const NO_SIBLINGS: unknown[] = [];

/**
 * Every `asOf` in the data, wherever figures keep one, with its path, depth first in the order written. One path
 * is kept and grown as the walk goes down, and copied only for a figure found: the data of ten thousand entries
 * is walked on every run, and a new path for every value was most of the cost.
 */
function datedFigures(data: unknown): DatedFigure[] {
  const out: DatedFigure[] = [];
  const path: PropertyKey[] = [];
  const visit = (value: unknown, siblings: unknown[]) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], value);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const figure = value as Record<string, unknown>;
      for (const k of Object.keys(figure)) {
        const v = figure[k];
        path.push(k);
        if (k === 'asOf' && typeof v === 'string' && PARTIAL_DATE.test(v)) out.push({ path: [...path], asOf: v, figure, siblings });
        else visit(v, NO_SIBLINGS);
        path.pop();
      }
    }
  };
  visit(data, NO_SIBLINGS);
  return out;
}

/**
 * Whether a newer figure of the same kind (basis and region) already sits in
 * the same list. The style is to keep an old figure beside its replacement,
 * so a replaced figure needs no warning.
 */
function hasFreshSibling({ figure, siblings }: DatedFigure, today: Date): boolean {
  return siblings.some((other) => {
    if (other === figure || !other || typeof other !== 'object') return false;
    const o = other as Record<string, unknown>;
    return (
      o.basis === figure.basis &&
      o.region === figure.region &&
      typeof o.asOf === 'string' &&
      PARTIAL_DATE.test(o.asOf) &&
      !isStale(o.asOf, today)
    );
  });
}

export function staleFigures(
  data: Record<string, unknown>,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
  today: Date,
): Warning[] {
  const out: Warning[] = [];
  for (const dated of datedFigures(data)) {
    const { path, asOf } = dated;
    if (!isStale(asOf, today) || hasFreshSibling(dated, today)) continue;
    out.push({
      ...locate(path),
      field: formatPath(path),
      rule: 'stale-figure',
      message: `this figure is dated ${asOf}, more than ${STALE_AFTER_YEARS} years before ${today.toISOString().slice(0, 10)}; look for a newer figure and add it beside this one`,
    });
  }
  return out;
}

const MONEY = /[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|thousand|million|billion)\b)?/gi;
const PERCENT = /\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/gi;
const DIGIT = /\d/;

const hasCite = (node: MdxNode) => {
  let found = false;
  walk(node, (n) => {
    if (isJsx(n) && n.name === 'Cite') found = true;
    return !found;
  });
  return found;
};

export function uncitedFigures(tree: MdxNode): Warning[] {
  const out: Warning[] = [];
  walk(tree, (block) => {
    if (block.type !== 'paragraph' && block.type !== 'table') return undefined;
    if (!hasCite(block)) {
      for (const run of proseRuns(block)) {
        // Both patterns need a digit; most prose has none, and is not searched twice for nothing.
        if (!DIGIT.test(run.text)) continue;
        const found = [...run.text.matchAll(MONEY), ...run.text.matchAll(PERCENT)].sort((a, b) => a.index - b.index)[0];
        if (!found) continue;
        out.push({
          ...positionIn(run, found.index),
          field: 'body',
          rule: 'uncited-figure',
          message: `the figure "${found[0].trim()}" has no citation in its paragraph; add <Cite source="…" /> to the sentence that states it`,
        });
        break;
      }
    }
    return false;
  });
  return out;
}
