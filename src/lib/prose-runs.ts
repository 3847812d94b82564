/**
 * The running text of a body, as the prose warnings read it (uncited figures,
 * unlinked glossary terms): text nodes with where each starts in the file,
 * leaving out what a reader does not read as prose or what is already linked.
 */
import { isJsx, walk, type MdxNode } from './mdx-tree.ts';

/** A run of text a reader sees as prose, with where it starts in the file. */
export interface ProseRun {
  text: string;
  line: number;
  column: number;
}

/** Line and column of an offset inside a run (text nodes may span lines). */
export function positionIn(run: ProseRun, offset: number): { line: number; column: number } {
  const before = run.text.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: run.line, column: run.column + offset };
  let lines = 0;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) lines++;
  return { line: run.line + lines, column: offset - newline };
}

/**
 * The prose of a block: its text nodes, leaving out code, link text, <Term>
 * contents and headings, which are already linked or are not running text.
 */
export function proseRuns(node: MdxNode, out: ProseRun[] = []): ProseRun[] {
  walk(node, (n) => {
    if (n.type === 'heading' || n.type === 'link' || n.type === 'linkReference' || n.type === 'code' || n.type === 'inlineCode')
      return false;
    if (isJsx(n) && n.name === 'Term') return false;
    if (n.type === 'text' && n.position) out.push({ text: n.value ?? '', line: n.position.start.line, column: n.position.start.column });
    return undefined;
  });
  return out;
}
