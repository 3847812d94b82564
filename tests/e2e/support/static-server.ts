/**
 * Serves dist/ the way the static hosts the site targets do, for the browser
 * tests and the Lighthouse runner: files through sirv, text compressed through
 * `compression` (brotli or gzip, as the client asks), and on top of them the
 * host behaviour neither package has:
 * - the rules in dist/_headers are applied (./headers-file.ts), and the file
 *   itself is never served, nor _redirects;
 * - a directory address without its trailing slash redirects to the address
 *   with it (the site uses trailingSlash: 'always'), always to a path on this
 *   server: `/.//roles` goes to `/roles/`, never to the protocol-relative
 *   `//roles/`, which a browser would read as another host;
 * - an address that is not valid percent-encoding gets 400, and an unknown
 *   one 404.html with status 404.
 *
 * `astro preview` cannot stand in: its `server.headers` are fixed in
 * astro.config.mjs before the build has computed the CSP hashes.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, posix } from 'node:path';
import { constants } from 'node:zlib';
import compression from 'compression';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from './headers-file.ts';

/** Files a host reads as configuration and never serves. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The decoded path a request names, with `.`/`..` segments resolved and
 * repeated slashes collapsed, so it always starts with exactly one slash; or
 * undefined when its percent-encoding is malformed (`/%E0%A4%A`).
 */
export function requestPath(target: string): string | undefined {
  // The request target as sent (origin-form). Not `new URL(target, base)`: that reads `//roles/` as host "roles".
  const pathname = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return posix.normalize(`/${decoded}`);
}

/**
 * `brotliQuality`: 11 (the default) is what hosts use for static files they compress ahead of time, so Lighthouse
 * (scripts/audit.ts) sees the sizes readers get. The browser tests pass a lower one: this server compresses on every
 * request, and at 11 that cost about 37 ms of CPU per page load (10.3 s for one pass over the HTML), while no browser
 * test reads the bytes on the wire (search-bytes.ts computes them from dist/ at quality 11).
 */
export async function startStaticServer(root: string, { port = 0, compress = true, brotliQuality = 11 } = {}): Promise<StaticServer> {
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const notFoundPage = join(root, '404.html');

  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    if (!existsSync(notFoundPage)) return void res.end('Not found');
    res.setHeader('content-type', 'text/html;charset=utf-8');
    createReadStream(notFoundPage).pipe(res);
  };
  // Built once over dist/ (not `dev`), so only files that exist at start are served and no request reaches the disk by path.
  const files = sirv(root, { extensions: ['html'], dotfiles: false, onNoMatch: (_req, res) => notFound(res) });
  // The default 1 KB threshold would leave small pages uncompressed, which no host does.
  const compressor = compress
    ? compression({ threshold: 0, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } } })
    : undefined;

  const isDirectory = (path: string) => {
    const index = join(root, path, 'index.html');
    return existsSync(index) && statSync(index).isFile();
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    const path = requestPath(raw);
    if (path === undefined) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: malformed URL encoding');
    for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
    if (HOST_FILES.has(path)) return notFound(res);
    const query = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
    if (!path.endsWith('/') && isDirectory(path)) {
      // `path` starts with exactly one slash, so the location stays on this server.
      return void res.writeHead(301, { location: `${encodeURI(path)}/${query}` }).end();
    }
    // sirv looks the normalized path up among the files it listed at start.
    req.url = `${encodeURI(path)}${query}`;
    files(req, res, () => notFound(res));
  };

  const server: Server = createServer((req, res) => {
    if (!compressor) return handle(req, res);
    // compression is Connect-style middleware: it wraps `res`, then calls next.
    compressor(req as Parameters<typeof compressor>[0], res as Parameters<typeof compressor>[1], () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
