/**
 * Spelling of the text readers meet, in the page's language (en-US): cspell, through its library, over the
 * prose of a built page (tests/support/rendered-text.ts: visible text without code or text marked as another
 * language). `npm run lint` checks the source files, where British and American spellings are both allowed;
 * this check holds the published pages to one standard, the one `<html lang>` and `og:locale` declare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spellCheckDocument } from 'cspell-lib';
import { PAGE_LANG } from './rendered-text.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The project's words (cspell-dict.txt, shared with `npm run lint`): names, audio terms, sites cited as sources. */
const projectWords = readFileSync(join(ROOT, 'cspell-dict.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

export interface Misspelling {
  word: string;
  /** The line of text it stands in. */
  line: string;
}

/** The settings of every check: American English (by default), the project's words, host names skipped. */
const settings = (locale: string) => ({
  language: locale,
  words: projectWords,
  // Host names ("onetonline.org") name sites, not words.
  ignoreRegExpList: ['/\\b(?:[a-z\\d-]+\\.)+[a-z]{2,}\\b/gi'],
  // Every occurrence counts, however often a word recurs (by default cspell stops at 5 of a word and 200 in all):
  // the pages are checked as one document, and each page must get all of its own.
  maxDuplicateProblems: Number.MAX_SAFE_INTEGER,
  maxNumberOfProblems: Number.MAX_SAFE_INTEGER,
});

/** Every issue cspell finds in `text`, with its offset in the text. */
async function check(text: string, locale: string) {
  const result = await spellCheckDocument(
    { uri: 'file:///rendered-page.txt', text, languageId: 'plaintext', locale },
    // The repository's cspell.json (British and American, for source files) is not read: only these settings count.
    { noConfigSearch: true },
    settings(locale),
  );
  if (result.errors?.length) throw new Error(`cspell could not check the text: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.issues.map((issue) => ({ word: issue.text, line: issue.line.text.trim(), offset: issue.offset }));
}

/** Every word of `text` that is not a word in `locale` (American English by default) nor in the project's words. */
export async function misspellings(text: string, locale = PAGE_LANG): Promise<Misspelling[]> {
  return (await check(text, locale)).map(({ word, line }) => ({ word, line }));
}

/** Words cspell reads as settings inside a text ("cspell:disable", "spell-checker: ignore …"). */
const DIRECTIVE = /(?:c?spell|spell-?checker)\s*:/i;

/**
 * `misspellings` of each text, the same as checking them one by one, with cspell started once: its set-up for a
 * document (settings, dictionaries) costs several times the checking of a page's prose. The texts are checked as one
 * document, one after another on lines of their own, so no word runs from one into the next and each issue falls in
 * one text. A text holding one of cspell's in-document directives, which would change how the texts after it are
 * read, is checked on its own.
 */
export async function misspellingsEach(texts: readonly string[], locale = PAGE_LANG): Promise<Misspelling[][]> {
  const found: Misspelling[][] = texts.map(() => []);
  const together = texts.flatMap((text, i) => (DIRECTIVE.test(text) ? [] : [i]));
  for (const [i, text] of texts.entries()) if (!together.includes(i)) found[i] = await misspellings(text, locale);
  const starts: number[] = [];
  let length = 0;
  for (const i of together) {
    starts.push(length);
    length += texts[i]!.length + 1;
  }
  const issues = await check(together.map((i) => texts[i]).join('\n'), locale);
  for (const { word, line, offset } of issues) {
    let k = starts.length - 1;
    while (starts[k]! > offset) k--;
    found[together[k]!]!.push({ word, line });
  }
  return found;
}
