import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHash, fillHeaders, inlineCode, inlineHashes, writeCspHeaders } from '../../src/integrations/csp-headers.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inline code that a CSP must allow', () => {
  it('takes inline scripts that execute, and every inline stylesheet', () => {
    const html = [
      '<style>body{color:red}</style>',
      '<script>go()</script>',
      '<script type="module">load()</script>',
      "<script type='text/javascript'>old()</script>",
      '<script src="/x.js"></script>',
      '<script type="application/ld+json">{"@type":"WebPage"}</script>',
      '<script type="application/json" id="data">{}</script>',
      '<STYLE media="print">a{}</STYLE>',
    ].join('\n');
    expect(inlineCode(html)).toMatchObject({ scripts: ['go()', 'load()', 'old()'], styles: ['body{color:red}', 'a{}'] });
  });

  it('takes style attribute values as the browser reads them, and nothing that only looks like one', () => {
    const html = [
      '<span style="color:#24292E;--shiki-dark:#E1E4E8">x</span>',
      '<pre class="c" style=\'overflow-x: auto\'>y</pre>',
      '<p data-style="no" title="a style=&quot;no&quot;" style="font-family:&quot;A&quot;">z</p>',
      '<style>p[style="no"]{}</style><script>el.setAttribute("style", "no")</script>',
    ].join('\n');
    expect(inlineCode(html).styleAttributes).toEqual(['color:#24292E;--shiki-dark:#E1E4E8', 'overflow-x: auto', 'font-family:"A"']);
  });

  it('hashes what the browser hashes: the text after CR LF becomes LF', () => {
    expect(cspHash('a\r\nb\rc')).toBe(sha('a\nb\nc'));
    expect(cspHash('é')).toBe(sha('é'));
  });

  it('lists each distinct hash once, sorted, across documents', () => {
    const hashes = inlineHashes(['<style>x</style><script>a()</script><i style="c">', '<style>x</style><script>b()</script><b style="c">']);
    expect(hashes.styles).toEqual([sha('x')]);
    expect(hashes.scripts).toEqual([sha('a()'), sha('b()')].sort());
    expect(hashes.styleAttributes).toEqual([sha('c')]);
  });
});

describe('filling _headers', () => {
  const template =
    "/*\n  Content-Security-Policy: script-src 'self' 'inline-script-hashes'; style-src 'self' 'inline-style-hashes'; style-src-attr 'inline-style-attribute-hashes'\n";

  it('replaces each placeholder with its hashes; style attributes need unsafe-hashes', () => {
    expect(fillHeaders(template, { scripts: ["'sha256-a'", "'sha256-b'"], styles: ["'sha256-c'"], styleAttributes: ["'sha256-d'"] })).toBe(
      "/*\n  Content-Security-Policy: script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c'; style-src-attr 'unsafe-hashes' 'sha256-d'\n",
    );
  });

  it('allows nothing extra when there is nothing to allow', () => {
    expect(fillHeaders(template, { scripts: [], styles: [], styleAttributes: [] })).toBe(
      "/*\n  Content-Security-Policy: script-src 'self'; style-src 'self'; style-src-attr 'none'\n",
    );
  });

  it('rewrites dist/_headers from the pages it finds there', () => {
    const dist = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(join(dist, '_headers'), template);
    writeFileSync(join(dist, 'index.html'), '<style>p{}</style><script>boot()</script><p style="color:red">');
    writeCspHeaders(dist);
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(
      `/*\n  Content-Security-Policy: script-src 'self' ${sha('boot()')}; style-src 'self' ${sha('p{}')}; style-src-attr 'unsafe-hashes' ${sha('color:red')}\n`,
    );
  });
});
