/**
 * Stage 4: the safe MDX subset, decided on the parsed tree. Content comes from
 * pull requests, so a body may hold Markdown and the registered components
 * with literal attribute values, and nothing that runs code: no imports or
 * exports, no {expressions} (only {/* comments *\/}), no spreads, no raw HTML,
 * and no link or image address outside https:, http:, mailto:, this site and
 * #fragments.
 */
import type { z } from 'astro/zod';
import {
  isMdxComponent,
  MDX_COMPONENTS,
  TOP_LEVEL_COMPONENTS,
  type MdxComponentName,
  type MdxComponentSpec,
} from '../../components/mdx/registry.ts';
import type { SchemaContext } from '../../schemas/common.ts';
import { didYouMean } from '../../schemas/did-you-mean.ts';
import { isCommentOnly, isExpression, isJsx, walk, type MdxNode } from '../mdx-tree.ts';
import { errorMap } from '../../schemas/messages.ts';
import type { Located } from './parse-source.ts';
import { rawHtmlMessage } from './html-fixes.ts';
import { imageTagMessage } from './images.ts';
import { expressionMessage } from './mdx-syntax.ts';
import { checkUrl } from './urls.ts';

/**
 * A link to a page of this site, kept for the cross-entry stage: the page must exist and be published, and its
 * #fragment must be an id the page has (`fragments.ts`).
 */
export interface InternalLink {
  line: number;
  column: number;
  /** The page's path; empty for a link to a #fragment of the same page. */
  path: string;
  fragment: string | undefined;
  /** The entry a component names (<HoursChart program="…">), which must be published too. */
  entry?: { collection: 'programs' | 'comparisons'; id: string };
}

export interface BodyCheck {
  problems: Located[];
  links: InternalLink[];
}

const COMPONENT_LIST = TOP_LEVEL_COMPONENTS.join(', ');
const RAW_HTML_FIX = `write it in Markdown instead (a table as a Markdown table with | between cells, or <Table> when cells must merge; emphasis as *text*; a new line in a table cell as <Cell> with a backslash at the end of the line), or use one of the components ${COMPONENT_LIST}`;

/** Each component's props schema, built once per validation with the ids on disk. */
export type ComponentSchemas = Record<MdxComponentName, z.ZodType>;

export function componentSchemas(ctx: SchemaContext): ComponentSchemas {
  return Object.fromEntries(
    Object.entries(MDX_COMPONENTS).map(([name, spec]) => [name, (spec as MdxComponentSpec).props(ctx)]),
  ) as ComponentSchemas;
}

const LITERAL = /^\s*(-?\d+(?:\.\d+)?|true|false)\s*$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

export function checkBody(tree: MdxNode, body: string, bodyStartLine: number, schemas: ComponentSchemas): BodyCheck {
  const problems: Located[] = [];
  const links: InternalLink[] = [];
  const report = (node: MdxNode, message: string) =>
    problems.push({ line: node.position?.start.line ?? bodyStartLine, column: node.position?.start.column ?? 1, field: 'body', message });

  const control = CONTROL.exec(body);
  if (control) {
    const before = body.slice(0, control.index);
    const line = bodyStartLine + before.split('\n').length - 1;
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    problems.push({
      line,
      column: control.index - before.lastIndexOf('\n'),
      field: 'body',
      message: `this line holds an invisible control character (U+${code}) that cannot appear in a web page or feed; delete it`,
    });
  }

  walk(tree, (node, parent) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          node,
          `imports and exports are not allowed in content; the components ${COMPONENT_LIST} are available without importing them`,
        );
        return false;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value ?? '')) {
          const siblings = parent?.children ?? [];
          const before = siblings[siblings.indexOf(node) - 1];
          report(
            node,
            expressionMessage(node.value ?? '', parent?.type === 'heading', before?.type === 'text' ? (before.value ?? '') : ''),
          );
        }
        return false;
      case 'html':
        report(node, `raw HTML is not allowed in content; ${RAW_HTML_FIX}`);
        return false;
      case 'image':
        // Images are files in content/ as well as addresses: src/lib/validate/images.ts checks them.
        return undefined;
      case 'link':
      case 'definition':
        checkAddress(node, report, links);
        return undefined;
    }
    if (!isJsx(node)) return undefined;
    return checkElement(node, parent, schemas, report, links);
  });
  return { problems, links };
}

function checkAddress(node: MdxNode, report: (node: MdxNode, message: string) => void, links: InternalLink[]) {
  const verdict = checkUrl(node.url ?? '');
  if (!verdict.ok) {
    report(node, verdict.message);
  } else if (verdict.kind === 'internal' || verdict.kind === 'fragment') {
    const path = verdict.kind === 'internal' ? verdict.path : '';
    links.push({ line: node.position!.start.line, column: node.position!.start.column, path, fragment: verdict.fragment });
  }
}

