import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHash, fillHeaders, inlineCode, isAllowedStyleAttribute, writeCspHeaders } from '../../src/integrations/csp-headers.ts';
import { inlineCodeInComponent, inlineCodeInSource, type SiteCode } from '../../src/integrations/csp-source.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const ROOT = join(import.meta.dirname, '../..');

describe('code in a built page, read as a browser reads it', () => {
  it('takes inline scripts that execute, script sources and every stylesheet; data blocks are not code', () => {
    const html = [
      '<style>body{color:red}</style>',
      '<script>go()</script>',
      '<script type="module">load()</script>',
      "<script type='text/javascript'>old()</script>",
      '<script src="x.js"></script>',
      '<script type="application/ld+json">{"@type":"WebPage"}</script>',
      '<script type="application/json" id="data">{}</script>',
      '<STYLE media="print">a{}</STYLE>',
    ].join('\n');
    expect(inlineCode(html, '/roles/')).toMatchObject({
      scripts: ['go()', 'load()', 'old()'],
      scriptSources: ['/roles/x.js'],
      styles: ['body{color:red}', 'a{}'],
    });
  });

  it('finds scripts where a browser would run them: in SVG, in <template> contents, after a comment', () => {
    const html =
      '<svg><script>svg()</script><style>s{}</style></svg><template><script>later()</script></template><!-- x --><script>c()</script>';
    expect(inlineCode(html)).toMatchObject({ scripts: ['svg()', 'later()', 'c()'], styles: ['s{}'] });
  });

  it('takes nothing that only looks like code: in attribute values, comments, <textarea> or a stylesheet', () => {
    const html = [
      '<p title="<script>no()</script>" data-style="no">',
      '<!-- <script>no()</script> -->',
      '<textarea><script>no()</script></textarea>',
      '<style>p[onclick="no"]{}</style>',
    ].join('\n');
    expect(inlineCode(html)).toMatchObject({ scripts: [], handlers: [], styleAttributes: [] });
  });

  it('takes style attribute values decoded, and event handlers on any element', () => {
    const html = '<span style="--shiki-dark:#E1E4E8">x</span><p style="font-family:&quot;A&quot;" onclick="go()"><svg onload="x()"></svg>';
    expect(inlineCode(html)).toMatchObject({
      styleAttributes: ['--shiki-dark:#E1E4E8', 'font-family:"A"'],
      handlers: ['onclick="go()"', 'onload="x()"'],
    });
  });

  it('hashes what the browser hashes: the text after CR LF becomes LF', () => {
    expect(cspHash('a\r\nb\rc')).toBe(sha('a\nb\nc'));
    expect(cspHash('é')).toBe(sha('é'));
  });

  it('allows only code highlighting colours as style attributes', () => {
    expect(isAllowedStyleAttribute('--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e')).toBe(true);
    expect(isAllowedStyleAttribute('--shiki-light:#24292E;')).toBe(true);
    // A code fence in content, highlighted with one theme.
    expect(isAllowedStyleAttribute('background-color:#24292e;color:#e1e4e8;overflow-x:auto')).toBe(true);
    expect(isAllowedStyleAttribute('color:#E1E4E8;font-style:italic')).toBe(true);
    for (const bad of [
      'color:red',
      'background:url(/x)',
      'background-image:url(/x)',
      '--shiki-dark:url(x)',
      '--shiki-dark:#fff;;x:y',
      '--shiki-dark: expression(1)',
      'position:fixed',
      'overflow-x:scroll',
    ])
      expect(isAllowedStyleAttribute(bad), bad).toBe(false);
  });
});

