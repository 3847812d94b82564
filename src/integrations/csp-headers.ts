/**
 * Fills the Content-Security-Policy in dist/_headers with the sha256 of every
 * inline <script>, <style> and style="" value the build produced. public/_headers holds the
 * policy with two placeholder sources; hashing at build time means a change to
 * the stylesheet or an inline script can never ship with a stale policy, and
 * nobody edits hashes by hand (or merges conflicting ones).
 *
 * Astro's own `security.csp` was not used: for a static build it writes a
 * <meta> policy into every page, which cannot carry frame-ancestors, does not
 * cover non-HTML responses, and would duplicate the header a host sends.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_HASHES = "'inline-script-hashes'";
export const STYLE_HASHES = "'inline-style-hashes'";
export const STYLE_ATTRIBUTE_HASHES = "'inline-style-attribute-hashes'";

/** Script types that execute, so CSP governs them; anything else (JSON-LD, JSON) is a data block. */
const EXECUTABLE_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`, 'i').exec(attrs);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/** The CSP source for an inline element: the browser hashes its text after the parser turns CR LF into LF. */
export function cspHash(content: string): string {
  const normalized = content.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

export interface InlineCode {
  scripts: string[];
  styles: string[];
  /** style="" values, as the browser sees them (entities decoded). */
  styleAttributes: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
const decodeEntities = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (ENTITIES[name] ?? whole),
  );

/** The inline scripts that execute, the inline stylesheets and the style attributes of one HTML document. */
export function inlineCode(html: string): InlineCode {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs = '']) => attr(attrs, 'src') === undefined && EXECUTABLE_TYPES.has((attr(attrs, 'type') ?? '').trim().toLowerCase()))
    .map(([, , body = '']) => body);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, body = '']) => body);
  // Outside <script>/<style> bodies, so CSS or JS text that merely looks like an attribute is not taken.
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const styleAttributes = [...markup.matchAll(/<[a-z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map(([, dq, sq]) =>
    decodeEntities(dq ?? sq ?? ''),
  );
  return { scripts, styles, styleAttributes };
}

export interface InlineHashes {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

/** Every distinct hash, sorted so the header is stable from build to build. */
export function inlineHashes(documents: Iterable<string>): InlineHashes {
  const found = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  for (const html of documents) {
    const code = inlineCode(html);
    for (const kind of ['scripts', 'styles', 'styleAttributes'] as const) for (const text of code[kind]) found[kind].add(cspHash(text));
  }
  return { scripts: [...found.scripts].sort(), styles: [...found.styles].sort(), styleAttributes: [...found.styleAttributes].sort() };
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

/** Rewrites <dist>/_headers in place; returns the hashes it wrote, or undefined if there is no _headers. */
export function writeCspHeaders(dist: string) {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return undefined;
  const hashes = inlineHashes(htmlFiles(dist).map((f) => readFileSync(f, 'utf8')));
  writeFileSync(file, fillHeaders(readFileSync(file, 'utf8'), hashes));
  return hashes;
}

export function cspHeaders(): AstroIntegration {
  return {
    name: 'handbook:csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const hashes = writeCspHeaders(fileURLToPath(dir));
        if (!hashes) {
          logger.warn('No _headers in the build output, so no Content-Security-Policy will be sent; see public/_headers.');
          return;
        }
        logger.info(
          `_headers: CSP allows ${hashes.scripts.length} inline script(s), ${hashes.styles.length} inline stylesheet(s) and ${hashes.styleAttributes.length} style attribute value(s) by hash (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
