/**
 * Warnings: things an editor should look at that do not make the content wrong,
 * so they never fail `npm run validate` or the build. Each one says what it saw
 * and what to do about it.
 *
 * - a figure dated more than {@link STALE_AFTER_YEARS} years before today, unless a
 *   newer figure of the same kind already sits beside it;
 * - a money amount or percentage in MDX text with no <Cite> in its paragraph
 *   (frontmatter figures cannot lack one: the schema requires `source`);
 * - a description that passes the hard 50–160 limits but falls outside
 *   {@link DESCRIPTION_COMFORT}, where search results start to look thin or get cut;
 * - a glossary term (or alias) used in an article that never links it with <Term>;
 * - text still holding the scaffolding template's {@link PLACEHOLDER} marker.
 */
import type { CollectionName } from '../schemas/common.ts';
import { attribute, isJsx, walk, type MdxNode } from './mdx-tree.ts';
import { formatPath } from './yaml-locate.ts';

export const STALE_AFTER_YEARS = 3;
/** Descriptions are errors below 50 or above 160 characters; inside that, warn outside this band. */
export const DESCRIPTION_COMFORT = { min: 70, max: 150 } as const;
/** What `npm run new` writes wherever the editor still has to fill something in. */
export const PLACEHOLDER = 'TODO';

export interface Warning {
  line: number;
  column: number;
  field: string;
  message: string;
  /** Which check it is, by the name a validate-ignore comment uses (src/lib/warning-silences.ts); the comments' own problems are `validate-ignore`. */
  rule: WarningRule | 'validate-ignore';
}

/** Every warning's name, as editors write it in {/* validate-ignore <rule>: reason *\/} and see it in the output. */
export const WARNING_RULES = [
  'stale-figure',
  'uncited-figure',
  'description-length',
  'todo',
  'glossary-link',
  'no-citations',
  'cite-not-in-sources',
  'source-not-cited',
  'definition-list',
  'callout-syntax',
  'indented-code',
  'emoji-shortcode',
  'code-language',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** An entry that passed its schema, with what the warnings need to read and locate. */
export interface CheckedEntry {
  collection: CollectionName;
  /** The parsed data: schema output when valid, else the file as read, so warnings come with the errors. */
  data: unknown;
  /** Line and column of a frontmatter path, or of the nearest parent that exists. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  /** The parsed MDX body, for entries that have one and whose body parsed. */
  tree?: MdxNode | undefined;
}

export interface GlossaryWords {
  id: string;
  term: string;
  aliases: string[];
}

/**
 * Whether an alias is distinctive enough to count as using the term. Short
 * one-word aliases in lower case ("mix", "bus", "post") are too common in
 * ordinary English; abbreviations in capitals ("FOH", "EQ") and longer or
 * multi-word aliases count.
 */
export const distinctiveAlias = (alias: string) =>
  /\s/.test(alias.trim()) || alias.trim().length > 4 || (/[A-Z]/.test(alias) && alias === alias.toUpperCase());

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

/** Every `asOf` in the data, wherever figures keep one, with its path. */
function datedFigures(value: unknown, path: PropertyKey[] = [], siblings: unknown[] = []): DatedFigure[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => datedFigures(v, [...path, i], value));
  if (value && typeof value === 'object') {
    const figure = value as Record<string, unknown>;
    return Object.entries(figure).flatMap(([k, v]) =>
      k === 'asOf' && typeof v === 'string' && PARTIAL_DATE.test(v)
        ? [{ path: [...path, k], asOf: v, figure, siblings }]
        : datedFigures(v, [...path, k]),
    );
  }
  return [];
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

function descriptionPath(collection: CollectionName, data: Record<string, unknown>): string[] | undefined {
  if (collection === 'frameworks')
    return (data.handbook as Record<string, unknown> | undefined)?.description ? ['handbook', 'description'] : undefined;
  return typeof data.description === 'string' ? ['description'] : undefined;
}

function placeholders(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
  return [];
}

const MONEY = /[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|thousand|million|billion)\b)?/gi;
const PERCENT = /\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/gi;

