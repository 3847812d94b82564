/**
 * How schema problems read. Every message in `src/schemas/` says what is wrong
 * and how to fix it, without naming the field: the field comes from the issue's
 * path, which `issueText` (and Astro's own error report, which prints the path
 * the same way) puts in front. So a message can never name the wrong field, and
 * `pay[0].amount: must be greater than zero` points at the very item.
 *
 * `errorMap` words zod's built-in issues (missing fields, wrong types, unknown
 * keys, bad enum values) for editors who are not programmers; messages written in
 * the schemas take precedence over it.
 */
import type { z } from 'astro/zod';
import { didYouMean } from './did-you-mean.ts';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** Formats a path the way editors read it: pay[0].amount. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(file)';
}

/** The path of an issue about an unknown key includes the key itself, so the message lands on that key's line. */
export const issuePath = (issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }): PropertyKey[] =>
  issue.code === 'unrecognized_keys' && issue.keys?.length === 1 ? [...issue.path, issue.keys[0]!] : [...issue.path];

/** One line per issue: the field, from its path, then the message. */
export const issueText = (issue: { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }) =>
  `${formatPath(issuePath(issue))}: ${issue.message}`;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${String(value)}`;
}

/**
 * Message for a value of the wrong type, or a missing one: says which, what was
 * expected and what was found.
 */
export const expects =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `is required but missing; add it (${expected})`
      : `must be ${expected}; found ${describeValue(issue.input)}`;

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

export const errorMap: z.core.$ZodErrorMap = (issue) => {
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
