/**
 * Fills the Content-Security-Policy in dist/_headers with the sha256 of every
 * inline <script> and <style> the build produced. public/_headers holds the
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
}

/** The inline scripts that execute and the inline stylesheets of one HTML document. */
export function inlineCode(html: string): InlineCode {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs = '']) => attr(attrs, 'src') === undefined && EXECUTABLE_TYPES.has((attr(attrs, 'type') ?? '').trim().toLowerCase()))
    .map(([, , body = '']) => body);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, body = '']) => body);
  return { scripts, styles };
}

/** Every distinct hash, sorted so the header is stable from build to build. */
export function inlineHashes(documents: Iterable<string>): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const html of documents) {
    const code = inlineCode(html);
    for (const s of code.scripts) scripts.add(cspHash(s));
    for (const s of code.styles) styles.add(cspHash(s));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/** Replaces the placeholder sources; with nothing to hash a placeholder simply disappears. */
export function fillHeaders(template: string, hashes: { scripts: string[]; styles: string[] }): string {
  // The tokens hold no regular-expression metacharacters, so they go into the pattern as they are.
  const fill = (text: string, token: string, values: string[]) =>
    text.replace(new RegExp(`[ \\t]*${token}`, 'g'), values.map((v) => ` ${v}`).join(''));
  return fill(fill(template, SCRIPT_HASHES, hashes.scripts), STYLE_HASHES, hashes.styles);
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
        const hashes = writeCspHeaders(fileURLToPath(dir));
        if (!hashes) {
          logger.warn('No _headers in the build output, so no Content-Security-Policy will be sent; see public/_headers.');
          return;
        }
        logger.info(`_headers: CSP allows ${hashes.scripts.length} inline script(s) and ${hashes.styles.length} inline stylesheet(s) by hash`);
      },
    },
  };
}
