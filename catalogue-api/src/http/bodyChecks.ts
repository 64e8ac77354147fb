import type { ValidationIssue } from '@oneseal/schemas';

/**
 * Objects and arrays nest at most this deep in a request body: above any OneSeal document (the model allows 64 and
 * a real base item with a form at its 16-level limit stays near 40, plus one level for a wrapper such as
 * `{ item }`), and refused before the body is parsed at all.
 */
export const MAX_BODY_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/**
 * Whether JSON text nests objects and arrays deeper than `max`: one pass over the characters, strings skipped,
 * nothing parsed. JSON.parse itself copes with deep input but slowly (a 1 MB body of brackets keeps the event
 * loop busy for most of a second), and whatever walks the result afterwards may recurse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first place in a parsed body the API refuses whatever the route: a NUL character in a string or a key
 * (SQLite fails on it, other code truncates at it; no field of the model needs one), or a `__proto__` key (one
 * `Object.assign` away from changing an object's prototype). An explicit stack, not recursion.
 */
export function refusedValueAt(body: unknown): ValidationIssue | undefined {
  const stack: [unknown, string][] = [[body, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path: pointer || '/', message: '不能含有空字符（U+0000）' };
    } else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) {
        const at = `${pointer}/${pointerKey(key)}`;
        if (key.includes('\u0000')) return { path: at, message: '名称不能含有空字符（U+0000）' };
        if (key === '__proto__') return { path: at, message: '不能使用 __proto__ 作为名称' };
        stack.push([child, at]);
      }
  }
  return undefined;
}
