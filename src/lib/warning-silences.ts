/**
 * Silencing one warning on one line, with a reason. An editor who has looked
 * at a warning and decided it is wrong there writes, on the line before it,
 *
 *     {/* validate-ignore glossary-link: "mixing" here is the verb, not the console *\/}
 *
 * The comment is an MDX comment, so readers never see it, and it is read from
 * the parsed tree (an expression holding only a comment), never from the raw
 * text. In frontmatter and YAML files the same words go in a YAML comment,
 * `# validate-ignore stale-figure: reason`, read from the YAML parser's tokens.
 * It silences warnings of that one kind on the next line only; errors
 * cannot be silenced. A comment with no reason, naming no known warning, or
 * silencing nothing is itself reported, so silences do not pile up unexplained.
 */
import { yamlPackage } from './load-later.ts';
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
  /** Where the comment is: `body` (an MDX comment) or `comment` (a YAML comment). */
  field: 'body' | 'comment';
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
      const found = silence(comment.trim(), node.position.start.line, node.position.start.column, node.position.end.line, 'body');
      if (found) out.push(found);
    }
    return false;
  });
  return out;
}

/** A silence from its comment's words ("validate-ignore rule: reason"), or undefined when the comment is not one. */
function silence(words: string, line: number, column: number, lastLine: number, field: Silence['field']): Silence | undefined {
  if (!words.startsWith(SILENCE_KEYWORD)) return undefined;
  const rest = words.slice(SILENCE_KEYWORD.length);
  const colon = rest.indexOf(':');
  return {
    line,
    column,
    target: lastLine + 1,
    rule: (colon === -1 ? rest : rest.slice(0, colon)).trim(),
    reason: colon === -1 ? '' : rest.slice(colon + 1).trim(),
    field,
  };
}

/** The YAML text of an entry (its frontmatter, or the whole file), and the file lines before it. */
export interface YamlSource {
  text: string;
  lineOffset: number;
}

/** Every comment token the YAML parser produces, wherever it sits in the concrete syntax tree. */
function yamlComments(yaml: YamlSource): Silence[] {
  // Most files hold no silence; only those that mention one are tokenised again.
  if (!yaml.text.includes(SILENCE_KEYWORD)) return [];
  const out: Silence[] = [];
  const lineOf = (offset: number) => yaml.text.slice(0, offset).split('\n').length + yaml.lineOffset;
  const visit = (token: unknown) => {
    if (!token || typeof token !== 'object') return;
    if (Array.isArray(token)) return token.forEach(visit);
    const t = token as { type?: string; source?: string; offset?: number };
    if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
      const line = lineOf(t.offset);
      const found = silence(t.source.replace(/^#/, '').trim(), line, 1, line, 'comment');
      if (found) out.push(found);
      return;
    }
    Object.values(token).forEach(visit);
  };
  for (const token of new (yamlPackage().Parser)().parse(yaml.text)) visit(token);
  return out;
}

const SILENCEABLE: readonly string[] = WARNING_RULES;

/**
 * The warnings left once the body's validate-ignore comments have silenced
 * theirs, followed by a warning for each comment that cannot be honoured.
 */
export function applySilences(warnings: readonly Warning[], tree: MdxNode | undefined, yaml?: YamlSource, body?: string): Warning[] {
  // Walking the tree for comments is skipped when the body's text never mentions a silence.
  const bodySilences = tree && (body === undefined || body.includes(SILENCE_KEYWORD)) ? silencesIn(tree) : [];
  const silences = [...(yaml ? yamlComments(yaml) : []), ...bodySilences];
  if (silences.length === 0) return [...warnings];
  const used = new Set<Silence>();
  const problems: Warning[] = [];
  const valid = silences.filter((s) => {
    const report = (message: string) => problems.push({ line: s.line, column: s.column, field: s.field, rule: 'validate-ignore', message });
    const words = `${SILENCE_KEYWORD} ${SILENCEABLE.includes(s.rule) ? s.rule : 'glossary-link'}: why the warning is wrong here`;
    const example = s.field === 'comment' ? `# ${words}` : `{/* ${words} */}`;
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
        field: s.field,
        rule: 'validate-ignore',
        message: `this ${SILENCE_KEYWORD} silences nothing: there is no ${s.rule} warning on line ${s.target}; put it on the line just before the warning, or remove it`,
      });
  }
  return [...kept, ...problems];
}
