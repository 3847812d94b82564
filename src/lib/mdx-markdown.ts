/**
 * An MDX body as plain Markdown, for llms-full.txt: the parsed tree with each
 * component turned into text a reader of Markdown understands, written out by
 * mdast-util-to-markdown (with GFM for tables and footnotes).
 */
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Nodes } from 'mdast';
import { attribute, isCommentOnly, isExpression, isJsx, type MdxNode } from './mdx-tree.ts';

const text = (value: string): MdxNode => ({ type: 'text', value });
const strong = (value: string): MdxNode => ({ type: 'strong', children: [text(value)] });

/** Turns an image's address as written (./page-id/name.png) into the absolute address of the built image. */
export type ImageAddress = (url: string) => string;

/** A copy of the tree with components replaced by Markdown; the tree itself is shared and never changed. */
function plain(node: MdxNode, sourceTitle: (id: string) => string, imageUrl: ImageAddress): MdxNode[] {
  if (node.type === 'mdxjsEsm' || (isExpression(node) && isCommentOnly(node.value ?? ''))) return [];
  // A relative address means nothing outside the page, so every image points at the built file.
  if (node.type === 'image') return [{ ...node, url: imageUrl(node.url ?? '') }];
  const children = () => (node.children ?? []).flatMap((c) => plain(c, sourceTitle, imageUrl));
  if (isJsx(node)) {
    switch (node.name) {
      case 'Cite':
        return [text(` (source: ${sourceTitle(attribute(node, 'source') ?? '')})`)];
      case 'Term':
        return children();
      case 'Callout': {
        const title = attribute(node, 'title') ?? 'Note';
        const inner = children();
        const [first, ...rest] = inner;
        // The title leads the first paragraph, as "**Title.** text".
        if (first?.type === 'paragraph')
          return [{ ...first, children: [strong(`${title}.`), text(' '), ...(first.children ?? [])] }, ...rest];
        return [{ type: 'paragraph', children: [strong(`${title}.`)] }, ...inner];
      }
      case 'SourcesDisagree':
        return [
          { type: 'paragraph', children: [strong(`Sources disagree: ${attribute(node, 'topic') ?? ''}`)] },
          { type: 'list', children: children() },
          ...(attribute(node, 'note') ? [{ type: 'paragraph', children: [text(attribute(node, 'note')!)] }] : []),
        ];
      case 'Position':
        return [
          {
            type: 'listItem',
            children: [
              { type: 'paragraph', children: [...children(), text(` (source: ${sourceTitle(attribute(node, 'source') ?? '')})`)] },
            ],
          },
        ];
      default:
        // Charts and tables of other entries have their own text elsewhere in llms-full.txt.
        return [];
    }
  }
  return [node.children ? { ...node, children: children() } : node];
}

export function mdxToMarkdown(tree: MdxNode, sourceTitle: (id: string) => string, imageUrl: ImageAddress): string {
  const root = { type: 'root', children: plain(tree, sourceTitle, imageUrl) } as unknown as Nodes;
  return toMarkdown(root, { extensions: [gfmToMarkdown()] })
    .replace(/[ \t]+\(source: /g, ' (source: ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
