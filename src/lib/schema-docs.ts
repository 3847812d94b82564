/**
 * The first stage of the schema reference (schema-reference.ts): the doc
 * comment written above each field in src/schemas/*.ts, read with the
 * TypeScript compiler's parser. Comments are followed from each collection's
 * factory through the helpers it calls (`pageFields`, `cited`, `payFigure`…),
 * so they stay the single source and nothing is copied into `.describe()`.
 * Kept apart because it is the only part that reads source code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { COLLECTION_DEFS } from '../schemas/collections.ts';
import type { CollectionName } from '../schemas/common.ts';

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
export interface DocShape {
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
