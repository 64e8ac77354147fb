/** A regular expression written in a document or schema, and where: the JSON Pointer of its `pattern`. */
export interface PatternAt {
  pointer: string;
  pattern: string;
}

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function collect(value: unknown, pointer: string, out: PatternAt[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${pointer}/${i}`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}/${escapeKey(key)}`;
    // A string under `pattern` is a regular expression; an object there is a form field that happens to be
    // called "pattern", and is walked like any other.
    if (key === 'pattern' && typeof child === 'string') out.push({ pointer: at, pattern: child });
    else collect(child, at, out);
  }
}

/**
 * Every regular expression in a document of the model (form fields of an item at any depth, table columns
 * included; a data element's own pattern) or in a JSON Schema (its `pattern` keywords): what has to be proved
 * safe before anything evaluates it.
 */
export function patternsIn(value: unknown, pointerPrefix = ''): PatternAt[] {
  const out: PatternAt[] = [];
  collect(value, pointerPrefix, out);
  return out;
}

/**
 * How many atoms a pattern stands for once its counted repetitions are written out, as RE2 compiles it:
 * `\d{12,25}` is 25, `(a{1,10}){1,10}` is 100; `*`, `+` and `?` loop instead of copying. RE2 matches in time linear
 * in the input but proportional to this size too, so it bounds what one stored pattern may cost. Expects a valid
 * pattern (check it with `new RegExp(source, 'u')` first).
 */
export function patternSize(source: string): number {
  let i = 0;
  const skipPast = (close: string) => {
    while (i < source.length && source[i] !== close) i += source[i] === '\\' ? 2 : 1;
    i++;
  };
  const alternation = (): number => {
    let total = sequence();
    while (source[i] === '|') {
      i++;
      total += sequence();
    }
    return total;
  };
  const sequence = (): number => {
    let total = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') total += atom() * quantifier();
    return total;
  };
  const atom = (): number => {
    const c = source[i++];
    if (c === '[') {
      if (source[i] === ']') i++;
      skipPast(']');
    } else if (c === '\\') {
      // \u{…}, \p{…}, \k<…> are one atom with their braces.
      const next = source[i++];
      if (source[i] === '{' && 'upPx'.includes(next!)) skipPast('}');
      else if (next === 'k' && source[i] === '<') skipPast('>');
    } else if (c === '(') {
      if (source[i] === '?') {
        i++;
        if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!') skipPast('>');
        else i++;
      }
      const inner = alternation();
      i++; // ')'
      return Math.max(inner, 1);
    }
    // Anchors match no character.
    return c === '^' || c === '$' ? 0 : 1;
  };
  const quantifier = (): number => {
    let copies = 1;
    if ('*+?'.includes(source[i] ?? '_')) i++;
    else {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!counted) return 1;
      i += counted[0].length;
      copies = Math.max(Number(counted[1]), counted[3] ? Number(counted[3]) : 0);
    }
    if (source[i] === '?') i++; // lazy
    return copies;
  };
  return alternation();
}
