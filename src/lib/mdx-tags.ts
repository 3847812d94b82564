/**
 * Reads the component tags in an MDX body (<Cite source="…" />, and the
 * multi-line <SourcesDisagree … positions={[…]} />) without a full MDX parser:
 * the validator and the citation list need their attributes, with offsets so
 * problems point at the exact line and column.
 */

export interface TagAttribute {
  name: string;
  /** The text of a quoted value, unescaped; undefined for an {expression}. */
  value?: string;
  /** The source of a {…} value, without the braces. */
  expression?: string;
  /** Offset of the value's first character (after the quote or brace). */
  valueOffset: number;
}

export interface ComponentTag {
  name: string;
  /** Offset of the `<`. */
  offset: number;
  /** Offset just after the closing `>`. */
  end: number;
  selfClosing: boolean;
  attributes: TagAttribute[];
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** Index just past a quoted string starting at `i`, honouring backslash escapes. */
function skipString(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j + 1;
  }
  return text.length;
}

/** Finds every tag whose name starts with a capital letter. Pass text with code already masked. */
export function componentTags(text: string): ComponentTag[] {
  const tags: ComponentTag[] = [];
  for (const m of text.matchAll(/<([A-Z][\w.]*)/g)) {
    const attributes: TagAttribute[] = [];
    let i = m.index + m[0].length;
    let end = -1;
    let selfClosing = false;
    while (i < text.length) {
      const c = text[i]!;
      if (/\s/.test(c)) {
        i++;
      } else if (text.startsWith('/>', i)) {
        selfClosing = true;
        end = i + 2;
        break;
      } else if (c === '>') {
        end = i + 1;
        break;
      } else {
        const name = /^[A-Za-z_][\w:-]*/.exec(text.slice(i, i + 100))?.[0];
        if (!name) {
          // Not an attribute: give up on this tag at the next '>'.
          const close = text.indexOf('>', i);
          end = close === -1 ? text.length : close + 1;
          break;
        }
        i += name.length;
        while (/[ \t]/.test(text[i] ?? '')) i++;
        if (text[i] !== '=') {
          attributes.push({ name, value: 'true', valueOffset: i });
          continue;
        }
        i++;
        while (/\s/.test(text[i] ?? '')) i++;
        if (text[i] === '"' || text[i] === "'") {
          const stop = skipString(text, i);
          attributes.push({ name, value: unescape(text.slice(i + 1, stop - 1)), valueOffset: i + 1 });
          i = stop;
        } else if (text[i] === '{') {
          let depth = 0;
          let j = i;
          for (; j < text.length; j++) {
            const d = text[j]!;
            if (d === '"' || d === "'" || d === '`') j = skipString(text, j) - 1;
            else if (d === '{') depth++;
            else if (d === '}' && --depth === 0) break;
          }
          attributes.push({ name, expression: text.slice(i + 1, j), valueOffset: i + 1 });
          i = j + 1;
        }
      }
    }
    tags.push({ name: m[1]!, offset: m.index, end: end === -1 ? text.length : end, selfClosing, attributes });
  }
  return tags;
}

export interface ParsedString {
  value: string;
  /** Offset of the string's first character within the expression. */
  offset: number;
}

export type ParsedPositions =
  { ok: true; items: { offset: number; fields: Record<string, ParsedString> }[] } | { ok: false; offset: number };

/**
 * Parses `[{ claim: "…", source: "…" }, …]`: a list of groups of quoted texts,
 * which is all a disagreement needs. Anything else (variables, numbers, calls)
 * is refused with the offset where reading stopped.
 */
export function parsePositions(expression: string): ParsedPositions {
  let i = 0;
  const ws = () => {
    while (i < expression.length && /\s/.test(expression[i]!)) i++;
  };
  const fail = (): ParsedPositions => ({ ok: false, offset: i });
  const str = (): ParsedString | undefined => {
    const q = expression[i];
    if (q !== '"' && q !== "'") return undefined;
    const stop = skipString(expression, i);
    const out = { value: unescape(expression.slice(i + 1, stop - 1)), offset: i + 1 };
    i = stop;
    return out;
  };
  ws();
  if (expression[i] !== '[') return fail();
  i++;
  const items: { offset: number; fields: Record<string, ParsedString> }[] = [];
  for (;;) {
    ws();
    if (expression[i] === ']') break;
    if (expression[i] !== '{') return fail();
    const item = { offset: i, fields: {} as Record<string, ParsedString> };
    i++;
    for (;;) {
      ws();
      if (expression[i] === '}') break;
      let key = str()?.value;
      if (key === undefined) {
        key = /^[A-Za-z_$][\w$]*/.exec(expression.slice(i))?.[0];
        if (!key) return fail();
        i += key.length;
      }
      ws();
      if (expression[i] !== ':') return fail();
      i++;
      ws();
      const value = str();
      if (!value) return fail();
      item.fields[key] = value;
      ws();
      if (expression[i] === ',') i++;
      else if (expression[i] !== '}') return fail();
    }
    i++;
    items.push(item);
    ws();
    if (expression[i] === ',') i++;
    else if (expression[i] !== ']') return fail();
  }
  i++;
  ws();
  return i === expression.length ? { ok: true, items } : fail();
}
