/**
 * Silencing one warning on one line, with a reason. An editor who has looked
 * at a warning and decided it is wrong there writes, on the line before it,
 *
 *     {/* validate-ignore glossary-link: "mixing" here is the verb, not the console *\/}
 *
 * The comment is an MDX comment, so readers never see it, and it is read from
 * the parsed tree (an expression holding only a comment), never from the raw
 * text. It silences warnings of that one kind on the next line only; errors
 * cannot be silenced. A comment with no reason, naming no known warning, or
 * silencing nothing is itself reported, so silences do not pile up unexplained.
 */
import { didYouMean } from '../schemas/did-you-mean.ts';
import { WARNING_RULES, type Warning, type WarningRule } from './content-warnings.ts';
import { isCommentOnly, walk, type MdxNode } from './mdx-tree.ts';

export const SILENCE_KEYWORD = 'validate-ignore';

interface Silence {
  line: number;
  column: number;
  /** The line whose warnings it silences: the one after the comment ends. */
  target: number;
  rule: string;
  reason: string;
}

/** The text of each block comment in an expression's source, such as "/* a *\/ /* b *\/". */
function comments(source: string): string[] {
  const out: string[] = [];
  for (let open = source.indexOf('/*'); open !== -1; open = source.indexOf('/*', open + 2)) {
    const close = source.indexOf('*/', open + 2);
    if (close === -1) break;
    out.push(source.slice(open + 2, close));
    open = close;
  }
  return out;
}

function silencesIn(tree: MdxNode): Silence[] {
  const out: Silence[] = [];
  walk(tree, (node) => {
    if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return undefined;
    if (!node.position || !isCommentOnly(node.value ?? '')) return false;
    for (const comment of comments(node.value ?? '')) {
      const words = comment.trim();
      if (!words.startsWith(SILENCE_KEYWORD)) continue;
      const rest = words.slice(SILENCE_KEYWORD.length);
      const colon = rest.indexOf(':');
      out.push({
        line: node.position.start.line,
        column: node.position.start.column,
        target: node.position.end.line + 1,
        rule: (colon === -1 ? rest : rest.slice(0, colon)).trim(),
        reason: colon === -1 ? '' : rest.slice(colon + 1).trim(),
      });
    }
    return false;
  });
  return out;
}

const SILENCEABLE: readonly string[] = WARNING_RULES;

/**
 * The warnings left once the body's validate-ignore comments have silenced
 * theirs, followed by a warning for each comment that cannot be honoured.
 */
export function applySilences(warnings: readonly Warning[], tree: MdxNode | undefined): Warning[] {
  const silences = tree ? silencesIn(tree) : [];
  if (silences.length === 0) return [...warnings];
  const used = new Set<Silence>();
  const problems: Warning[] = [];
  const valid = silences.filter((s) => {
    const report = (message: string) => problems.push({ line: s.line, column: s.column, field: 'body', rule: 'validate-ignore', message });
    const example = `{/* ${SILENCE_KEYWORD} ${SILENCEABLE.includes(s.rule) ? s.rule : 'glossary-link'}: why the warning is wrong here */}`;
    if (!SILENCEABLE.includes(s.rule)) {
      const hint = s.rule ? didYouMean(s.rule, SILENCEABLE) : undefined;
      report(
        `${SILENCE_KEYWORD} names ${s.rule ? `no warning "${s.rule}"` : 'no warning'}; ${hint ? `did you mean "${hint}"? ` : ''}write the name shown in [brackets] after the warning, as in ${example}`,
      );
      return false;
    }
    if (!s.reason) {
      report(`${SILENCE_KEYWORD} needs a reason after a colon, so the next editor knows why: ${example}`);
      return false;
    }
    return true;
  });
  const kept = warnings.filter((w) => {
    const silence = valid.find((s) => s.target === w.line && s.rule === (w.rule as WarningRule));
    if (silence) used.add(silence);
    return !silence;
  });
  for (const s of valid) {
    if (!used.has(s))
      problems.push({
        line: s.line,
        column: s.column,
        field: 'body',
        rule: 'validate-ignore',
        message: `this ${SILENCE_KEYWORD} silences nothing: there is no ${s.rule} warning on line ${s.target}; put it on the line just before the warning, or remove it`,
      });
  }
  return [...kept, ...problems];
}
