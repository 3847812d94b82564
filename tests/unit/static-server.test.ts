/**
 * The browser tests' static server (tests/e2e/support/static-server.ts) on a
 * tiny site: it applies _headers, never serves it, survives malformed
 * percent-encoding and never redirects off the server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPath, startStaticServer, type StaticServer } from '../e2e/support/static-server.ts';

const HEADERS = "/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src 'none'\n/roles/*\n  X-Section: roles\n";
const page = (text: string) => `<!doctype html><html lang="en"><title>${text}</title><p>${text.repeat(50)}</p></html>`;

let root: string;
let server: StaticServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(root, 'roles'));
  writeFileSync(join(root, 'index.html'), page('home'));
  writeFileSync(join(root, 'roles', 'index.html'), page('roles'));
  writeFileSync(join(root, '404.html'), page('Page not found'));
  writeFileSync(join(root, '_headers'), HEADERS);
  writeFileSync(join(root, '_redirects'), '/old /roles/ 301\n');
  server = await startStaticServer(root);
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request: fetch() would normalize `/.//roles` and refuse some paths before sending them. */
function raw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(`${server.url}/`, { path, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  it('serves pages with the headers of every matching _headers rule', async () => {
    const res = await raw('/roles/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>roles</title>');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['x-section']).toBe('roles');
    expect((await raw('/')).headers['x-section']).toBeUndefined();
  });

  it('answers GET /%E0%A4%A (malformed percent-encoding) with 400 and keeps serving', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    expect((await raw('/roles/%')).status).toBe(400);
    expect((await raw('/')).status).toBe(200);
  });

  it('redirects /.//roles to /roles/ on this server, never to the protocol-relative //roles/', async () => {
    for (const path of ['/.//roles', '//roles', '/roles', '/x/..//roles']) {
      const res = await raw(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.location, path).toBe('/roles/');
    }
    expect((await raw('/roles?q=a')).headers.location).toBe('/roles/?q=a');
  });

  it('never serves _headers or _redirects', async () => {
    for (const path of ['/_headers', '/_redirects', '/./_headers', '//_headers', '/%5Fheaders']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('nosniff');
      expect(res.body, path).not.toContain('/old');
    }
  });

  it('answers an unknown path with 404.html and status 404', async () => {
    const res = await raw('/no-such-page/');
    expect(res.status).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses text as the client asks, brotli first', async () => {
    expect((await raw('/', { 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBe('br');
    expect((await raw('/', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await raw('/')).headers['content-encoding']).toBeUndefined();
  });

  it('normalizes request paths to one leading slash', () => {
    expect(requestPath('/.//roles')).toBe('/roles');
    expect(requestPath('//roles/')).toBe('/roles/');
    expect(requestPath('/a/../../b/')).toBe('/b/');
    expect(requestPath('/%E0%A4%A')).toBeUndefined();
  });
});
