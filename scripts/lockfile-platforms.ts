/**
 * `npm run lockfile:platforms`: records other platforms' optional native
 * binaries in package-lock.json.
 *
 * Why: the package registry this project is built against serves only the
 * Linux builds of Astro's compiler and Pagefind. npm then leaves the macOS,
 * Windows and ARM builds out of the lockfile, and `npm ci` refuses a lockfile
 * that does not list every optional dependency. Each stub carries the os/cpu
 * that npm reads to skip it, so it is never downloaded on a machine it does not
 * fit. Run it after any `npm install` that changes the lockfile.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, Entry> };

/** Reads the platform from names like darwin-arm64, linux-x64-musl, win32-x64-msvc, windows-arm64, wasm32-wasi. */
function platformOf(name: string): Pick<Entry, 'os' | 'cpu' | 'libc'> {
  const os = /android/.test(name)
    ? 'android'
    : /darwin/.test(name)
      ? 'darwin'
      : /win32|windows/.test(name)
        ? 'win32'
        : /freebsd/.test(name)
          ? 'freebsd'
          : /linux/.test(name)
            ? 'linux'
            : undefined;
  const cpu = /arm64|aarch64/.test(name) ? 'arm64' : /x64|x86_64/.test(name) ? 'x64' : /wasm32/.test(name) ? 'wasm32' : undefined;
  const libc = /musl/.test(name) ? 'musl' : /gnu/.test(name) ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: recorded ${added} optional platform package(s) the registry does not serve`);
