/**
 * `npm run validate -- --fix`: the few repairs that have exactly one right
 * answer, applied before validating.
 *
 * - Fields are put in the order the schema lists them (the order of the
 *   templates and the schema reference), at every level. Only the order of lines
 *   changes: values, quoting, comments and folding are kept byte for byte.
 * - Trailing spaces and tabs are removed. In MDX text, two trailing spaces mean
 *   a line break, so they become the equivalent backslash break.
 * - A file whose name is not a valid id is renamed to the id it suggests, unless
 *   a file already has that name.
 *
 * Framework exports keep their key order: they must stay identical to the export.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { COLLECTION_DEFS, CONTENT_DIR, idFromFileName } from '../schemas/collections.ts';
import { COLLECTIONS, ID_PATTERN, type CollectionName } from '../schemas/common.ts';
import { slugify } from './content-validator.ts';
import { jsonSchemaFor } from './json-schema.ts';

export interface Fix {
  /** Path relative to the root, after any rename. */
  file: string;
  message: string;
}

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode | boolean;
  prefixItems?: JsonSchemaNode[];
}

const childOfSeq = (schema: JsonSchemaNode | undefined, index: number): JsonSchemaNode | undefined =>
  schema?.prefixItems?.[index] ?? (typeof schema?.items === 'object' ? schema.items : undefined);

/**
 * Reorders the keys of every block mapping in a YAML text to the schema's order.
 * Keys the schema does not know keep their relative order, after the known ones.
 * Comment and blank lines travel with the field below them.
 */
export function reorderYamlKeys(text: string, schema: JsonSchemaNode): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0 || !doc.contents) return text;
  const endOfLine = (offset: number) => {
    if (offset === 0 || text[offset - 1] === '\n') return offset;
    const nl = text.indexOf('\n', offset);
    return nl === -1 ? text.length : nl + 1;
  };

  const render = (node: unknown, nodeSchema: JsonSchemaNode | undefined, start: number, end: number): string => {
    if (isSeq(node) && !node.flow) {
      let out = '';
      let pos = start;
      node.items.forEach((item, i) => {
        const range = (item as YamlNode).range;
        if (!range) return;
        out += text.slice(pos, range[0]) + render(item, childOfSeq(nodeSchema, i), range[0], range[1]);
        pos = range[1];
      });
      return out + text.slice(pos, end);
    }
    if (!isMap(node) || node.flow || node.items.length === 0) return text.slice(start, end);

    const pairs = node.items.map((pair) => {
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      const keyStart = key.range![0];
      const valueEnd = value?.range ? value.range[1] : key.range![1];
      const coreEnd = Math.min(endOfLine(valueEnd), end);
      const name = String((key as { value?: unknown }).value);
      const inner = value?.range
        ? text.slice(keyStart, value.range[0]) +
          render(value, nodeSchema?.properties?.[name], value.range[0], value.range[1]) +
          text.slice(value.range[1], coreEnd)
        : text.slice(keyStart, coreEnd);
      return { name, keyStart, coreEnd, core: inner.endsWith('\n') ? inner : `${inner}\n` };
    });
    const column = lineCounter.linePos(pairs[0]!.keyStart).col;
    const indent = ' '.repeat(column - 1);
    const items = pairs.map((p, i) => ({
      ...p,
      // Blank and comment lines between two fields belong to the field below them.
      leading: i === 0 ? '' : text.slice(pairs[i - 1]!.coreEnd, p.keyStart - indent.length),
      index: i,
    }));
    const tail = text.slice(pairs[pairs.length - 1]!.coreEnd, end);

    const order = Object.keys(nodeSchema?.properties ?? {});
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const sorted = order.length ? [...items].sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index) : items;

    let out = '';
    sorted.forEach((item, j) => {
      if (j === 0) out += item.leading ? item.leading.replace(/^[ \t]*/, '') + indent : '';
      else out += item.leading + indent;
      out += item.core;
    });
    out += tail;
    // The last field may have ended the file without a newline; keep it that way.
    const original = text.slice(start, end);
    return original.endsWith('\n') || !out.endsWith('\n') ? out : out.slice(0, -1);
  };

  return render(doc.contents, schema, 0, text.length);
}

const TRAILING = /[ \t]+$/;

/** Removes trailing spaces and tabs from every line. */
export const stripTrailingWhitespace = (text: string) =>
  text
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r') ? '\r' : '';
      return line.slice(0, line.length - cr.length).replace(TRAILING, '') + cr;
    })
    .join('\n');

