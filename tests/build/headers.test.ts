/**
 * The security headers the build ships in dist/_headers: a strict
 * Content-Security-Policy that allows exactly the inline code the pages
 * contain, plus the other headers static hosts should send. The browser test
 * (tests/e2e/csp.test.ts) then checks that the pages run under it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHash, htmlFiles, inlineCode, SCRIPT_HASHES, STYLE_ATTRIBUTE_HASHES, STYLE_HASHES } from '../../src/integrations/csp-headers.ts';
import { DIST } from '../e2e/support/pages.ts';
import { headersFor, parseHeadersFile } from '../e2e/support/headers-file.ts';

const file = join(DIST, '_headers');
const headers = existsSync(file) ? headersFor(parseHeadersFile(readFileSync(file, 'utf8')), '/') : new Map<string, string>();
const csp = new Map(
  (headers.get('content-security-policy') ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name!, sources]),
);
const pages = existsSync(DIST) ? htmlFiles(DIST) : [];

describe('dist/_headers', () => {
  it('exists and applies to every path', () => {
    expect(existsSync(file), 'public/_headers was not copied into the build').toBe(true);
    expect(headers.size).toBeGreaterThan(0);
  });

  it('sends the other security headers', () => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  });

  it('has a CSP that falls back to nothing, and fills in no placeholder left behind', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(headers.get('content-security-policy')).not.toContain(SCRIPT_HASHES);
    expect(headers.get('content-security-policy')).not.toContain(STYLE_HASHES);
    expect(headers.get('content-security-policy')).not.toContain(STYLE_ATTRIBUTE_HASHES);
    for (const directive of ['base-uri', 'frame-ancestors']) expect(csp.get(directive), directive).toEqual(["'none'"]);
  });

  it("allows scripts only from the site, by hash, and WebAssembly for Pagefind; never 'unsafe-inline' or 'unsafe-eval'", () => {
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'" && !s.startsWith("'sha256-"))).toEqual([]);
    for (const [directive, sources] of csp) {
      expect(sources, directive).not.toContain("'unsafe-inline'");
      expect(sources, directive).not.toContain("'unsafe-eval'");
      if (directive !== 'script-src') expect(sources, directive).not.toContain("'wasm-unsafe-eval'");
      // 'unsafe-hashes' would also let hashed onclick="" handlers run; it is only for style attributes.
      if (directive !== 'style-src-attr') expect(sources, directive).not.toContain("'unsafe-hashes'");
    }
  });

  it('lists the hash of every inline script, stylesheet and style attribute in the built pages', () => {
    const missing: string[] = [];
    for (const page of pages) {
      const code = inlineCode(readFileSync(page, 'utf8'));
      const kinds = [
        ['script-src', code.scripts],
        ['style-src', code.styles],
        ['style-src-attr', code.styleAttributes],
      ] as const;
      for (const [kind, bodies] of kinds) {
        for (const body of bodies) {
          const hash = cspHash(body);
          if (!csp.get(kind)?.includes(hash)) missing.push(`${relative(DIST, page)}: ${kind} ${hash} (${body.slice(0, 40)}…)`);
        }
      }
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('allows style attributes only when pages have them, and then value by value', () => {
    const anyAttributes = pages.some((page) => inlineCode(readFileSync(page, 'utf8')).styleAttributes.length > 0);
    const attr = csp.get('style-src-attr') ?? [];
    if (anyAttributes) expect(attr.filter((s) => s !== "'unsafe-hashes'" && !s.startsWith("'sha256-"))).toEqual([]);
    else expect(attr).toEqual(["'none'"]);
  });

  it('has no on…="" event handlers, which no policy here allows', () => {
    const found = pages.flatMap((page) => inlineCode(readFileSync(page, 'utf8')).handlers.map((h) => `${relative(DIST, page)}: ${h}`));
    expect(found).toEqual([]);
  });
});