/** A run of text a reader sees as prose, with where it starts in the file. */
interface ProseRun {
  text: string;
  line: number;
  column: number;
}

/** Line and column of an offset inside a run (text nodes may span lines). */
function positionIn(run: ProseRun, offset: number): { line: number; column: number } {
  const before = run.text.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: run.line, column: run.column + offset };
  let lines = 0;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) lines++;
  return { line: run.line + lines, column: offset - newline };
}

/**
 * The prose of a block: its text nodes, leaving out code, link text, <Term>
 * contents and headings, which are already linked or are not running text.
 */
function proseRuns(node: MdxNode, out: ProseRun[] = []): ProseRun[] {
  walk(node, (n) => {
    if (n.type === 'heading' || n.type === 'link' || n.type === 'linkReference' || n.type === 'code' || n.type === 'inlineCode')
      return false;
    if (isJsx(n) && n.name === 'Term') return false;
    if (n.type === 'text' && n.position) out.push({ text: n.value ?? '', line: n.position.start.line, column: n.position.start.column });
    return undefined;
  });
  return out;
}

const hasCite = (node: MdxNode) => {
  let found = false;
  walk(node, (n) => {
    if (isJsx(n) && n.name === 'Cite') found = true;
    return !found;
  });
  return found;
};

function uncitedFigures(tree: MdxNode): Warning[] {
  const out: Warning[] = [];
  walk(tree, (block) => {
    if (block.type !== 'paragraph' && block.type !== 'table') return undefined;
    if (!hasCite(block)) {
      for (const run of proseRuns(block)) {
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
const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => [...text.toLowerCase().matchAll(WORD)].map((m) => m[0]);

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** The glossary id whose term or alias ends at this word. */
  id?: string;
}

// Built once per glossary, not once per page: with thousands of terms, rebuilding it for each of
// thousands of pages made validation quadratic (minutes at 10,000 files).
const phraseTries = new WeakMap<readonly GlossaryWords[], PhraseNode>();

function phraseTrie(glossary: readonly GlossaryWords[]): PhraseNode {
  let root = phraseTries.get(glossary);
  if (root) return root;
  root = { next: new Map() };
  for (const g of glossary) {
    for (const phrase of [g.term, ...g.aliases.filter(distinctiveAlias)]) {
      const w = words(phrase);
      if (w.length === 0 || (w.length === 1 && w[0]!.length < 2)) continue;
      let node = root;
      for (const word of w) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map() }));
        node = child;
      }
      node.id ??= g.id;
    }
  }
  phraseTries.set(glossary, root);
  return root;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const inCompound = (text: string, start: number, end: number) =>
  (HYPHENS.has(text[start - 1] ?? '') && WORD_CHAR.test(text[start - 2] ?? '')) ||
  (HYPHENS.has(text[end] ?? '') && WORD_CHAR.test(text[end + 1] ?? ''));

function unlinkedTerms(tree: MdxNode, glossary: readonly GlossaryWords[]): Warning[] {
  const linked = new Set<string>();
  walk(tree, (n) => {
    if (isJsx(n) && n.name === 'Term') {
      const id = attribute(n, 'id');
      if (id) linked.add(id);
    }
  });
  const root = phraseTrie(glossary);
  const first = new Map<string, { run: ProseRun; offset: number; text: string }>();
  // Words of a phrase are joined by spaces or hyphens within one run of text, never across markup.
  for (const run of proseRuns(tree)) {
    const prose = run.text;
    // Lower-casing the whole text once keeps offsets only when no character changes length (İ does); otherwise word by word.
    const lower = prose.toLowerCase();
    const sameOffsets = lower.length === prose.length;
    const texts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of (sameOffsets ? lower : prose).matchAll(WORD)) {
      texts.push(sameOffsets ? m[0] : m[0].toLowerCase());
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    for (let i = 0; i < texts.length; i++) {
      // Most words start no phrase; only those that do walk the trie.
      let node: PhraseNode | undefined = root.next.get(texts[i]!);
      if (!node) continue;
      let match: { id: string; length: number } | undefined = node.id ? { id: node.id, length: 1 } : undefined;
      // Longest match wins, so "mixing console" is found rather than "mixing".
      for (let k = i + 1; k < texts.length && node.next.size > 0; k++) {
        if (!/^[\s-]+$/.test(prose.slice(ends[k - 1], starts[k]))) break;
        node = node.next.get(texts[k]!);
        if (!node) break;
        if (node.id) match = { id: node.id, length: k - i + 1 };
      }
      if (!match) continue;
      const end = ends[i + match.length - 1]!;
      // Part of a hyphenated compound ("mixing" in "up-mixing" or "mixing-desk") is another word, not the term.
      if (inCompound(prose, starts[i]!, end)) continue;
      if (!first.has(match.id)) first.set(match.id, { run, offset: starts[i]!, text: prose.slice(starts[i], end) });
      i += match.length - 1;
    }
  }
  return [...first]
    .filter(([id]) => !linked.has(id))
    .map(([id, { run, offset, text }]) => ({
      ...positionIn(run, offset),
      field: 'body',
      rule: 'glossary-link' as const,
      message: `"${text}" is in the glossary but this page never links it; wrap its first use in <Term id="${id}">…</Term>`,
    }));
}

export function contentWarnings(entry: CheckedEntry, glossary: readonly GlossaryWords[], today: Date): Warning[] {
  const out: Warning[] = [];
  const data = (entry.data ?? {}) as Record<string, unknown>;

  for (const dated of datedFigures(data)) {
    const { path, asOf } = dated;
    if (!isStale(asOf, today) || hasFreshSibling(dated, today)) continue;
    out.push({
      ...entry.locate(path),
      field: formatPath(path),
      rule: 'stale-figure',
      message: `this figure is dated ${asOf}, more than ${STALE_AFTER_YEARS} years before ${today.toISOString().slice(0, 10)}; look for a newer figure and add it beside this one`,
    });
  }

  const descPath = descriptionPath(entry.collection, data);
  const text = descPath?.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], data);
  if (descPath && typeof text === 'string') {
    const length = text.trim().length;
    const { min, max } = DESCRIPTION_COMFORT;
    const field = descPath.join('.');
    // Lengths outside the hard limits are already errors; say one thing about them.
    const hardMin = entry.collection === 'frameworks' ? 1 : 50;
    if (length < min && length >= hardMin) {
      out.push({
        ...entry.locate(descPath),
        field,
        rule: 'description-length',
        message: `${field} is ${length} characters; aim for ${min}–${max} so search results show a useful summary`,
      });
    } else if (length > max && length <= 160) {
      out.push({
        ...entry.locate(descPath),
        field,
        rule: 'description-length',
        message: `${field} is ${length} characters; aim for ${min}–${max}, as search engines may cut it off`,
      });
    }
  }

  for (const path of placeholders(data)) {
    out.push({
      ...entry.locate(path),
      field: formatPath(path),
      rule: 'todo',
      message: `still holds ${PLACEHOLDER} text from the template; replace it with real content`,
    });
  }

  if (entry.tree) {
    let placeholder: Warning | undefined;
    walk(entry.tree, (n) => {
      if (placeholder || n.type === 'code' || n.type === 'inlineCode') return false;
      const at = n.type === 'text' && n.position ? (n.value ?? '').indexOf(PLACEHOLDER) : -1;
      if (at !== -1) {
        const run = { text: n.value!, line: n.position!.start.line, column: n.position!.start.column };
        placeholder = {
          ...positionIn(run, at),
          field: 'body',
          rule: 'todo',
          message: `still holds ${PLACEHOLDER} text from the template; replace it with real content`,
        };
      }
      return undefined;
    });
    if (placeholder) out.push(placeholder);
    out.push(...uncitedFigures(entry.tree), ...unlinkedTerms(entry.tree, glossary));
  }
  return out;
}