function checkElement(
  node: MdxNode,
  parent: MdxNode | undefined,
  schemas: ComponentSchemas,
  report: (node: MdxNode, message: string) => void,
  links: InternalLink[],
): boolean | undefined {
  const name = node.name;
  if (!name) {
    report(node, `empty tags <>…</> are not allowed in content; remove them and keep what is between them`);
    return undefined;
  }
  if (!/^[A-Z]/.test(name) || /[.:]/.test(name)) {
    // One error per block of HTML, not one per tag inside it.
    if (/^(script|style)$/i.test(name))
      report(node, `raw <${name}> tags are not allowed in content; pages ship no scripts or styles from MDX`);
    else report(node, imageTagMessage(name) ?? rawHtmlMessage(name, RAW_HTML_FIX));
    return false;
  }
  if (!isMdxComponent(name) && imageTagMessage(name)) {
    report(node, imageTagMessage(name)!);
    return false;
  }
  if (!isMdxComponent(name)) {
    const hint = didYouMean(name, TOP_LEVEL_COMPONENTS);
    report(node, `unknown component <${name}>; ${hint ? `did you mean <${hint}>?` : `use one of ${COMPONENT_LIST}`}`);
    return undefined;
  }
  const spec: MdxComponentSpec = MDX_COMPONENTS[name];
  const parentName = parent && isJsx(parent) ? parent.name : undefined;
  if (spec.parent && parentName !== spec.parent) {
    report(node, `<${name}> only works inside <${spec.parent}>; move it there`);
    return false;
  }
  const props = readProps(node, name, report);
  if (!props) return false;
  const result = schemas[name].safeParse(props, { error: errorMap, reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) report(node, propMessage(name, spec, issue, props));
  }
  checkChildren(node, name, spec, report);
  if (result.success && (name === 'HoursChart' || name === 'ComparisonTable')) {
    const id = String(name === 'HoursChart' ? props.program : props.comparison);
    const collection = name === 'HoursChart' ? 'programs' : 'comparisons';
    links.push({
      line: node.position!.start.line,
      column: node.position!.start.column,
      path: `/${name === 'HoursChart' ? 'programs' : 'compare'}/${id}/`,
      fragment: undefined,
      entry: { collection, id },
    });
  }
  return undefined;
}

/** The attributes as plain values, or undefined after reporting what makes them unsafe. */
function readProps(node: MdxNode, name: string, report: (node: MdxNode, message: string) => void): Record<string, unknown> | undefined {
  const props: Record<string, unknown> = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute' || attr.name === undefined) {
      report(node, `<${name}> has {…} among its attributes, which is code; write each attribute as name="value"`);
      return undefined;
    }
    if (Object.hasOwn(props, attr.name)) {
      report(node, `<${name}> has the attribute ${attr.name} twice; keep one`);
      return undefined;
    }
    const value = attr.value;
    if (value === null || value === undefined) props[attr.name] = true;
    else if (typeof value === 'string') props[attr.name] = value;
    else if (LITERAL.test(value.value)) props[attr.name] = JSON.parse(value.value.trim());
    else {
      report(node, `<${name} ${attr.name}={…}> is code, which content may not run; write the value in double quotes: ${attr.name}="…"`);
      return undefined;
    }
  }
  return props;
}

function propMessage(name: string, spec: MdxComponentSpec, issue: z.core.$ZodIssue, props: Record<string, unknown>): string {
  const key = issue.path[0];
  const takes = spec.attributes.map(([a]) => a).join(', ');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((k) => {
        const hint = didYouMean(
          k,
          spec.attributes.map(([a]) => a),
        );
        return `<${name}> has no attribute "${k}"; ${hint ? `did you mean "${hint}"?` : `it takes ${takes}`}`;
      })
      .join('; ');
  }
  if (typeof key === 'string' && props[key] === undefined) {
    const what = spec.attributes.find(([a]) => a === key)?.[1].replace(/^required: /, '') ?? 'see /contribute/components/';
    return `<${name}> needs a ${key}="…" attribute: ${what}`;
  }
  if (typeof key !== 'string') return `<${name}>: ${issue.message}`;
  // Schema messages leave the field's name out (the tag shows it); older ones started with it.
  const message = issue.message.startsWith(`${key} `) ? issue.message.slice(key.length + 1) : issue.message;
  return `<${name} ${key}="${String(props[key])}"> ${message}`;
}

const isBlank = (n: MdxNode) => n.type === 'text' && !(n.value ?? '').trim();

function checkChildren(node: MdxNode, name: string, spec: MdxComponentSpec, report: (node: MdxNode, message: string) => void) {
  const children = (node.children ?? []).filter((c) => !isBlank(c));
  if (spec.children === 'none') {
    if (children.length) report(node, `<${name}> takes nothing between tags; write it as one tag ending in />`);
    return;
  }
  if (typeof spec.children === 'object') {
    const { only, min } = spec.children;
    const stray = children.find((c) => !(isJsx(c) && c.name === only) && !isExpression(c));
    if (stray) {
      report(stray, `<${name}> holds only <${only}> tags, one per line; move this text into a <${only}>`);
      return;
    }
    const count = children.filter((c) => isJsx(c) && c.name === only).length;
    if (count < min) report(node, `<${name}> needs at least ${min} <${only}> tags, one for each side with its source`);
  }
}
