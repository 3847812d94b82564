/**
 * A small static server for dist/ that behaves like the static hosts the site
 * targets: it applies the rules in dist/_headers (Netlify / Cloudflare Pages
 * syntax), compresses text the way a host would, and answers unknown paths
 * with 404.html. `astro preview` cannot stand in: its `server.headers` are fixed
 * in astro.config.mjs before the build has computed the CSP hashes.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createBrotliCompress, createGzip } from 'node:zlib';

export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** Parses a _headers file: an unindented path pattern, then indented "Name: value" lines; # starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${raw.trim()}" is not "Name: value" under a path`);
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a path matches a rule's pattern: `*` matches anything, `:name` one path segment. */
export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers for a path; every matching rule applies, as on Netlify and Cloudflare Pages. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

function resolveFile(root: string, pathname: string): string | undefined {
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return pathname.endsWith('/') && existsSync(index) ? index : undefined;
}

export interface StaticServer {
  url: string;
  /** Every path requested so far, for tests that check what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string, { port = 0, compress = true } = {}): Promise<StaticServer> {
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let file = resolveFile(root, pathname);
    // Directory URLs without the trailing slash redirect, as on the hosts (trailingSlash: 'always').
    if (!file && !pathname.endsWith('/') && resolveFile(root, `${pathname}/`)) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding =
      compress && COMPRESSIBLE.test(type) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined) : undefined;
    if (encoding) res.setHeader('content-encoding', encoding).setHeader('vary', 'Accept-Encoding');
    res.writeHead(status);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const body = createReadStream(file);
    if (encoding === 'br') body.pipe(createBrotliCompress()).pipe(res);
    else if (encoding === 'gzip') body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
