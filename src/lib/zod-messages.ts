/**
 * Plain-English wording for zod's built-in issues (missing fields, wrong types,
 * unknown keys, bad enum values). Messages written in the schemas take
 * precedence; this only replaces zod's terse defaults, so that editors who are
 * not programmers see what was expected, what was found, and a hint.
 */
import type { z } from 'astro/zod';
import { didYouMean } from './did-you-mean.ts';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a group of fields (indented keys)',
  date: 'a date',
  tuple: 'a list',
};

function knownKeys(issue: RawIssue): string[] {
  const def = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : [];
}

export const friendlyErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `is required but missing; add it (expected ${expected})`;
      return `expected ${expected}, found ${describeValue(issue.input)}`;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(issue);
      return issue.keys
        .map((key) => {
          const hint = didYouMean(key, known);
          return `unknown field "${key}"; ${hint ? `did you mean "${hint}"?` : 'remove it or check its spelling'}`;
        })
        .join('; ');
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : undefined;
      return `expected one of ${allowed}; found ${describeValue(issue.input)}${hint ? `; did you mean "${hint}"?` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s); found ${describeValue(issue.input)}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${String(issue.maximum)} item(s); found ${describeValue(issue.input)}`;
      return undefined;
    default:
      return undefined;
  }
};

/**
 * Adds "found …" to a schema's own message when it does not already say what
 * was found, so every error names the expected value, the actual one and the fix.
 * Needs issues parsed with `reportInput: true`.
 */
export function withFound(issue: { code: string; message: string; input?: unknown }): string {
  const { input, message } = issue;
  if (input === undefined || input === '' || /\bfound\b/.test(message)) return message;
  // A refinement over a whole group already names the numbers it compares; "a group of fields" adds nothing.
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return message;
  if (Array.isArray(input)) {
    return issue.code === 'too_small' || issue.code === 'too_big' ? `${message}; found ${describeValue(input)}` : message;
  }
  if (typeof input === 'string') {
    if (issue.code === 'too_small' || issue.code === 'too_big') return `${message}; found ${input.length} characters`;
    if (message.includes(`"${input}"`)) return message;
  }
  return `${message}; found ${describeValue(input)}`;
}
