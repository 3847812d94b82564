/**
 * Stage 3: check parsed data against its collection's schema and place every
 * issue at its line. Positions come from the position-keeping YAML parser,
 * which is several times slower than js-yaml, so it runs only for a file that
 * has something to report.
 */
import type { z } from 'astro/zod';
import type { Document, LineCounter } from 'yaml';
import { yamlPackage } from '../load-later.ts';
import { errorMap, formatPath, issuePath, withFound } from '../../schemas/messages.ts';
import { locate } from '../yaml-locate.ts';
import type { Located, ParsedSource } from './parse-source.ts';
import { walkData } from '../data-walk.ts';

export type Locator = (path: readonly PropertyKey[]) => { line: number; column: number };

export function locator(parsed: Pick<ParsedSource, 'yamlText' | 'lineOffset'>): Locator {
  let located: { doc: Document; lineCounter: LineCounter } | undefined;
  return (path) => {
    // A top-level key (title, description) starts a line of its own, so a line scan finds it without the
    // position-keeping parser, which matters when many files carry a warning about one.
    const [key] = path;
    if (path.length === 1 && typeof key === 'string' && /^[A-Za-z][\w-]*$/.test(key)) {
      const at = new RegExp(`^${key}[ \\t]*:`, 'm').exec(parsed.yamlText);
      if (at) return { line: parsed.yamlText.slice(0, at.index).split('\n').length + parsed.lineOffset, column: 1 };
    }
    if (!located) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(parsed.yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    }
    const { doc, lineCounter } = located;
    const pos = doc.errors.length === 0 ? locate(doc, lineCounter, path) : undefined;
    return pos ? { line: pos.line + parsed.lineOffset, column: pos.column } : { line: 1, column: 1 };
  };
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

/**
 * Values the schema cannot judge: control characters (which make the feed,
 * sitemap and data files malformed) and YAML merge keys (<<), which the build's
 * YAML reader would expand into fields nobody wrote.
 */
export function rawDataProblems(data: unknown, at: Locator): Located[] {
  const out: Located[] = [];
  const problem = (path: PropertyKey[], message: string) => out.push({ ...at([...path]), field: formatPath(path), message });
  walkData(data, {
    done: () => out.length > 20,
    string: (value, path) => {
      const m = CONTROL.exec(value);
      if (!m) return;
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      problem(
        path,
        `holds an invisible control character (U+${code}) that would break the feed and data files; delete it (in quotes it is written as \\x or \\u)`,
      );
    },
    key: (key, path) => {
      if (key !== '<<') return true;
      problem(path, 'YAML merge keys (<<) are not allowed in content; write each field out in full');
      return false;
    },
  });
  return out;
}

export function schemaProblems(schema: z.ZodType, data: unknown, at: Locator): { data?: unknown; problems: Located[] } {
  const result = schema.safeParse(data, { error: errorMap, reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    // The field, from the issue's path, goes in front of the message (src/schemas/messages.ts).
    const path = issuePath(issue);
    return { ...at(path), field: formatPath(path), message: withFound(issue) };
  });
  return { problems };
}
