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
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { COLLECTION_DEFS } from '../schemas/collections.ts';
import { ID_PATTERN, type CollectionName } from '../schemas/common.ts';
import { jsonSchemaFor } from './json-schema.ts';

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
// Doc comments, read from the schema source code.

interface Located {
  file: ts.SourceFile;
  node: ts.Node;
}

interface Module {
  file: ts.SourceFile;
  /** Top-level declarations by name: the expression (or function) each stands for. */
  decls: Map<string, ts.Node>;
  /** Imported names: which file and which exported name they refer to. */
  imports: Map<string, { path: string; name: string }>;
}

/** What the schema code says about one value: its fields (for objects) or element (for lists). */
interface DocShape {
  fields?: Map<string, { doc: string | undefined; value: Located | undefined }>;
  element?: Located;
}

export class SchemaDocs {
  private readonly modules = new Map<string, Module>();

  constructor(schemaDir = join(process.cwd(), 'src/schemas')) {
    for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const path = join(schemaDir, name);
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const decls = new Map<string, ts.Node>();
      const imports = new Map<string, { path: string; name: string }>();
      for (const statement of file.statements) {
        if (ts.isVariableStatement(statement)) {
          for (const d of statement.declarationList.declarations) {
            if (ts.isIdentifier(d.name) && d.initializer) decls.set(d.name.text, d.initializer);
          }
        } else if (ts.isFunctionDeclaration(statement) && statement.name) {
          decls.set(statement.name.text, statement);
        } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
          const from = statement.moduleSpecifier.text;
          const bindings = statement.importClause?.namedBindings;
          if (!from.startsWith('./') || !bindings || !ts.isNamedImports(bindings)) continue;
          for (const el of bindings.elements) {
            imports.set(el.name.text, { path: join(schemaDir, from.slice(2)), name: (el.propertyName ?? el.name).text });
          }
        }
      }
      this.modules.set(path, { file, decls, imports });
    }
  }

  /** Finds the declaration a name refers to in a file, following imports between schema files. */
  private resolve(file: ts.SourceFile, name: string): Located | undefined {
    const mod = this.modules.get(file.fileName);
    const local = mod?.decls.get(name);
    if (local) return { file, node: local };
    const imported = mod?.imports.get(name);
    const target = imported && this.modules.get(imported.path);
    return target ? this.resolve(target.file, imported.name) : undefined;
  }

  /** The expression a function-like declaration returns. */
  private static returned(node: ts.Node): ts.Node | undefined {
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return node.body;
    const body = ts.isArrowFunction(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ? node.body : undefined;
    if (!body || !ts.isBlock(body)) return undefined;
    const ret = body.statements.find(ts.isReturnStatement);
    return ret?.expression;
  }

  private static docOf(node: ts.Node): string | undefined {
    const jsDoc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
    const text = jsDoc ? ts.getTextOfJSDocComment(jsDoc.comment) : undefined;
    return text?.trim() || undefined;
  }

  /** Follows a schema expression down to the object, list or tuple it builds. */
  shape(at: Located | undefined, seen = 0): DocShape {
    if (!at || seen > 50) return {};
    const { file, node } = at;
    const next = (n: ts.Node | undefined) => this.shape(n ? { file, node: n } : undefined, seen + 1);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return next(node.expression);
    if (ts.isIdentifier(node)) {
      const target = this.resolve(file, node.text);
      if (!target) return {};
      const value =
        ts.isArrowFunction(target.node) || ts.isFunctionDeclaration(target.node) ? SchemaDocs.returned(target.node) : target.node;
      return this.shape(value ? { file: target.file, node: value } : undefined, seen + 1);
    }
    if (ts.isObjectLiteralExpression(node)) return { fields: this.fields({ file, node }) };
    if (!ts.isCallExpression(node)) return {};
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const isZ = ts.isIdentifier(callee.expression) && callee.expression.text === 'z';
      if (isZ && ['object', 'strictObject', 'looseObject'].includes(method)) return next(node.arguments[0]);
      if (isZ && method === 'array') return { element: { file, node: node.arguments[0]! } };
      if (isZ && method === 'tuple') {
        const items = node.arguments[0];
        return items && ts.isArrayLiteralExpression(items) && items.elements[0] ? { element: { file, node: items.elements[0] } } : {};
      }
      if (isZ && method === 'preprocess') return next(node.arguments[1]);
      if (isZ) return {};
      // A method on a schema (.optional(), .refine(), .min()): the shape is the receiver's.
      return next(callee.expression);
    }
    // A helper such as cited(ctx, 'skills'): the shape is what the helper returns.
    return next(callee);
  }

  private fields(at: Located): Map<string, { doc: string | undefined; value: Located | undefined }> {
    const out = new Map<string, { doc: string | undefined; value: Located | undefined }>();
    const node = at.node as ts.ObjectLiteralExpression;
    for (const prop of node.properties) {
      if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
        out.set(prop.name.text, { doc: SchemaDocs.docOf(prop), value: { file: at.file, node: prop.initializer } });
      } else if (ts.isSpreadAssignment(prop)) {
        // ...pageFields(ctx): the fields of the object the helper returns.
        const spread = this.shape({
          file: at.file,
          node: ts.isCallExpression(prop.expression) ? prop.expression.expression : prop.expression,
        });
        for (const [k, v] of spread.fields ?? []) out.set(k, v);
      }
    }
    return out;
  }

  /** The shape of a collection's schema, starting from its factory (roleSchema, …). */
  collection(collection: CollectionName): DocShape {
    const factory = COLLECTION_DEFS[collection].schema.name;
    for (const mod of this.modules.values()) {
      const node = mod.decls.get(factory);
      if (node) return this.shape({ file: mod.file, node: SchemaDocs.returned(node) ?? node });
    }
    throw new Error(`No declaration of ${factory} in src/schemas/; the schema reference cannot read its comments`);
  }
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
