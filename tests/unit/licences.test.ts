/**
 * The licence table and the rule built on it: which licences let a page adapt
 * text, which licence the page then takes, and what the source schema tells an
 * editor who writes a sentence where a licence id belongs.
 */
import { describe, expect, it } from 'vitest';
import { licenceProblems } from '../../src/lib/licence-rules.ts';
import { adaptRefused, LICENCE_IDS, licenceUrl, requiredPageLicence } from '../../src/schemas/licences.ts';
import { errorMap, issueText } from '../../src/schemas/messages.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

describe('licence table', () => {
  it('lets pages adapt public-domain, CC0, CC BY and OGL text as CC BY 4.0, and share-alike text only as CC BY-SA 4.0', () => {
    expect(requiredPageLicence([])).toBe('CC-BY-4.0');
    expect(requiredPageLicence(['public-domain-us-gov', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-3.0', 'OGL-UK-3.0'])).toBe('CC-BY-4.0');
    for (const sa of ['CC-BY-SA-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-2.5'] as const) {
      expect(requiredPageLicence(['CC-BY-4.0', sa])).toBe('CC-BY-SA-4.0');
    }
  });

  it('refuses adaptation from all-rights-reserved, no-derivatives and non-commercial text, saying why', () => {
    expect(adaptRefused('all-rights-reserved')).toBe('its publisher keeps all rights');
    expect(adaptRefused('CC-BY-ND-4.0')).toMatch(/forbids sharing adapted versions/);
    expect(adaptRefused('CC-BY-NC-4.0')).toMatch(/forbids commercial use/);
    expect(adaptRefused('CC-BY-NC-SA-4.0')).toMatch(/forbids commercial use/);
    expect(LICENCE_IDS.filter((id) => adaptRefused(id) === undefined)).not.toContain('all-rights-reserved');
  });

  it('links every Creative Commons licence to its deed', () => {
    for (const id of LICENCE_IDS.filter((i) => i.startsWith('CC'))) expect(licenceUrl(id)).toMatch(/^https:\/\/creativecommons\.org\//);
  });
});

describe('the licence rule for pages', () => {
  const sources = new Map([
    ['wiki', { licence: 'CC-BY-SA-4.0' as const, url: 'https://example.org/wiki' }],
    ['report', { licence: 'CC-BY-4.0' as const, url: 'https://example.org/report' }],
    ['blog', { licence: 'all-rights-reserved' as const, url: 'https://example.org/blog' }],
  ]);
  const adapt = (...ids: string[]) => ids.map((source) => ({ source, changes: 'Reworded.' }));

  it('accepts open text under the licence it requires', () => {
    expect(licenceProblems({ adaptedFrom: adapt('report'), licence: 'CC-BY-4.0' }, sources, false)).toEqual([]);
    expect(licenceProblems({ adaptedFrom: adapt('report', 'wiki'), licence: 'CC-BY-SA-4.0' }, sources, true)).toEqual([]);
  });

  it('names each source that may not be adapted, at its own item', () => {
    expect(licenceProblems({ adaptedFrom: adapt('report', 'blog'), licence: 'CC-BY-4.0' }, sources, false).map((p) => p.path)).toEqual([
      ['adaptedFrom', 1, 'source'],
    ]);
  });

  it('asks for CC BY-SA where share-alike text is adapted, and only there', () => {
    expect(licenceProblems({ adaptedFrom: adapt('wiki'), licence: 'CC-BY-4.0' }, sources, false)[0]!.message).toMatch(
      /add licence: CC-BY-SA-4.0 to the frontmatter$/,
    );
    expect(licenceProblems({ adaptedFrom: adapt('report'), licence: 'CC-BY-SA-4.0' }, sources, true)[0]).toEqual({
      path: ['licence'],
      message:
        'is CC-BY-SA-4.0, but no source in adaptedFrom requires it; remove the licence line (pages are CC-BY-4.0 unless they adapt share-alike text)',
    });
  });
});

describe('source licence field', () => {
  const source = { title: 'T', publisher: 'P', kind: 'article' };
  const message = (licence: unknown) => {
    const result = sourceSchema({ ids: {} }).safeParse({ ...source, licence }, { error: errorMap });
    return result.success ? undefined : result.error.issues.map(issueText).join('\n');
  };

  it('takes an id, and keeps the credit line in attribution', () => {
    expect(sourceSchema({ ids: {} }).parse({ ...source, licence: 'CC-BY-4.0', attribution: 'Credit line.' }).attribution).toBe(
      'Credit line.',
    );
  });

  it('tells an editor who pasted a sentence which id to write', () => {
    expect(message('A work of the U.S. federal government, in the public domain.')).toMatch(
      /Write licence: public-domain-us-gov, and move the sentence into attribution$/,
    );
    expect(message('Licensed under CC BY-SA 4.0 by its contributors.')).toMatch(/Write licence: CC-BY-SA-4.0, and move the sentence/);
    expect(message('© Someone. All rights reserved.')).toMatch(/Write licence: all-rights-reserved, and move the sentence/);
    expect(message('cc-by-4.0')).toMatch(/Did you mean "CC-BY-4.0"\?$/);
  });
});
