/**
 * How problems are printed: plain lines for people, or GitHub workflow commands
 * so a pull request shows each problem on the line it is about.
 */
import { formatProblem, type Problem } from './content-validator.ts';

export const FORMATS = ['text', 'github'] as const;
export type Format = (typeof FORMATS)[number];

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data and
// property values are percent-encoded, properties additionally escape ':' and ','.
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** `::error file=…,line=…,col=…,title=…::message`, one line per problem. */
export function githubAnnotation(p: Problem): string {
  const props = [`file=${p.file}`, `line=${p.line}`, `col=${p.column}`, `title=${p.rule ? `${p.field} [${p.rule}]` : p.field}`].map(
    (kv) => {
      const at = kv.indexOf('=');
      return `${kv.slice(0, at)}=${escapeProperty(kv.slice(at + 1))}`;
    },
  );
  return `::${p.severity} ${props.join(',')}::${escapeData(p.message)}`;
}

export const formatAs = (format: Format) => (format === 'github' ? githubAnnotation : formatProblem);
