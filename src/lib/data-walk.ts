/**
 * The one walk over parsed frontmatter that the validator's value checks share
 * (control characters and merge keys in `validate/schema-check.ts`, leftover
 * placeholders in `content-warnings.ts`). Every value of every file is visited,
 * so one path is grown and shrunk in place and a caller copies it only for a
 * find: copying it at each value was a large part of the validator's garbage.
 */
export interface DataVisitor {
  /** Each string, with the path to it (the shared array: copy it to keep it). */
  string?: (value: string, path: PropertyKey[]) => void;
  /** Each object key, before its value; returning false skips the value. */
  key?: (key: string, path: PropertyKey[]) => boolean | void;
  /** Checked before each value; once it returns true the walk goes no further. */
  done?: () => boolean;
}

export function walkData(data: unknown, visitor: DataVisitor): void {
  const path: PropertyKey[] = [];
  const visit = (value: unknown) => {
    if (visitor.done?.()) return;
    if (typeof value === 'string') {
      visitor.string?.(value, path);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        path.push(k);
        if (visitor.key?.(k, path) !== false) visit(record[k]);
        path.pop();
      }
    }
  };
  visit(data);
}
