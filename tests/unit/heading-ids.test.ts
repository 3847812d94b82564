/**
 * The validator's heading ids (src/lib/heading-ids.ts) against the ids Astro's own MDX pipeline gives: each body
 * is compiled by Sätteri with the site's HTML plugins and @astrojs/markdown-satteri's heading-id plugin, in the
 * order @astrojs/mdx runs them, and the headings it reports must match the ones worked out from the parsed tree.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHeadings } from '../../src/lib/heading-ids.ts';
import { handbookHastPlugins } from '../../src/lib/markdown-plugins.ts';
import { MDX_FEATURES, parseBody } from '../../src/lib/mdx-tree.ts';

async function astroHeadings(body: string, file = 'content/guides/a.mdx') {
  const astro = {
    frontmatter: {},
    headings: [] as { depth: number; slug: string; text: string }[],
    localImagePaths: new Set(),
    remoteImagePaths: new Set(),
  };
  await mdxToJs(body, {
    hastPlugins: [...handbookHastPlugins, satteriHeadingIdsPlugin()],
    features: { gfm: MDX_FEATURES.gfm, smartPunctuation: MDX_FEATURES.smartPunctuation },
    fileURL: new URL(`file:///site/${file}`),
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
    data: { astro },
  } as Parameters<typeof mdxToJs>[1]);
  return astro.headings.map((h) => ({ depth: h.depth, id: h.slug }));
}

function ours(body: string) {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return bodyHeadings(parsed.tree).map((h) => ({ depth: h.depth, id: h.id }));
}

const BODIES: Record<string, string> = {
  'plain, repeated and re-levelled headings': '## Getting in\n\nText.\n\n## Getting in\n\n### Getting in\n\n#### Pay\n',
  'quotes, dashes and markup': '## It\'s "quoted" -- and *emphasised* `code` [a link](/roles/x/)\n\n## **Bold** and _em_\n',
  'components and punctuation':
    '### Pay & <Term id="gain-staging">gain</Term> café\n\n## Pay <Cite source="a" />\n\n## 50% of the time: 1/2 (roughly)\n',
  'a heading inside a component and a comment': '<Callout>\n\n## Inside\n\n</Callout>\n\n## After {/* note */} it\n',
  'footnotes after the headings': '## Notes\n\nText.[^1]\n\n## Notes\n\n[^1]: A note.\n',
  'headings that slug alike': '## A-B\n\n## A B\n\n## a b\n\n## Ünïcode ёж 日本\n',
};

describe('heading ids', () => {
  for (const [name, body] of Object.entries(BODIES)) {
    it(`match Astro's heading ids: ${name}`, async () => {
      expect(ours(body)).toEqual(await astroHeadings(body));
    });
  }

  it('number repeated headings in document order', () => {
    expect(ours('## Pay\n\n## Pay\n\n### Pay\n').map((h) => h.id)).toEqual(['pay', 'pay-1', 'pay-2']);
  });
});
