/**
 * Outcomes of files already checked, for the next `npm run validate`. A file's
 * outcome is stored under a key made of everything it depends on:
 *
 * - the file's path and its exact text;
 * - the validator's own code (every file under src/ and the lockfile, so a new
 *   rule, schema or parser version starts afresh);
 * - every id in every collection and every path listed under content/ (a
 *   reference or an image check can change when another file comes or goes);
 * - the day (warnings about old figures and errors about future dates);
 * - for pages, every glossary term and alias (the unlinked-term warnings).
 *
 * A page that shows images is never stored: its outcome also depends on the
 * image files. Rules across entries always run afresh. So a stored outcome is
 * used only where checking again would give the same one; anything else is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { GlossaryWords } from '../content-warnings.ts';
import type { FileOutcome } from './check-file.ts';

const CODE_ROOT = join(import.meta.dirname, '../../..');
/** Bump to drop every stored outcome when the stored format changes. */
const FORMAT = 1;

const digest = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
};

/** The key a file's outcome is stored under (`context` from `OutcomeCache.context`, `glossary` from `glossaryKey`). */
export const outcomeKey = (context: string, glossary: string, rel: string, text: string) => digest(context, glossary, rel, text);

export const glossaryKey = (words: readonly GlossaryWords[]) => digest(JSON.stringify(words));

function codeVersion(): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  const files = readdirSync(join(CODE_ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, join(CODE_ROOT, 'package-lock.json')]) {
    hash.update(file.slice(CODE_ROOT.length)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('base64url');
}

export class OutcomeCache {
  readonly #file: string;
  readonly #stored: Map<string, FileOutcome>;
  readonly #used = new Map<string, FileOutcome>();
  #changed = false;
  hits = 0;

  /** One file per content folder, so runs on other folders (the bench's, the tests') never push this one's out. */
  constructor(dir: string, root: string) {
    this.#file = join(dir, `${digest(resolve(root)).slice(0, 16)}.v8`);
    let stored = new Map<string, FileOutcome>();
    try {
      const read = deserialize(readFileSync(this.#file)) as unknown;
      if (read instanceof Map) stored = read as Map<string, FileOutcome>;
    } catch {
      // No cache yet, or one from another Node version: start afresh.
    }
    this.#stored = stored;
  }

  /** The keys of stored outcomes, for the threads that check files. */
  get known(): ReadonlySet<string> {
    return new Set(this.#stored.keys());
  }

  /** What every file's key shares: the code, the ids and listing of content/, and the day. */
  static context(ids: Record<string, ReadonlySet<string>>, listed: ReadonlyMap<string, boolean>, today: Date): string {
    const idList = Object.entries(ids).map(([c, set]) => `${c}:${[...set].sort().join(',')}`);
    return digest(codeVersion(), idList.join('\n'), JSON.stringify([...listed]), today.toISOString().slice(0, 10));
  }

  /** A stored outcome for one marked `cached`; a fresh outcome with a key is stored. */
  resolve(outcome: FileOutcome): FileOutcome {
    if (outcome.cached) {
      const stored = this.#stored.get(outcome.cached);
      if (!stored) throw new Error(`validator cache: no outcome stored under ${outcome.cached}`);
      this.#used.set(outcome.cached, stored);
      this.hits++;
      return stored;
    }
    if (outcome.key) {
      // A function cannot be stored; a later run places problems by reading the file again.
      const facts = outcome.facts && { ...outcome.facts, locate: undefined };
      this.#used.set(outcome.key, { ...outcome, facts });
      this.#changed = true;
    }
    return outcome;
  }

  /** Keeps the outcomes this run used (so the cache never grows past one run's files), if anything changed. */
  save() {
    if (!this.#changed && this.#used.size === this.#stored.size) return;
    const dir = dirname(this.#file);
    mkdirSync(dir, { recursive: true });
    const temporary = `${this.#file}.${process.pid}`;
    writeFileSync(temporary, serialize(this.#used));
    renameSync(temporary, this.#file);
    // Folders validated once (temporary sites) leave a file behind; a week unused is long enough to forget them.
    const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      try {
        if (statSync(path).mtimeMs < weekAgo) rmSync(path, { force: true });
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }
}
