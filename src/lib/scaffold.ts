/**
 * `npm run new -- <type> "<title>"`: starts a new entry from a template.
 *
 * The file it writes is valid as it stands (pages start as drafts), so the
 * build never breaks on a half-written entry, and every part still to write
 * holds the text TODO, which `npm run validate` lists as a warning until it is
 * replaced. It never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { COLLECTION_DEFS, CONTENT_DIR, scanIds } from '../schemas/collections.ts';
import { SETTINGS } from '../schemas/common.ts';
import { REGISTRY, TEMPLATE_COLLECTIONS, type CollectionName, type TemplateCollection } from '../schemas/registry.ts';
import { HOUR_KINDS } from '../schemas/program.ts';
import { CREDIT_UNIT_IDS } from '../schemas/program-units.ts';
import { CAREER_STAGES } from '../schemas/role.ts';
import { SOURCE_KINDS } from '../schemas/source.ts';
import { slugify } from './content-validator.ts';
import { PLACEHOLDER } from './content-warnings.ts';
import { didYouMean } from '../schemas/did-you-mean.ts';
import { errorMap, issueText } from '../schemas/messages.ts';

/** The words `npm run new` takes, each naming the collection it starts an entry in (from the collection registry). */
export const SCAFFOLD_TYPES = Object.fromEntries(TEMPLATE_COLLECTIONS.map((c) => [REGISTRY[c].template, c])) as {
  [K in TemplateCollection as (typeof REGISTRY)[K]['template']]: K;
};
export type ScaffoldType = keyof typeof SCAFFOLD_TYPES;

/** Other words editors reach for. */
const TYPE_ALIASES: Record<string, ScaffoldType> = {
  roles: 'role',
  comparisons: 'comparison',
  compare: 'comparison',
  guides: 'guide',
  programs: 'program',
  training: 'program',
  terms: 'term',
  glossary: 'term',
  'glossary-term': 'term',
  sources: 'source',
};

export const scaffoldType = (word: string): ScaffoldType | undefined => {
  const w = word.toLowerCase();
  return w in SCAFFOLD_TYPES ? (w as ScaffoldType) : TYPE_ALIASES[w];
};

export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  root: string;
  type: ScaffoldType;
  title: string;
  /** YYYY-MM-DD for `published` and `updated`. */
  today: string;
  /**
   * The source the new page cites, chosen by the editor (`--source`). Pages that cite need it: a template never
   * guesses one, since a guessed real id would cite a source the page does not use.
   */
  source?: string | undefined;
  /** The two roles a comparison compares (`--roles a,b`); otherwise read from a title such as "A vs B". */
  roles?: readonly string[] | undefined;
}

export interface Scaffolded {
  /** Path relative to the root. */
  file: string;
  id: string;
  /** What the editor still has to fill in, one line each. */
  todo: string[];
}

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

interface Template {
  lines: string[];
  todo: string[];
}

function template(type: ScaffoldType, title: string, today: string, source: string, roleIds: string[]): Template {
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

const idsIn = (root: string, collection: CollectionName) => {
  const def = COLLECTION_DEFS[collection];
  const dir = join(root, CONTENT_DIR, def.dir);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(def.extension))
        .map((n) => n.slice(0, -def.extension.length))
        .sort()
    : [];
};

/** Writes the new entry, or throws a ScaffoldError saying why not. */
export function scaffold(options: ScaffoldOptions): Scaffolded {
  const { root, type, today } = options;
  const title = options.title.trim();
  const collection = SCAFFOLD_TYPES[type];
  const def = COLLECTION_DEFS[collection];
  const id = slugify(title);
  if (!id) throw new ScaffoldError(`cannot make an id from the title "${options.title}"; use a title with letters or digits`);

  const file = `${CONTENT_DIR}/${def.dir}/${id}${def.extension}`;
  const dir = join(root, CONTENT_DIR, def.dir);
  const clash = existsSync(dir) ? readdirSync(dir).find((n) => n.toLowerCase() === `${id}${def.extension}`) : undefined;
  if (clash) throw new ScaffoldError(`${CONTENT_DIR}/${def.dir}/${clash} already exists; edit it, or choose a different title`);

  const sources = idsIn(root, 'sources');
  const source = options.source;
  if (type !== 'term' && type !== 'source') {
    if (sources.length === 0)
      throw new ScaffoldError('there are no sources yet; add the one you will cite first: npm run new -- source "<its title>"');
    if (!source)
      throw new ScaffoldError(
        `say which source the ${def.noun} cites, by its id (a file name in content/sources/ without .yaml): npm run new -- ${type} "${title}" --source <source-id>. A new source goes in first: npm run new -- source "<its title>"`,
      );
    if (!sources.includes(source)) {
      const hint = didYouMean(source, sources);
      throw new ScaffoldError(
        `--source "${source}" is not a source id; ${hint ? `did you mean "${hint}"?` : 'use the name of a file in content/sources/ without .yaml'}`,
      );
    }
  }
  let roleIds: string[] = [];
  if (type === 'comparison') {
    const roles = idsIn(root, 'roles');
    // "Audio technician vs sound engineer" names its two roles; --roles names them outright.
    const named = options.roles ?? title.split(/\s+(?:vs\.?|versus)\s+/i).map(slugify);
    const unknown = named.filter((r) => !roles.includes(r));
    if (named.length !== 2 || unknown.length > 0 || named[0] === named[1]) {
      const why =
        named.length === 2 && unknown.length > 0
          ? `${unknown.map((r) => `"${r}"`).join(' and ')} ${unknown.length === 1 ? 'is not a role id' : 'are not role ids'}`
          : 'the title does not name two roles';
      throw new ScaffoldError(
        `${why}; say which two roles the comparison compares, by their ids (file names in content/roles/ without .mdx): npm run new -- comparison "${title}" --source <source-id> --roles <role-id>,<role-id>`,
      );
    }
    roleIds = [...named];
  }

  const { lines, todo } = template(type, title, today, source ?? '', roleIds);
  const text = `${lines.join('\n')}\n`;

  // Refuse to write what would not validate (a title that is too long, say).
  const context = { ...scanIds(join(root, CONTENT_DIR)), today: new Date(`${today}T23:59:59Z`) };
  const yamlText = def.extension === '.mdx' ? text.split(/^---$/m)[1]! : text;
  const result = def.schema(context).safeParse(parseYaml(yamlText), { error: errorMap });
  if (!result.success) {
    throw new ScaffoldError(result.error.issues.map(issueText).join('\n'));
  }

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, file), text, { flag: 'wx' });
  return { file, id, todo };
}
