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

/** Every word of `text` that is not a word in `locale` (American English by default) nor in the project's words. */
export async function misspellings(text: string, locale = PAGE_LANG): Promise<Misspelling[]> {
  const result = await spellCheckDocument(
    { uri: 'file:///rendered-page.txt', text, languageId: 'plaintext', locale },
    // The repository's cspell.json (British and American, for source files) is not read: only these settings count.
    { noConfigSearch: true },
    {
      language: locale,
      words: projectWords,
      // Host names ("onetonline.org") name sites, not words.
      ignoreRegExpList: ['/\\b(?:[a-z\\d-]+\\.)+[a-z]{2,}\\b/gi'],
    },
  );
  if (result.errors?.length) throw new Error(`cspell could not check the text: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.issues.map((issue) => ({ word: issue.text, line: issue.line.text.trim() }));
}
