/**
 * Links in the built site: linkinator crawls dist/ from the home page,
 * following every internal link and checking every #fragment against the ids
 * on its target page. What it reaches is what a reader can reach, so every
 * page in the sitemap must be among them. External links are not fetched:
 * CI has no network, and their health is not this build's to guarantee.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker, type LinkResult } from 'linkinator';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, sitePages } from '../e2e/support/pages.ts';

const isLocal = (url: string) => /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url);

async function crawl(root: string) {
  const result = await new LinkChecker().check({
    path: root,
    recurse: true,
    checkFragments: true,
    linksToSkip: async (url: string) => !isLocal(url),
    // A request that got no answer at all (a timeout or reset from linkinator's own local server, seen with the machine at
    // a load of 20) is asked again; a missing page or fragment is an answer, and is never retried.
    retryErrors: true,
    retryErrorsCount: 3,
  });
  // Linkinator names local results by file path; the site's own paths read better.
  const path = (url: string) => url.slice(root.length) || '/';
  const describe = (l: LinkResult) => `${path(l.url)} (${l.status ?? 'no response'}) linked from ${l.parent ? path(l.parent) : '(start)'}`;
  return {
    broken: result.links.filter((l) => l.state === 'BROKEN').map(describe),
    reached: new Set(result.links.filter((l) => l.state === 'OK').map((l) => path(l.url))),
    checked: result.links.filter((l) => l.state !== 'SKIPPED').length,
  };
}

describe('links in the built site', () => {
  let site: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    site = await crawl(DIST);
    console.log(
      `links: ${site.checked} internal URLs checked (and every #fragment pointing into them), ${site.broken.length} broken, ${site.reached.size} reached from /`,
    );
  });

  it('every internal link and #fragment resolves', () => {
    expect(site.broken).toEqual([]);
  });

  it('every page in the sitemap can be reached from the home page', () => {
    const pages = sitePages();
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !site.reached.has(p))).toEqual([]);
  });

  it('the checker itself catches a missing page, a missing fragment and an orphan', async () => {
    const root = mkdtempSync(join(tmpdir(), 'links-'));
    for (const dir of ['a', 'orphan']) mkdirSync(join(root, dir));
    const page = (body: string) => `<!doctype html><html lang="en"><title>t</title><body>${body}</body></html>`;
    writeFileSync(
      join(root, 'index.html'),
      page('<a href="/a/#here">ok</a> <a href="/a/#gone">gone</a> <a href="#nowhere">nowhere</a> <a href="/missing/">missing</a>'),
    );
    writeFileSync(join(root, 'a', 'index.html'), page('<h2 id="here">Here</h2>'));
    writeFileSync(join(root, 'orphan', 'index.html'), page('Nobody links here'));
    const fixture = await crawl(root);
    expect(fixture.broken.map((b) => b.split(' ')[0]).sort()).toEqual(['/#nowhere', '/a/#gone', '/missing/']);
    expect(sitePages(root).filter((p) => !fixture.reached.has(p))).toEqual(['/orphan/']);
  });
});