describe("the site's own inline code, from its source", () => {
  it('reads inline scripts and stylesheets from a component with the Astro compiler', () => {
    const component = [
      '---',
      "const x = '<script>not()</script>';",
      '---',
      '<script is:inline>boot()</script>',
      '<script>bundled()</script>',
      '<script type="application/ld+json" set:html={x} />',
      '<style is:inline>.a{}</style>',
      '<style>.scoped{}</style>',
      '{x && <script is:inline type="module">later()</script>}',
    ].join('\n');
    expect(inlineCodeInComponent(component)).toEqual({ scripts: ['boot()', 'later()'], styles: ['.a{}'] });
  });

  it('refuses an inline script whose text is not in the source', () => {
    expect(() => inlineCodeInComponent('<script is:inline set:html={code} />', 'X.astro')).toThrow(/X\.astro: .*set:html/);
    expect(() => inlineCodeInComponent('<script is:inline define:vars={{ a }}>go(a)</script>')).toThrow(/define:vars/);
  });

  it("finds the site's inline scripts in src/, each exactly as written in a component", () => {
    const { scripts } = inlineCodeInSource(join(ROOT, 'src'));
    expect(scripts.size).toBeGreaterThan(0);
    const components = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .map((f) => readFileSync(join(ROOT, 'src', f), 'utf8'));
    for (const script of scripts) expect(components.some((c) => c.includes(script))).toBe(true);
  });
});

describe('the CSP step on a built site', () => {
  const template =
    "/*\n  Content-Security-Policy: script-src 'self' 'inline-script-hashes'; style-src 'self' 'inline-style-hashes'; style-src-attr 'inline-style-attribute-hashes'\n";
  const site = (): SiteCode => ({
    scripts: new Set(['boot()', 'unused()']),
    styles: new Set(['p{}']),
    scriptFiles: new Map([['/_astro/app.js', 'app()']]),
  });
  const page = (body: string) =>
    `<!doctype html>\n<html lang="en">\n<head><title>t</title><style>p{}</style></head>\n<body>\n${body}\n</body></html>`;
  function dist(pages: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(join(dir, '_headers'), template);
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, 'index.html'), html);
    }
    return dir;
  }
  const name = (dir: string) => dir.split('/').pop();

  it("writes the hashes of the site's own code that the pages use, and nothing else", () => {
    const dir = dist({
      '': page('<script>boot()</script><script type="module" src="/_astro/app.js"></script>'),
      a: page('<pre style="--shiki-dark:#fff">x</pre>'),
    });
    writeCspHeaders(dir, site());
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toBe(
      `/*\n  Content-Security-Policy: script-src 'self' ${sha('boot()')}; style-src 'self' ${sha('p{}')}; style-src-attr 'unsafe-hashes' ${sha('--shiki-dark:#fff')}\n`,
    );
  });

  it('fails on an unknown inline script planted in dist/, naming its file and line', () => {
    const dir = dist({ '': page('<script>boot()</script>'), roles: page('<p>text</p>\n<script>fetch("/steal")</script>') });
    expect(() => writeCspHeaders(dir, site())).toThrow(
      `${name(dir)}/roles/index.html:6:1 inline script "fetch(\\"/steal\\")" (${sha('fetch("/steal")')}) is not one of the site's own scripts in src/`,
    );
    // Nothing was hashed into the policy.
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toBe(template);
  });

  it('fails on an event handler attribute, which no policy here allows', () => {
    const dir = dist({ '': page('<img src="/x.png" alt="" onerror="boot()">') });
    expect(() => writeCspHeaders(dir, site())).toThrow(`${name(dir)}/index.html:5:1 event handler onerror="boot()"`);
  });

  it('fails on a script element whose src the site did not build, and on scripts hidden in SVG or a template', () => {
    const dir = dist({
      '': page('<script src="https://evil.example/x.js"></script><script src="/pagefind/x.js"></script>'),
      b: page('<svg><script>x()</script></svg><template><script>y()</script></template>'),
    });
    const message = (() => {
      try {
        writeCspHeaders(dir, site());
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/^4 element\(s\)/);
    expect(message).toContain('index.html:5:1 <script src="https://evil.example/x.js"> is not a script the site builds');
    expect(message).toContain('index.html:5:50 <script src="/pagefind/x.js"> is not a script the site builds');
    expect(message).toMatch(/b\/index\.html:5:6 inline script "x\(\)"/);
    expect(message).toMatch(/b\/index\.html:5:\d+ inline script "y\(\)"/);
  });

  it('fails on a stylesheet or style attribute that is not the site’s own', () => {
    const dir = dist({ '': page('<style>body{background:url(/track)}</style><p style="color:red">') });
    expect(() => writeCspHeaders(dir, site())).toThrow(/inline <style> .*not one of the site's own stylesheets[\s\S]*style="color:red"/);
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
});