/**
 * The same for an MDX body, except that two or more trailing spaces after text
 * (a Markdown line break when another line follows) become a backslash break,
 * which renders identically.
 */
export function stripTrailingWhitespaceMdx(body: string): string {
  const lines = body.split('\n');
  let fence: string | undefined;
  return lines
    .map((raw, i) => {
      const cr = raw.endsWith('\r') ? '\r' : '';
      const line = raw.slice(0, raw.length - cr.length);
      const open = /^\s*(```+|~~~+)/.exec(line);
      if (open) {
        if (!fence) fence = open[1];
        else if (line.trim().startsWith(fence)) fence = undefined;
      }
      const next = lines[i + 1]?.trim() ?? '';
      const hardBreak = !fence && !open && / {2,}$/.test(line) && line.trim() !== '' && next !== '';
      return line.replace(TRAILING, '') + (hardBreak ? '\\' : '') + cr;
    })
    .join('\n');
}

function fixText(collection: CollectionName, text: string): { text: string; changes: string[] } {
  const changes: string[] = [];
  const ext = COLLECTION_DEFS[collection].extension;
  const schema = jsonSchemaFor(collection) as JsonSchemaNode;
  let out = text;

  if (ext === '.mdx') {
    const lines = out.split('\n');
    const close = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
    if (close > 0) {
      const frontmatter = lines.slice(1, close).join('\n');
      const body = lines.slice(close + 1).join('\n');
      const cleanFront = stripTrailingWhitespace(frontmatter);
      const ordered = stripTrailingWhitespace(reorderYamlKeys(cleanFront, schema));
      const cleanBody = stripTrailingWhitespaceMdx(body);
      if (ordered !== cleanFront) changes.push('put the frontmatter fields in schema order');
      if (cleanFront !== frontmatter || cleanBody !== body) changes.push('removed trailing whitespace');
      out = [lines[0]!, ordered, lines[close]!.replace(TRAILING, ''), cleanBody].join('\n');
    } else {
      const clean = stripTrailingWhitespaceMdx(out);
      if (clean !== out) changes.push('removed trailing whitespace');
      out = clean;
    }
  } else {
    const clean = stripTrailingWhitespace(out);
    if (clean !== out) changes.push('removed trailing whitespace');
    out = clean;
    if (ext === '.yaml') {
      const ordered = stripTrailingWhitespace(reorderYamlKeys(out, schema));
      if (ordered !== out) changes.push('put the fields in schema order');
      out = ordered;
    }
  }
  return { text: out, changes };
}

/** Applies every fix under `<root>/content` and lists what changed, file by file. */
export function fixContent(root: string): Fix[] {
  const fixes: Fix[] = [];
  for (const collection of COLLECTIONS) {
    const def = COLLECTION_DEFS[collection];
    const dir = join(root, CONTENT_DIR, def.dir);
    let names: string[] = [];
    try {
      names = readdirSync(dir)
        .filter((n) => extname(n) === def.extension && !n.startsWith('.'))
        .sort();
    } catch {
      continue;
    }
    // Lower-cased, because on some file systems Technician.mdx and technician.mdx are one file.
    const taken = new Set(names.map((n) => n.toLowerCase()));
    for (const name of names) {
      let rel = `${CONTENT_DIR}/${def.dir}/${name}`;
      const bytes = readFileSync(join(root, rel));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        continue; // The validator reports the encoding; rewriting could lose bytes.
      }
      const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
      const { text: fixed, changes } = fixText(collection, text.slice(bom.length));
      if (changes.length > 0) writeFileSync(join(root, rel), bom + fixed);

      const id = idFromFileName(name);
      const wanted = slugify(id);
      const targetName = `${wanted}${def.extension}`;
      // A change of case only is fine, as long as no other file already has the name in any case.
      const free =
        !taken.has(targetName) || (name.toLowerCase() === targetName && names.filter((n) => n.toLowerCase() === targetName).length === 1);
      if (!ID_PATTERN.test(id) && wanted && free) {
        const target = `${CONTENT_DIR}/${def.dir}/${targetName}`;
        // Through a temporary name, so a change of case also works on case-insensitive file systems.
        const temp = join(dir, `.${wanted}.renaming`);
        renameSync(join(root, rel), temp);
        renameSync(temp, join(root, target));
        taken.delete(name.toLowerCase());
        taken.add(targetName);
        changes.push(`renamed from ${rel}, because the file name is the id`);
        rel = target;
      }
      for (const message of changes) fixes.push({ file: rel, message });
    }
  }
  return fixes;
}
