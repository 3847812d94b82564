import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIRST_VISIT_BUDGET, formatTable, gzipSize, weighPage } from '../../scripts/budget.ts';

const page = (head: string, body = '<p>Hello</p>') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
const assets = (files: Record<string, string | Buffer>) => (path: string) => (path in files ? Buffer.from(files[path]!) : undefined);
const none = assets({});

describe('page-weight budget', () => {
  it('passes a page with inline CSS, a small inline loader and JSON-LD', () => {
    const html = page(
      '<style>body{margin:0}</style><script type="application/ld+json">{"@type":"WebPage"}</script>',
      '<script>document.querySelector("input").addEventListener("focus",()=>import("/pagefind/ui.js"),{once:true})</script>',
    );
    const w = weighPage('/', html, none, 400);
    expect(w.problems).toEqual([]);
    expect(w.inlineCss).toBe('body{margin:0}'.length);
    expect(w.inlineJs).toBeGreaterThan(50);
    expect(w.firstVisit).toBe(400 + gzipSize(html));
  });

  it('counts linked stylesheets and eager images, not lazy ones', () => {
    const css = 'a{color:red}'.repeat(50);
    const img = randomBytes(3000);
    const w = weighPage(
      '/x/',
      page('<link rel="stylesheet" href="/s.css">', '<img src="a.png" alt=""><img src="/b.png" alt="" loading="lazy">'),
      assets({ '/s.css': css, '/x/a.png': img, '/b.png': img }),
    );
    expect(w.subresources).toBe(gzipSize(css));
    expect(w.images).toBe(3000);
    expect(w.problems).toEqual([]);
  });

  it('fails a first visit over 14 KB', () => {
    const w = weighPage('/', page('', `<p>${randomBytes(FIRST_VISIT_BUDGET).toString('base64')}</p>`), none);
    expect(w.problems).toEqual([expect.stringMatching(/^first visit is \d+ bytes compressed; the budget is 14336/)]);
  });

  it('fails any script file before interaction, and inline script over 2 KB', () => {
    const w = weighPage(
      '/',
      page('<script type="module" src="/app.js"></script>', `<script>${'x'.repeat(2049)}</script>`),
      assets({ '/app.js': 'go()' }),
    );
    expect(w.problems).toEqual([
      expect.stringMatching(/^JavaScript before interaction: <script src="\/app.js">/),
      'inline JavaScript is 2049 bytes; the loader budget is 2048',
    ]);
  });

  it('fails web fonts and render-blocking third-party requests', () => {
    const html = page(
      '<link rel="stylesheet" href="https://fonts.example/css"><script src="https://cdn.example/x.js"></script>' +
        '<link rel="preload" as="font" href="/f.woff2" crossorigin><style>@font-face{font-family:X;src:url(/f.woff2)}@import url("https://cdn.example/y.css");</style>',
    );
    expect(weighPage('/', html, assets({ '/f.woff2': 'font' })).problems).toEqual([
      'web font: @font-face in inline <style>',
      'render-blocking third-party request: @import https://cdn.example/y.css in inline <style>',
      'render-blocking third-party request: stylesheet https://fonts.example/css',
      'web font: <link rel="preload" href="/f.woff2">',
      'render-blocking third-party script https://cdn.example/x.js',
    ]);
  });

  it('reports a referenced file that the build does not contain', () => {
    expect(weighPage('/', page('<link rel="stylesheet" href="/gone.css">'), none).problems).toEqual([
      'stylesheet /gone.css is missing from the build',
    ]);
  });

  it('prints a row per page and marks failures', () => {
    const ok = weighPage('/a/', page(''), none);
    const bad = weighPage('/b/', page('<script src="/x.js"></script>'), assets({ '/x.js': '1' }));
    const table = formatTable([ok, bad]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(/^\/a\/ .* \d+%$/);
    expect(table[3]).toMatch(/^\/b\/ .* \d+% ✗$/);
  });
});
