/**
 * The Content-Security-Policy in dist/_headers, made from the site's own code
 * (./csp-source.ts: the inline scripts and stylesheets in src/ and what Vite
 * built from it), and a check of every built page against it. The build fails
 * when a page holds an inline script, a `<script src>`, a stylesheet or an
 * `on…=""` handler that is not the site's own: whatever content might smuggle
 * into a page is refused here, never hashed into the policy.
 *
 * public/_headers holds the policy with placeholder sources that this step
 * fills in, so nobody edits hashes by hand (or merges conflicting ones).
 *
 * Astro's own `security.csp` was not used: for a static build it writes a
 * <meta> policy into every page, which cannot carry frame-ancestors, does not
 * cover non-HTML responses, and would duplicate the header a host sends.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attr, elements, parseHtml, position, textOf, type HtmlElement } from '../lib/html.ts';
import { captureBundle, EXECUTABLE_TYPES, inlineCodeInSource, type SiteCode } from './csp-source.ts';

export const SCRIPT_HASHES = "'inline-script-hashes'";
export const STYLE_HASHES = "'inline-style-hashes'";
export const STYLE_ATTRIBUTE_HASHES = "'inline-style-attribute-hashes'";

/** The CSP source for an inline element: the browser hashes its text after the parser turns CR LF into LF. */
export function cspHash(content: string): string {
  const normalized = content.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

/**
 * A style attribute the site may ship: only what Shiki's code highlighting
 * writes, its colours (`color:#E1E4E8`, `background-color:#24292e`, or the
 * `--shiki-light:#24292E;--shiki-dark:#E1E4E8` variables of two themes), its
 * font styles and `overflow-x:auto` on the block. Their values depend on the
 * highlighted text, including code fences in content, so they are allowed by
 * shape, value by value; none of them can load or run anything. Anything else
 * is refused.
 */
const HIGHLIGHT_DECLARATION =
  /^(?:(?:color|background-color|--shiki-[a-z-]+)\s*:\s*#[0-9a-f]{3,8}|overflow-x\s*:\s*auto|font-style\s*:\s*italic|font-weight\s*:\s*bold|text-decoration\s*:\s*(?:underline|line-through))$/i;

export function isAllowedStyleAttribute(value: string): boolean {
  const declarations = value.split(';').map((d) => d.trim());
  return declarations.every((d, i) => (d === '' ? i === declarations.length - 1 : HIGHLIGHT_DECLARATION.test(d)));
}

/**
 * Whether a page's stylesheet is made of the site's own: Astro merges the
 * inline stylesheets a page needs into one <style>, so its text is a
 * concatenation of whole stylesheets from the site (each of which is checked
 * as it is found, longest first).
 */
export function isSiteStylesheet(text: string, sheets: readonly string[]): boolean {
  const nonEmpty = sheets.filter(Boolean);
  const reachable = new Set<number>([0]);
  for (let at = 0; at < text.length; at++) {
    if (!reachable.has(at)) continue;
    for (const sheet of nonEmpty) if (text.startsWith(sheet, at)) reachable.add(at + sheet.length);
  }
  return text === '' || reachable.has(text.length);
}

export interface InlineCode {
  /** Executable inline scripts. */
  scripts: string[];
  /** `src` of executable scripts, resolved to site paths. */
  scriptSources: string[];
  styles: string[];
  /** style="" values, as the browser sees them (entities decoded). */
  styleAttributes: string[];
  /** `on…=""` attributes, as "name=value". */
  handlers: string[];
}

const isExecutable = (script: HtmlElement) => EXECUTABLE_TYPES.has((attr(script, 'type') ?? '').trim().toLowerCase());

/** The code in one page, as a browser would find it; `found` receives each item with its element. */
export function inlineCode(html: string, pagePath = '/', found?: (kind: keyof InlineCode, value: string, element: HtmlElement) => void) {
  const code: InlineCode = { scripts: [], scriptSources: [], styles: [], styleAttributes: [], handlers: [] };
  const add = (kind: keyof InlineCode, value: string, element: HtmlElement) => {
    code[kind].push(value);
    found?.(kind, value, element);
  };
  for (const element of elements(parseHtml(html, { locations: Boolean(found) }))) {
    if (element.tagName === 'script' && isExecutable(element)) {
      const src = attr(element, 'src') ?? attr(element, 'href') ?? attr(element, 'xlink:href');
      if (src === undefined) add('scripts', textOf(element), element);
      else
        add('scriptSources', new URL(src, new URL(pagePath, 'https://site.invalid')).href.replace(/^https:\/\/site\.invalid/, ''), element);
    }
    if (element.tagName === 'style') add('styles', textOf(element), element);
    for (const a of element.attrs) {
      if (a.name === 'style') add('styleAttributes', a.value, element);
      if (/^on/i.test(a.name)) add('handlers', `${a.name}=${JSON.stringify(a.value)}`, element);
    }
  }
  return code;
}

export interface InlineHashes {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

export interface PageCheck {
  hashes: InlineHashes;
  /** "file:line:column what", one per element that is not the site's own. */
  problems: string[];
}

/** Checks built pages against the site's own code; returns the hashes the pages use, sorted, and every problem. */
export function checkPages(pages: Iterable<{ file: string; path: string; html: string }>, site: SiteCode): PageCheck {
  const allowedScripts = new Map([...site.scripts, ...site.scriptFiles.values()].map((s) => [cspHash(s), s]));
  const sheets = [...site.styles];
  const styleVerdicts = new Map<string, boolean>();
  const isOwnStyle = (text: string) => {
    if (!styleVerdicts.has(text)) styleVerdicts.set(text, isSiteStylesheet(text, sheets));
    return styleVerdicts.get(text)!;
  };
  const used = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  const problems: string[] = [];
  for (const page of pages) {
    const pageProblems: string[] = [];
    const judge = (kind: keyof InlineCode, value: string, element?: HtmlElement) => {
      const at = `${page.file}:${element ? position(element) : '?'}`;
      const short = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
      if (kind === 'scripts') {
        const hash = cspHash(value);
        if (allowedScripts.has(hash)) used.scripts.add(hash);
        else pageProblems.push(`${at} inline script ${short(value.trim())} (${hash}) is not one of the site's own scripts in src/`);
      } else if (kind === 'scriptSources') {
        if (!site.scriptFiles.has(value)) pageProblems.push(`${at} <script src="${value}"> is not a script the site builds`);
      } else if (kind === 'styles') {
        const hash = cspHash(value);
        if (isOwnStyle(value)) used.styles.add(hash);
        else pageProblems.push(`${at} inline <style> ${short(value.trim())} (${hash}) is not one of the site's own stylesheets`);
      } else if (kind === 'styleAttributes') {
        if (isAllowedStyleAttribute(value)) used.styleAttributes.add(cspHash(value));
        else pageProblems.push(`${at} style="${value}" is not code highlighting's, the only style attribute the site writes`);
      } else pageProblems.push(`${at} event handler ${value}: the site writes none and the policy allows none`);
    };
    // Pages are parsed without positions; only a page with a problem is parsed again to say where.
    const code = inlineCode(page.html, page.path);
    for (const kind of Object.keys(code) as (keyof InlineCode)[]) for (const value of code[kind]) judge(kind, value);
    if (pageProblems.length > 0) {
      pageProblems.length = 0;
      inlineCode(page.html, page.path, judge);
    }
    problems.push(...pageProblems);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    hashes: { scripts: sorted(used.scripts), styles: sorted(used.styles), styleAttributes: sorted(used.styleAttributes) },
    problems,
  };
}

/**
 * Replaces the placeholder sources. Script and stylesheet hashes extend a list
 * that already has 'self', so with none the placeholder simply disappears.
 * Style attributes (code highlighting writes them) are allowed one by one with
 * 'unsafe-hashes'; when the build has none, style-src-attr is 'none'.
 */
export function fillHeaders(template: string, hashes: InlineHashes): string {
  // The tokens hold no regular-expression metacharacters, so they go into the pattern as they are.
  const fill = (text: string, token: string, values: string[]) =>
    text.replace(new RegExp(`[ \\t]*${token}`, 'g'), values.map((v) => ` ${v}`).join(''));
  const attributes = hashes.styleAttributes.length > 0 ? ["'unsafe-hashes'", ...hashes.styleAttributes] : ["'none'"];
  return fill(fill(fill(template, SCRIPT_HASHES, hashes.scripts), STYLE_HASHES, hashes.styles), STYLE_ATTRIBUTE_HASHES, attributes);
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The site path a built file answers: dist/roles/x/index.html → /roles/x/. */
export function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

export class CspError extends Error {}

/**
 * Checks every page in `dist` against the site's code and writes the policy
 * into <dist>/_headers. Throws CspError naming each problem; returns the
 * hashes written, or undefined when the build has no _headers.
 */
export function writeCspHeaders(dist: string, site: SiteCode): InlineHashes | undefined {
  // One page in memory at a time: at 3,000 pages the built HTML is about 90 MB.
  function* pages() {
    for (const file of htmlFiles(dist))
      yield { file: relative(join(dist, '..'), file).split(sep).join('/'), path: pagePath(dist, file), html: readFileSync(file, 'utf8') };
  }
  const { hashes, problems } = checkPages(pages(), site);
  if (problems.length > 0)
    throw new CspError(
      `${problems.length} element(s) in the built pages are not the site's own code, so the Content-Security-Policy will not allow them:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  const file = join(dist, '_headers');
  if (!existsSync(file)) return undefined;
  writeFileSync(file, fillHeaders(readFileSync(file, 'utf8'), hashes));
  return hashes;
}

export function cspHeaders(): AstroIntegration {
  const bundle: Pick<SiteCode, 'styles' | 'scriptFiles'> = { styles: new Set(), scriptFiles: new Map() };
  let srcDir = '';
  return {
    name: 'handbook:csp-headers',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        srcDir = fileURLToPath(config.srcDir);
        updateConfig({ vite: { plugins: [captureBundle(bundle, config.base.endsWith('/') ? config.base : `${config.base}/`)] } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const source = inlineCodeInSource(srcDir);
        const site: SiteCode = {
          scripts: source.scripts,
          styles: new Set([...source.styles, ...bundle.styles]),
          scriptFiles: bundle.scriptFiles,
        };
        const hashes = writeCspHeaders(fileURLToPath(dir), site);
        if (!hashes) {
          logger.warn('No _headers in the build output, so no Content-Security-Policy will be sent; see public/_headers.');
          return;
        }
        logger.info(
          `_headers: CSP allows ${hashes.scripts.length} inline script(s), ${hashes.styles.length} inline stylesheet(s) and ${hashes.styleAttributes.length} style attribute value(s) by hash (${((performance.now() - started) / 1000).toFixed(1)} s), every page checked against the site's own code`,
        );
      },
    },
  };
}
