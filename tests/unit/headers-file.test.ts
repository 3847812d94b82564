import { describe, expect, it } from 'vitest';
import { headersFor, matchesPattern, parseHeadersFile } from '../e2e/support/headers-file.ts';

describe('the _headers reader used by the test server', () => {
  const rules = parseHeadersFile(
    [
      '# comment',
      '/*',
      '  X-Content-Type-Options: nosniff',
      "  Content-Security-Policy: default-src 'none'; img-src 'self'",
      '',
      '/pagefind/*',
      '  Cache-Control: max-age=60',
      '/roles/:id/',
      '  X-Role: yes',
    ].join('\n'),
  );

  it('reads each path with its indented headers, keeping colons inside values', () => {
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/pagefind/*', '/roles/:id/']);
    expect(rules[0]!.headers[1]).toEqual(['Content-Security-Policy', "default-src 'none'; img-src 'self'"]);
  });

  it('matches splats and placeholders the way the hosts do', () => {
    expect(matchesPattern('/*', '/')).toBe(true);
    expect(matchesPattern('/pagefind/*', '/pagefind/pagefind.js')).toBe(true);
    expect(matchesPattern('/pagefind/*', '/roles/')).toBe(false);
    expect(matchesPattern('/roles/:id/', '/roles/sound-engineer/')).toBe(true);
    expect(matchesPattern('/roles/:id/', '/roles/a/b/')).toBe(false);
  });

  it('applies every matching rule to a path', () => {
    expect([...headersFor(rules, '/pagefind/x.js').keys()]).toEqual(['x-content-type-options', 'content-security-policy', 'cache-control']);
    expect(headersFor(rules, '/roles/x/').get('x-role')).toBe('yes');
  });

  it('rejects a header line outside any path', () => {
    expect(() => parseHeadersFile('  X-Orphan: 1')).toThrow(/not "Name: value" under a path/);
  });
});
