/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages syntax) and says which
 * headers a path gets. The test server applies it; the page-weight budget and
 * the header tests read it. No maintained package reads this format on its own
 * (the hosts' own parsers are not published), so it is small and kept here.
 */

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
