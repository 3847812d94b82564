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
    expect(inlineCode(html)).toEqual({ scripts: ['go()', 'load()', 'old()'], styles: ['body{color:red}', 'a{}'] });
  });

  it('hashes what the browser hashes: the text after CR LF becomes LF', () => {
    expect(cspHash('a\r\nb\rc')).toBe(sha('a\nb\nc'));
    expect(cspHash('é')).toBe(sha('é'));
  });

  it('lists each distinct hash once, sorted, across documents', () => {
    const hashes = inlineHashes(['<style>x</style><script>a()</script>', '<style>x</style><script>b()</script>']);
    expect(hashes.styles).toEqual([sha('x')]);
    expect(hashes.scripts).toEqual([sha('a()'), sha('b()')].sort());
  });
});

describe('filling _headers', () => {
  const template = "/*\n  Content-Security-Policy: script-src 'self' 'inline-script-hashes'; style-src 'self' 'inline-style-hashes'\n";

  it('replaces each placeholder with its hashes', () => {
    expect(fillHeaders(template, { scripts: ["'sha256-a'", "'sha256-b'"], styles: ["'sha256-c'"] })).toBe(
      "/*\n  Content-Security-Policy: script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c'\n",
    );
  });

  it('drops a placeholder when there is nothing to allow', () => {
    expect(fillHeaders(template, { scripts: [], styles: [] })).toBe("/*\n  Content-Security-Policy: script-src 'self'; style-src 'self'\n");
  });

  it('rewrites dist/_headers from the pages it finds there', () => {
    const dist = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(join(dist, '_headers'), template);
    writeFileSync(join(dist, 'index.html'), '<style>p{}</style><script>boot()</script>');
    writeCspHeaders(dist);
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(`/*\n  Content-Security-Policy: script-src 'self' ${sha('boot()')}; style-src 'self' ${sha('p{}')}\n`);
  });
});
