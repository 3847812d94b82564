/**
 * The text of each `npm run new` template (scaffold.ts writes it): a file
 * valid as it stands, a draft, with TODO wherever the editor still has to
 * write, and the list of what is left to fill in. Kept apart from the code
 * that names, checks and writes the file, so each template reads as a whole.
 */
import { stringify } from 'yaml';
import { SETTINGS } from '../schemas/common.ts';
import { HOUR_KINDS } from '../schemas/program.ts';
import { CREDIT_UNIT_IDS } from '../schemas/program-units.ts';
import { CAREER_STAGES } from '../schemas/role.ts';
import { SOURCE_KINDS } from '../schemas/source.ts';
import { PLACEHOLDER } from './content-warnings.ts';
import type { ScaffoldType } from './scaffold.ts';

const T = PLACEHOLDER;
/** YAML for a scalar, quoted only when it has to be. */
const y = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

const DESCRIPTION = `${T}: one sentence of 70 to 150 characters that sums up this page for search results.`;

const pageHead = (title: string, today: string) => [
  '---',
  `title: ${y(title)}`,
  `description: ${y(DESCRIPTION)}`,
  `published: ${today}`,
  `updated: ${today}`,
  '# Remove this line (or set it to false) to publish the page.',
  'draft: true',
];

const PAGE_TODO = [
  'description: one sentence of 70–150 characters for search results',
  'the text below the frontmatter: write it in your own words, citing each fact with <Cite source="…" />',
  'draft: true keeps the page unpublished; remove it when the page is ready',
];

export interface Template {
  lines: string[];
  todo: string[];
}

export function template(type: ScaffoldType, title: string, today: string, source: string, roleIds: string[]): Template {
  const body = (...sections: string[]) => [
    '---',
    ...sections.flatMap((s) => ['', `## ${s}`, '', `${T}: write this section in your own words.`]),
  ];
  const cited = (indent: string, what: string) => [
    `${indent}- text: ${y(`${T}: ${what}, in your own words.`)}`,
    `${indent}  source: ${source}`,
  ];

  switch (type) {
    case 'role':
      return {
        lines: [
          ...pageHead(title, today),
          `# One of: ${CAREER_STAGES.join(', ')}.`,
          'careerStage: entry',
          `# Where the work happens, most typical first: ${SETTINGS.join(', ')}.`,
          'settings: [studio]',
          'responsibilities:',
          ...cited('  ', 'one duty'),
          '# Optional: alternateTitles, onetSoc, occupation, reportsTo, progressesTo, related, skills, education,',
          '# entryRoute, pay, outlook, disagreements, terms, pathLabel. See /contribute/schema/#roles.',
          ...body('Overview'),
        ],
        todo: [
          ...PAGE_TODO,
          'careerStage and settings: check the values the template guessed',
          `responsibilities: replace the ${T} duty; it cites "${source}", so check that source says it`,
        ],
      };
    case 'comparison': {
      const [a, b] = roleIds;
      return {
        lines: [
          ...pageHead(title, today),
          `roles: [${a}, ${b}]`,
          'dimensions:',
          `  - dimension: ${y(`${T}: what the row compares`)}`,
          '    values:',
          ...cited('      ', `what is true of ${a}`),
          ...cited('      ', `what is true of ${b}`),
          '# Optional: disagreements, terms. See /contribute/schema/#comparisons.',
          ...body('How they differ'),
        ],
        todo: [
          ...PAGE_TODO,
          `roles: the two role ids compared, in column order (now ${a} and ${b})`,
          `dimensions: write each row, one cell per role, each with its source (the cells cite "${source}" for now)`,
        ],
      };
    }
    case 'guide':
      return {
        lines: [
          ...pageHead(title, today),
          `sources: [${source}]`,
          '# Optional: roles, terms. See /contribute/schema/#guides.',
          ...body('Overview'),
        ],
        todo: [...PAGE_TODO, `sources: every source the guide cites (now only "${source}")`],
      };
    case 'program':
      return {
        lines: [
          ...pageHead(title, today),
          `provider: ${y(`${T}: who runs the program`)}`,
          '# Length in the unit the source uses: one of weeks, months or years.',
          'weeks: 1',
          '# Clock hours (the components must add up to the total). For a program counted in credits, replace',
          `# hours with credits: { unit: <one of ${CREDIT_UNIT_IDS.join(', ')}>, total: 120 }.`,
          'hours:',
          '  total: 1',
          '  components:',
          `    # kind is one of: ${HOUR_KINDS.join(', ')}.`,
          '    - kind: instruction',
          '      label: Instruction',
          '      hours: 1',
          `source: ${source}`,
          '# Optional: location, award, lengthNote, roles, terms. See /contribute/schema/#programs.',
          ...body('Overview'),
        ],
        todo: [
          ...PAGE_TODO,
          'provider, the length and hours or credits: the figures as the provider states them (the template puts 1)',
          `source: the source that states the figures (now "${source}")`,
        ],
      };
    case 'term':
      return {
        lines: [
          `term: ${y(title)}`,
          `definition: ${y(`${T}: one or two plain sentences.`)}`,
          '# Optional: aliases, related, source. See /contribute/schema/#glossary.',
          '# aliases: [abbreviation, other name]',
          '# source: id-of-a-source',
        ],
        todo: [
          'definition: one or two plain sentences',
          'aliases, related and source: optional; uncomment and fill in the ones that apply',
        ],
      };
    case 'source':
      return {
        lines: [
          `title: ${y(title)}`,
          `publisher: ${y(`${T}: who published it, or Unknown`)}`,
          '# date: 2024-05',
          `# One of: ${SOURCE_KINDS.join(', ')}.`,
          'kind: article',
          '# url: https://…',
          '# The licence, as an id: all-rights-reserved when the document states none (most web pages),',
          '# public-domain-us-gov for a U.S. federal work, or the id of the licence it states, e.g. CC-BY-4.0.',
          'licence: all-rights-reserved',
          `attribution: ${y(`${T}: who holds the rights, or the credit line the licence asks for`)}`,
          '# Optional: date, url, accessed, note. See /contribute/schema/#sources.',
        ],
        todo: [
          'publisher: who published it ("Unknown" if the copy does not say)',
          'kind: check the value the template guessed',
          'licence: all-rights-reserved unless the document states a licence; attribution: who holds the rights, or the credit it asks for',
          'date and url: uncomment and fill in when known (https only)',
        ],
      };
  }
}
