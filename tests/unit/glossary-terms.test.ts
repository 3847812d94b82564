/**
 * The glossary-link warning reads prose word by word, as the Unicode pattern
 * [\p{L}\p{N}]+ splits it (src/lib/glossary-terms.ts scans for words itself
 * rather than running that pattern over every text). These cases pin down
 * where one word ends and the next begins, outside plain ASCII too.
 */
import { describe, expect, it } from 'vitest';
import { unlinkedTerms, type GlossaryWords } from '../../src/lib/glossary-terms.ts';
import { parseBody } from '../../src/lib/mdx-tree.ts';

const GLOSSARY: GlossaryWords[] = [
  { id: 'mixing', term: 'Mixing', aliases: [] },
  { id: 'mixing-console', term: 'mixing console', aliases: ['mixing desk'] },
  { id: 'cafe', term: 'café', aliases: [] },
  { id: 'strasse', term: 'Straße', aliases: [] },
  { id: 'gain', term: 'gain', aliases: [] },
];

function found(body: string): string[] {
  const tree = parseBody(body);
  if (!tree.ok) throw new Error(tree.message);
  return unlinkedTerms(tree.tree, GLOSSARY).map(
    (w) => `${w.line}:${w.column} ${/^"([^"]+)"/.exec(w.message)![1]} → ${/id="([^"]+)"/.exec(w.message)![1]}`,
  );
}

describe('unlinked glossary terms', () => {
  it('finds the longest phrase, across spaces, hyphens and a line break', () => {
    expect(found('The Mixing  console is here.')).toEqual(['1:5 Mixing  console → mixing-console']);
    expect(found('A mixing-desk and\nmixing\nconsole.')).toEqual(['1:3 mixing-desk → mixing-console']);
    expect(found('Some mixing, then a console.')).toEqual(['1:6 mixing → mixing']);
  });

  it('leaves out parts of hyphenated compounds and words inside longer words', () => {
    expect(found('Up-mixing, remixing and mixings.')).toEqual([]);
    expect(found('gains and regain, but gain.')).toEqual(['1:23 gain → gain']);
  });

  it('splits words outside ASCII as the Unicode pattern does', () => {
    expect(found('Un café noir.')).toEqual(['1:4 café → cafe']);
    // A letter beyond U+FFFF (two UTF-16 units, as columns count) joins the word it touches; an emoji does not.
    expect(found('𝐀café 😀café')).toEqual(['1:10 café → cafe']);
    expect(found('Die STRASSE, die Straße.')).toEqual(['1:18 Straße → strasse']);
    // İ lower-cases to two units, so offsets are kept word by word: the column is still right.
    expect(found('İİ gain')).toEqual(['1:4 gain → gain']);
    expect(found('٣gain gain٣ gain')).toEqual(['1:13 gain → gain']);
  });

  it('reads prose only, and not a term the page links', () => {
    expect(found('## Mixing\n\n`gain` [gain](/x/) <Term id="mixing">mixing</Term> and mixing.')).toEqual([]);
    expect(found('Gain, then <Term id="gain">gain</Term>.')).toEqual([]);
  });
});
