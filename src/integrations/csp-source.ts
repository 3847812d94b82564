/**
 * The site's own inline code, taken from its source rather than from dist/:
 * - inline scripts and stylesheets written in src/**\/*.astro (`<script is:inline>`,
 *   or with attributes, which Astro leaves inline), read with Astro's own
 *   compiler, so the text is exactly what Astro copies into the page;
 * - the stylesheets and scripts Vite builds from the components, captured as
 *   the bundle is generated (Astro then inlines the stylesheets into pages).
 *
 * Content under content/ is neither: whatever it might smuggle into a page is
 * not in this list, so the CSP step refuses it (./csp-headers.ts).
 */
import { parse } from '@astrojs/compiler-rs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

export interface SiteCode {
  /** Text of every inline script the source writes. */
  scripts: Set<string>;
  /** Text of every stylesheet: inline ones from the source and every stylesheet Vite built. */
  styles: Set<string>;
  /** Site paths of the scripts Vite built ("/_astro/x.js"), the only allowed `<script src>`; their text may also be inlined. */
  scriptFiles: Map<string, string>;
}

/** Script types that execute, so CSP governs them; anything else (JSON-LD, JSON) is a data block. */
export const EXECUTABLE_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

interface Node {
  type?: string;
  start?: number;
  end?: number;
  [key: string]: unknown;
}

interface JsxAttribute {
  type: string;
  name?: { name?: string };
  value?: { type?: string; value?: unknown } | null;
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    const node = value as Node;
    if (typeof node.type === 'string') yield node;
    for (const key of Object.keys(node)) if (key !== 'type') yield* walk(node[key]);
  }
}

/** The inline <script> and <style> elements of one .astro file, with their text. */
export function inlineCodeInComponent(source: string, file = 'component.astro'): { scripts: string[]; styles: string[] } {
  const found = { scripts: [] as string[], styles: [] as string[] };
  for (const node of walk(parse(source).ast)) {
    if (node.type !== 'JSXElement') continue;
    const opening = node.openingElement as Node & { name?: { name?: string }; attributes?: JsxAttribute[] };
    const closing = node.closingElement as Node | null;
    const tag = opening.name?.name;
    if (tag !== 'script' && tag !== 'style') continue;
    const attributes = new Map((opening.attributes ?? []).map((a) => [a.name?.name ?? '', a.value]));
    // Astro bundles a <script> or <style> with no attributes (or only lang="…"); any other attribute leaves it inline.
    const inline = attributes.has('is:inline') || [...attributes.keys()].some((name) => name !== 'lang');
    if (!inline) continue;
    const type = attributes.get('type');
    const typeText = type?.type === 'Literal' && typeof type.value === 'string' ? type.value.trim().toLowerCase() : type ? undefined : '';
    if (tag === 'script' && typeText !== undefined && !EXECUTABLE_TYPES.has(typeText)) continue;
    for (const dynamic of ['set:html', 'set:text', 'define:vars'])
      if (attributes.has(dynamic))
        throw new Error(`${file}: an inline <${tag}> with ${dynamic} has no fixed text, so its hash cannot come from the source`);
    if (tag === 'script' && typeText === undefined)
      throw new Error(`${file}: an inline <script> whose type is an expression cannot be told apart from a data block`);
    const text =
      closing && typeof opening.end === 'number' && typeof closing.start === 'number' ? source.slice(opening.end, closing.start) : '';
    found[tag === 'script' ? 'scripts' : 'styles'].push(text);
  }
  return found;
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? astroFiles(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : [],
  );
}

/** Every inline script and stylesheet the .astro files under `srcDir` write. */
export function inlineCodeInSource(srcDir: string): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of astroFiles(srcDir)) {
    const found = inlineCodeInComponent(readFileSync(file, 'utf8'), relative(join(srcDir, '..'), file));
    found.scripts.forEach((s) => scripts.add(s));
    found.styles.forEach((s) => styles.add(s));
  }
  return { scripts, styles };
}

/**
 * A Vite plugin that records the stylesheets and client scripts of the bundle,
 * in a normal-order generateBundle hook: the stylesheets are in the bundle by
 * then, and Astro's own hook (enforce: 'post') has not yet moved them into the
 * pages and deleted them.
 */
export function captureBundle(into: Pick<SiteCode, 'styles' | 'scriptFiles'>, base = '/'): Plugin {
  return {
    name: 'handbook:csp-capture-bundle',
    generateBundle(_options, bundle) {
      const environment = (this as { environment?: { name?: string } }).environment?.name;
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset' && item.fileName.endsWith('.css') && typeof item.source === 'string')
          into.styles.add(finalCss(item.source));
        if (item.type === 'chunk' && environment === 'client') into.scriptFiles.set(`${base}${item.fileName}`, item.code);
      }
    },
  };
}

/**
 * Vite's CSS plugin marks a stylesheet with `/*$vite$:1*\/` for its hashing and
 * removes the first such marker in its own (later) generateBundle hook; the
 * page receives the text without it. If Vite ever changes this, the pages'
 * stylesheets stop matching and the build fails, so it cannot pass unnoticed.
 */
const finalCss = (css: string) => css.replace(/\/\*\$vite\$:\d+\*\//, '');
