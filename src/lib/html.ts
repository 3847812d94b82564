/**
 * Reading built HTML with parse5, the WHATWG-conformant parser (the one jsdom
 * uses), so a page is read the way a browser reads it: a `<script>` hidden in
 * an attribute value, a comment or an SVG `<style>` counts exactly when a
 * browser would run or apply it. Used by the CSP step, the page-weight budget
 * and the tests on dist/; nothing here reads HTML with regular expressions.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type HtmlDocument = DefaultTreeAdapterMap['document'];
export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

/** Parses a whole document; with `locations`, elements and attributes carry their line and column. */
export function parseHtml(html: string, { locations = false } = {}): HtmlDocument {
  return parse(html, { sourceCodeLocationInfo: locations });
}

const isElement = (node: HtmlNode): node is HtmlElement => 'tagName' in node;

/** A node's children; a <template>'s are in its content fragment. */
function childrenOf(node: HtmlNode): HtmlNode[] {
  if ('content' in node && node.content) return node.content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

/** Every element in document order, including those inside <template> contents (which a script can stamp into the page). */
export function* elements(root: HtmlNode): Generator<HtmlElement> {
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) yield node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Elements with this tag name (lower case, any namespace), in document order. */
export const byTag = (root: HtmlNode, tagName: string): HtmlElement[] => [...elements(root)].filter((e) => e.tagName === tagName);

/** An attribute's value as the browser sees it (entities decoded), or undefined when absent. */
export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The concatenated text inside an element: for <script> and <style>, exactly the code the browser runs or applies. */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(textOf).join('');
}

/** Every id in a document, as link fragments find them. */
export const ids = (root: HtmlNode): string[] => [...elements(root)].flatMap((e) => attr(e, 'id') ?? []);

/** Meta tags by name or property: `meta(doc, 'og:title')`. */
export function meta(root: HtmlNode, key: string): string | undefined {
  const tag = byTag(root, 'meta').find((m) => attr(m, 'name') === key || attr(m, 'property') === key);
  return tag && attr(tag, 'content');
}

/** Where an element starts in its file, as "line:column", when parsed with locations. */
export function position(element: HtmlElement): string {
  const loc = element.sourceCodeLocation;
  return loc ? `${loc.startLine}:${loc.startCol}` : '?';
}
