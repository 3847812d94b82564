/**
 * Licences: what each source's licence lets the handbook do with its text, and
 * which licence a page takes when it adapts text. The source schema, the page
 * schema, the validator's licence rule, the pages' source notes and the open
 * data statements all read this table, so the rule is decided in one place.
 *
 * Ids are SPDX identifiers (https://spdx.org/licenses/) where SPDX has one;
 * `public-domain-us-gov` (a work of the U.S. federal government) and
 * `all-rights-reserved` (no licence: the usual case for a web page) have none.
 */

interface LicenceInfo {
  /** How readers see it: "CC BY 4.0". */
  name: string;
  /** The licence text or deed, when it has one. */
  url?: string;
  /**
   * What adapting its text into a page needs: `any` (a page under the handbook's own CC BY 4.0 may include it),
   * `share-alike` (only a CC BY-SA 4.0 page may), or why it may not be adapted at all.
   */
  adapt: 'any' | 'share-alike' | { refused: string };
}

export const LICENCES = {
  'all-rights-reserved': { name: 'All rights reserved', adapt: { refused: 'its publisher keeps all rights' } },
  'CC0-1.0': { name: 'CC0 1.0 (public domain dedication)', url: 'https://creativecommons.org/publicdomain/zero/1.0/', adapt: 'any' },
  'public-domain-us-gov': { name: 'Public domain (a work of the U.S. federal government)', adapt: 'any' },
  'CC-BY-4.0': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', adapt: 'any' },
  'CC-BY-3.0': { name: 'CC BY 3.0', url: 'https://creativecommons.org/licenses/by/3.0/', adapt: 'any' },
  'OGL-UK-3.0': {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    adapt: 'any',
  },
  'CC-BY-SA-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/', adapt: 'share-alike' },
  'CC-BY-SA-3.0': { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/', adapt: 'share-alike' },
  'CC-BY-SA-2.5': { name: 'CC BY-SA 2.5', url: 'https://creativecommons.org/licenses/by-sa/2.5/', adapt: 'share-alike' },
  'CC-BY-NC-4.0': {
    name: 'CC BY-NC 4.0',
    url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    adapt: { refused: 'it forbids commercial use, which the handbook’s own licence allows' },
  },
  'CC-BY-NC-SA-4.0': {
    name: 'CC BY-NC-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    adapt: { refused: 'it forbids commercial use, which the handbook’s own licence allows' },
  },
  'CC-BY-ND-4.0': {
    name: 'CC BY-ND 4.0',
    url: 'https://creativecommons.org/licenses/by-nd/4.0/',
    adapt: { refused: 'it forbids sharing adapted versions' },
  },
} as const satisfies Record<string, LicenceInfo>;

export type LicenceId = keyof typeof LICENCES;
export const LICENCE_IDS = Object.keys(LICENCES) as [LicenceId, ...LicenceId[]];

/** The licence of the handbook's own text and data. */
export const HANDBOOK_LICENCE = 'CC-BY-4.0' satisfies LicenceId;
/** The licence a page takes when it adapts share-alike text: every share-alike licence above allows this later version. */
export const SHARE_ALIKE_LICENCE = 'CC-BY-SA-4.0' satisfies LicenceId;
/** The licences a page can carry: the handbook's own, or the share-alike one its adapted text requires. */
export const PAGE_LICENCES = [HANDBOOK_LICENCE, SHARE_ALIKE_LICENCE] as const;
export type PageLicence = (typeof PAGE_LICENCES)[number];

const info = (id: LicenceId): LicenceInfo => LICENCES[id];
export const licenceName = (id: LicenceId) => info(id).name;
export const licenceUrl = (id: LicenceId): string | undefined => info(id).url;

/** Why text under this licence may not be adapted into a page, or undefined when it may. */
export function adaptRefused(id: LicenceId): string | undefined {
  const { adapt } = info(id);
  return typeof adapt === 'object' ? adapt.refused : undefined;
}

/** The licence a page must carry, given the licences of the sources it adapts text from. */
export const requiredPageLicence = (adapted: readonly LicenceId[]): PageLicence =>
  adapted.some((id) => info(id).adapt === 'share-alike') ? SHARE_ALIKE_LICENCE : HANDBOOK_LICENCE;

/** What a page's reuse note needs: its licence and the sources whose text it adapts. */
export interface Reuse {
  licence: LicenceId;
  adaptedFrom: readonly { source: string; changes: string }[];
}
