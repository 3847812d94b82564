/**
 * The guard in front of the MDX compiler (dev and build): content that would run
 * code never reaches the compiler, even where the validator does not run.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxGuard } from '../../src/integrations/mdx-guard.ts';

const guard = mdxGuard('/site/content/');
const transform = (code: string, id = '/site/content/guides/a.mdx') =>
  (guard.transform as (code: string, id: string) => unknown).call({}, code, id);
const page = (body: string) => `---\ntitle: A\n---\n\n${body}\n`;

describe('mdx-guard', () => {
  it('stops an expression at its line before the compiler runs it', () => {
    expect(() => transform(page('Home is {process.env.HOME}.'))).toThrow(/content\/guides\/a\.mdx:5:9 body: text in \{ \} is read as code/);
  });

  it('stops spreads, raw HTML and javascript: links', () => {
    expect(() => transform(page("<Callout {...{ 'set:html': '<script>x</script>' }} />"))).toThrow(/\{…\} among its attributes/);
    expect(() => transform(page('<script>alert(1)</script>'))).toThrow(/raw <script>/);
    expect(() => transform(page('[x](javascript&#58;alert(1))'))).toThrow(/javascript: addresses/);
  });

  it("stops image addresses the compiler would import from outside the page's folder, or with a query", () => {
    expect(() => transform(page('![Settings](./a/../../../package.json)'))).toThrow(
      /a\.mdx:5:1 body: this page's images go in a folder named after it/,
    );
    expect(() => transform(page('![A card](./a/card.png?raw)'))).toThrow(/cannot hold \? or #/);
    expect(() => transform(page('![A card](./a/card.png)'))).toThrow(/content\/guides\/a\/card\.png does not exist/);
    expect(() => transform(page('![A diagram](./a/diagram.svg)'))).toThrow(/SVG images are not accepted/);
  });

  it('never lets the compiler import an image through a link, in the editing server too', () => {
    const root = mkdtempSync(join(tmpdir(), 'mdx-guard-'));
    try {
      mkdirSync(join(root, 'content/guides/a'), { recursive: true });
      symlinkSync('/etc/hostname', join(root, 'content/guides/a/card.png'));
      symlinkSync('/etc', join(root, 'content/guides/b'));
      const onDisk = mdxGuard(`${root}/content/`);
      const run = (body: string, page: string) =>
        (onDisk.transform as (code: string, id: string) => unknown).call(
          {},
          `---\ntitle: A\n---\n\n${body}\n`,
          `${root}/content/guides/${page}.mdx`,
        );
      expect(() => run('![A card](./a/card.png)', 'a')).toThrow(
        /guides\/a\.mdx:5:1 body: content\/guides\/a\/card\.png is a link or a special file/,
      );
      expect(() => run('![A host](./b/hostname.png)', 'b')).toThrow(/content\/guides\/b\/hostname\.png is a link or a special file/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lets safe content and files outside content/ through untouched', () => {
    expect(transform(page('Text with <Cite source="any-id" /> and {/* a note */}.'))).toBeUndefined();
    expect(transform('{process.env.HOME}', '/site/src/components/mdx/examples/x.mdx')).toBeUndefined();
  });
});
