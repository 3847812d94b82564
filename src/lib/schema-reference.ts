/**
 * The schema reference on /contribute/schema/: for every field of every
 * collection, its type, whether it is required, its allowed values and limits
 * (from the JSON Schema that zod generates) and its description (the one-line
 * doc comment written above the field in src/schemas/*.ts).
 *
 * The doc comments stay the single source: they are read with the TypeScript
 * compiler's parser, following the schema code from each collection's factory
 * through helpers such as `pageFields`, `cited` and `payFigure`, so nothing is
 * copied into `.describe()` calls.
 */
import { COLLECTION_DEFS } from '../schemas/collections.ts';
import { ID_PATTERN, type CollectionName } from '../schemas/common.ts';
import { jsonSchemaFor } from './json-schema.ts';
import { SchemaDocs, type DocShape } from './schema-docs.ts';

// Pages and tests read the docs through this module, the one entry point of the schema reference.
export { SchemaDocs };

export interface FieldReference {
  /** Where the field sits, e.g. `pay[].amount`; `[]` stands for every item of a list. */
  path: string;
  /** Depth of nesting, 0 for top-level fields. */
  depth: number;
  /** The doc comment written above the field, or undefined if there is none. */
  doc: string | undefined;
  /** The kind of value, in editors' words: text, number, list of …. */
  type: string;
  required: boolean;
  /** The only values accepted, when the schema lists them. */
  allowed?: string[];
  default?: unknown;
  /** Limits such as "50–160 characters" or "at least 1 item". */
  limits: string[];
}

// ---------------------------------------------------------------------------
// Types and limits, read from the JSON Schema.

interface JsonNode {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode | boolean;
  prefixItems?: JsonNode[];
  additionalProperties?: JsonNode | boolean;
}

const elementOf = (node: JsonNode): JsonNode | undefined =>
  node.prefixItems?.[0] ?? (typeof node.items === 'object' ? node.items : undefined);

function typeName(node: JsonNode): string {
  if (node.const !== undefined) return 'fixed value';
  if (node.type === 'array') {
    const el = elementOf(node);
    const count = node.prefixItems ? `${node.prefixItems.length} ` : '';
    return el ? `list of ${count}${plural(typeName(el))}` : 'list';
  }
  if (node.type === 'object') return node.properties ? 'group of fields' : 'group of named texts';
  if (node.type === 'string') {
    if (node.enum) return 'one of a list';
    if (node.pattern === ID_PATTERN.source) return 'id';
    if (node.format === 'date-time') return 'timestamp';
    if (node.format === 'uri') return 'web address';
    return 'text';
  }
  if (node.type === 'integer') return 'whole number';
  if (node.type === 'number') return 'number';
  if (node.type === 'boolean') return 'true or false';
  return 'any value';
}

const plural = (t: string) =>
  t === 'group of fields'
    ? 'groups of fields'
    : t === 'id'
      ? 'ids'
      : t === 'one of a list'
        ? 'values from a list'
        : t === 'text'
          ? 'texts'
          : `${t}s`;

function limits(node: JsonNode): string[] {
  const out: string[] = [];
  // zod's .int() bounds whole numbers by the largest safe integer; that is no limit an editor meets.
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n);
  node = { ...node, minimum: bound(node.minimum)!, maximum: bound(node.maximum)! };
  const { minLength: lo, maxLength: hi } = node;
  if (lo !== undefined && hi !== undefined) out.push(lo <= 1 ? `up to ${hi} characters` : `${lo}–${hi} characters`);
  else if (hi !== undefined) out.push(`up to ${hi} characters`);
  else if (lo !== undefined && lo > 1) out.push(`at least ${lo} characters`);
  if (node.exclusiveMinimum !== undefined) out.push(`more than ${node.exclusiveMinimum}`);
  if (node.minimum !== undefined && node.maximum !== undefined) out.push(`${node.minimum} to ${node.maximum}`);
  else if (node.minimum !== undefined) out.push(`at least ${node.minimum}`);
  else if (node.maximum !== undefined) out.push(`at most ${node.maximum}`);
  if (node.prefixItems) out.push(`exactly ${node.prefixItems.length} items`);
  else if (node.minItems !== undefined) out.push(`at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
  if (node.pattern && node.pattern !== ID_PATTERN.source && node.format !== 'date-time') out.push(`pattern ${node.pattern}`);
  return out;
}

/** Every field of a collection, parents before children, in schema order. */
export function schemaReference(collection: CollectionName, docs = new SchemaDocs()): FieldReference[] {
  const rows: FieldReference[] = [];
  const walk = (node: JsonNode, shape: DocShape, prefix: string, depth: number) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const field = shape.fields?.get(key);
      const path = prefix ? `${prefix}.${key}` : key;
      const enumValues = child.enum ?? (child.type === 'array' ? elementOf(child)?.enum : undefined);
      rows.push({
        path,
        depth,
        doc: field?.doc,
        type: typeName(child),
        required: node.required?.includes(key) ?? false,
        ...(enumValues ? { allowed: enumValues.map(String) } : child.const !== undefined ? { allowed: [String(child.const)] } : {}),
        ...(child.default !== undefined ? { default: child.default } : {}),
        limits: limits(child),
      });
      const childShape = docs.shape(field?.value);
      if (child.type === 'object' && child.properties) walk(child, childShape, path, depth + 1);
      const el = child.type === 'array' ? elementOf(child) : undefined;
      if (el?.type === 'object' && el.properties) walk(el, docs.shape(childShape.element), `${path}[]`, depth + 1);
    }
  };
  walk(jsonSchemaFor(collection) as JsonNode, docs.collection(collection), '', 0);
  return rows;
}

// ---------------------------------------------------------------------------
// JSON Schema files for editors' text editors.

/** Where `npm run schemas` writes the editor schemas, relative to the repository root. */
export const EDITOR_SCHEMA_DIR = 'schemas';
export const editorSchemaFile = (collection: CollectionName) => `${EDITOR_SCHEMA_DIR}/${collection}.schema.json`;

/**
 * The collection's JSON Schema with each field's doc comment as its
 * `description`, so editors show it on hover and in completions.
 */
export function editorJsonSchema(collection: CollectionName, docs = new SchemaDocs()): Record<string, unknown> {
  const json = structuredClone(jsonSchemaFor(collection)) as JsonNode & Record<string, unknown>;
  const byPath = new Map(schemaReference(collection, docs).map((row) => [row.path, row.doc]));
  const annotate = (node: JsonNode, prefix: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const doc = byPath.get(path);
      if (doc) (child as Record<string, unknown>).description = doc;
      annotate(child, path);
      const el = child.type === 'array' ? elementOf(child) : undefined;
      if (el) for (const item of child.prefixItems ?? [el]) annotate(item, `${path}[]`);
    }
  };
  annotate(json, '');
  const def = COLLECTION_DEFS[collection];
  return {
    ...json,
    description: `A ${def.noun}: one ${def.extension} file per entry in content/${def.dir}/. Generated from src/schemas/ by \`npm run schemas\`; do not edit.`,
  };
}

/** The file contents `npm run schemas` writes, by path. */
export function editorSchemaFiles(): Map<string, string> {
  const docs = new SchemaDocs();
  return new Map(
    (Object.keys(COLLECTION_DEFS) as CollectionName[]).map((c) => [
      editorSchemaFile(c),
      `${JSON.stringify(editorJsonSchema(c, docs), null, 2)}\n`,
    ]),
  );
}
