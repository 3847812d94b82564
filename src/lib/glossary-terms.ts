/**
 * The glossary-link warning: a glossary term (or a distinctive alias) used in
 * a page's prose that the page never links with <Term>. Every page is read
 * against every term, so the index of phrases is built once per glossary and
 * the prose is scanned once, word by word.
 */
import type { Warning } from './content-warnings.ts';
import { attribute, isJsx, walk, type MdxNode } from './mdx-tree.ts';
import { positionIn, proseRuns, type ProseRun } from './prose-runs.ts';

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

/** A word is a run of letters and digits, as Unicode counts them. */
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const words = (text: string) => [...text.toLowerCase().matchAll(WORD)].map((m) => m[0]);

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** The glossary id whose term or alias ends at this word. */
  id?: string;
}

interface PhraseIndex {
  root: PhraseNode;
  /** The hash of every word a phrase starts with: prose words are hashed as they are scanned, and only a hit is cut out and looked up. */
  firstWords: Set<number>;
}

/** The same hash of a word's UTF-16 units as the scan below works out as it goes. */
const hashStep = (hash: number, unit: number) => (Math.imul(hash, 31) + unit) | 0;
const hashOf = (word: string) => {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
};

// Built once per glossary, not once per page: with thousands of terms, rebuilding it for each of
// thousands of pages made validation quadratic (minutes at 10,000 files).
const phraseIndexes = new WeakMap<readonly GlossaryWords[], PhraseIndex>();

function phraseIndex(glossary: readonly GlossaryWords[]): PhraseIndex {
  let index = phraseIndexes.get(glossary);
  if (index) return index;
  const root: PhraseNode = { next: new Map() };
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
  index = { root, firstWords: new Set([...root.next.keys()].map(hashOf)) };
  phraseIndexes.set(glossary, index);
  return index;
}

// Whether each character below U+10000 is a letter or digit, worked out once per character met (0: not yet known).
const BMP_WORD = new Uint8Array(0x10000);

const isWordUnit = (unit: number) => {
  if (unit < 0x80) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57);
  let known = BMP_WORD[unit]!;
  if (known === 0) BMP_WORD[unit] = known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1;
};

/** The words of a text as WORD finds them: their start and end offsets and the hash of each, in reused arrays. */
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let hashes = new Int32Array(256);

function scanWords(text: string): number {
  let count = 0;
  let start = -1;
  let hash = 0;
  const close = (end: number) => {
    if (count === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count++] = hash;
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character beyond U+FFFF (two units), tested whole, as the u flag makes WORD do.
      width = 2;
      word = WORD_CHAR.test(text.slice(i, i + 2));
    } else {
      word = unit < 0xd800 || unit > 0xdfff ? isWordUnit(unit) : false;
    }
    if (word) {
      if (start === -1) {
        start = i;
        hash = 0;
      }
      hash = hashStep(hash, unit);
      if (width === 2) hash = hashStep(hash, text.charCodeAt(i + 1));
    } else if (start !== -1) {
      close(i);
    }
    i += width - 1;
  }
  if (start !== -1) close(text.length);
  return count;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const inCompound = (text: string, start: number, end: number) =>
  (HYPHENS.has(text[start - 1] ?? '') && WORD_CHAR.test(text[start - 2] ?? '')) ||
  (HYPHENS.has(text[end] ?? '') && WORD_CHAR.test(text[end + 1] ?? ''));

export function unlinkedTerms(tree: MdxNode, glossary: readonly GlossaryWords[]): Warning[] {
  const linked = new Set<string>();
  walk(tree, (n) => {
    if (isJsx(n) && n.name === 'Term') {
      const id = attribute(n, 'id');
      if (id) linked.add(id);
    }
  });
  const { root, firstWords } = phraseIndex(glossary);
  const first = new Map<string, { run: ProseRun; offset: number; text: string }>();
  // Words of a phrase are joined by spaces or hyphens within one run of text, never across markup.
  for (const run of proseRuns(tree)) {
    const prose = run.text;
    // Lower-casing the whole text once keeps offsets only when no character changes length (İ does); otherwise word by word.
    const lower = prose.toLowerCase();
    const sameOffsets = lower.length === prose.length;
    const scanned = sameOffsets ? lower : prose;
    const count = scanWords(scanned);
    const wordAt = (k: number) => (sameOffsets ? lower.slice(starts[k], ends[k]) : prose.slice(starts[k], ends[k]).toLowerCase());
    for (let i = 0; i < count; i++) {
      // Most words start no phrase; only those that may are cut out, and only those that do walk the index.
      if (sameOffsets && !firstWords.has(hashes[i]!)) continue;
      let node: PhraseNode | undefined = root.next.get(wordAt(i));
      if (!node) continue;
      let match: { id: string; length: number } | undefined = node.id ? { id: node.id, length: 1 } : undefined;
      // Longest match wins, so "mixing console" is found rather than "mixing".
      for (let k = i + 1; k < count && node.next.size > 0; k++) {
        if (!/^[\s-]+$/.test(prose.slice(ends[k - 1], starts[k]))) break;
        node = node.next.get(wordAt(k));
        if (!node) break;
        if (node.id) match = { id: node.id, length: k - i + 1 };
      }
      if (!match) continue;
      const start = starts[i]!;
      const end = ends[i + match.length - 1]!;
      // Part of a hyphenated compound ("mixing" in "up-mixing" or "mixing-desk") is another word, not the term.
      if (inCompound(prose, start, end)) continue;
      if (!first.has(match.id)) first.set(match.id, { run, offset: start, text: prose.slice(start, end) });
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
