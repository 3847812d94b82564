/**
 * The cross-entry licence rule, which a page's own schema cannot decide because
 * it needs the licences recorded in content/sources/: a page may adapt text only
 * from a source whose licence allows it, the source must say where its text is,
 * and the page carries the licence its adapted text requires (CC BY-SA text makes
 * the page CC BY-SA 4.0; nothing else may). `npm run validate` and the build run it
 * through the validator; the licence table itself is src/schemas/licences.ts.
 */
import { adaptRefused, HANDBOOK_LICENCE, requiredPageLicence, type LicenceId, type PageLicence } from '../schemas/licences.ts';

export interface LicenceProblem {
  path: (string | number)[];
  message: string;
}

interface SourceFacts {
  licence: LicenceId;
  url?: string | undefined;
}

interface PageData {
  adaptedFrom?: readonly { source: string }[];
  licence?: PageLicence;
}

/** Problems with a page's adapted text and licence; `sources` holds the sources that passed their schema. */
export function licenceProblems(
  page: PageData,
  sources: ReadonlyMap<string, SourceFacts>,
  /** Whether the file itself has a licence line (the schema fills in the default otherwise). */
  explicitLicence: boolean,
): LicenceProblem[] {
  const problems: LicenceProblem[] = [];
  const adapted = page.adaptedFrom ?? [];
  const licences: LicenceId[] = [];
  adapted.forEach(({ source: id }, i) => {
    const source = sources.get(id);
    // An unknown id already has its error from the schema.
    if (!source) return;
    const path = ['adaptedFrom', i, 'source'];
    const refused = adaptRefused(source.licence);
    if (refused) {
      problems.push({
        path,
        message: `"${id}" is licensed ${source.licence}: ${refused}, so a page may not include its text; write the facts in your own words, cite it with <Cite source="${id}" />, and remove it from adaptedFrom`,
      });
      return;
    }
    licences.push(source.licence);
    if (!source.url)
      problems.push({
        path,
        message: `"${id}" has no url; add the address of the text you adapted to content/sources/${id}.yaml, so the page can link to it as its licence asks`,
      });
  });
  const required = requiredPageLicence(licences);
  const actual = page.licence ?? HANDBOOK_LICENCE;
  if (actual === required) return problems;
  if (required === HANDBOOK_LICENCE) {
    problems.push({
      path: ['licence'],
      message: `is ${actual}, but no source in adaptedFrom requires it; remove the licence line (pages are ${HANDBOOK_LICENCE} unless they adapt share-alike text)`,
    });
    return problems;
  }
  const index = adapted.findIndex(({ source }) => {
    const licence = sources.get(source)?.licence;
    return licence !== undefined && requiredPageLicence([licence]) !== HANDBOOK_LICENCE;
  });
  const { source: id } = adapted[index]!;
  const why = `"${id}", which is licensed ${sources.get(id)!.licence} and requires adapted versions to be shared alike`;
  problems.push(
    // Reported where the editor wrote a licence, else at the source that requires one.
    explicitLicence
      ? { path: ['licence'], message: `must be ${required}, because the page adapts text from ${why}; write licence: ${required}` }
      : {
          path: ['adaptedFrom', index, 'source'],
          message: `the page adapts text from ${why}, so it must carry that licence too; add licence: ${required} to the frontmatter`,
        },
  );
  return problems;
}
