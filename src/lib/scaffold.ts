/**
 * `npm run new -- <type> "<title>"`: starts a new entry from a template.
 *
 * The file it writes is valid as it stands (pages start as drafts), so the
 * build never breaks on a half-written entry, and every part still to write
 * holds the text TODO, which `npm run validate` lists as a warning until it is
 * replaced. It never overwrites a file. The templates themselves are in
 * scaffold-templates.ts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COLLECTION_DEFS, CONTENT_DIR, scanIds } from '../schemas/collections.ts';
import { REGISTRY, TEMPLATE_COLLECTIONS, type CollectionName, type TemplateCollection } from '../schemas/registry.ts';
import { slugify } from './content-validator.ts';
import { didYouMean } from '../schemas/did-you-mean.ts';
import { errorMap, issueText } from '../schemas/messages.ts';
import { template } from './scaffold-templates.ts';

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
