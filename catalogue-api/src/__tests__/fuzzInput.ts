// Random bad input for the fuzz tests (errors.spec.ts, routeFuzz.spec.ts): a seeded PRNG, random strings and
// JSON, one-change mutations of valid documents, and the judge of an answer (no 5xx; every 4xx in the error shape).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What the judge reads of an answer (a supertest Response has it). */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  text: string;
}

/** mulberry32: a small deterministic PRNG, so a seed always sends the same requests. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof prng>;

const CHARS = [...'abcxyzAZ0189 -_./\\%?#&=+\'"<>{}[]:,阳朔镇办证😀\u0000\n\t'];
export const STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e400',
  '9'.repeat(30),
  'null',
  'true',
  'undefined',
  'toString',
  'valueOf',
  '__proto__',
  'constructor',
  '%',
  '_',
  "'",
  '"',
  '\\',
  "' OR 1=1 --",
  '阳朔镇',
  'zjd',
  '马上办',
  '自然人',
  '<script>',
  '\u0000',
  'a'.repeat(300),
];
const NUMBERS = [0, 1, -1, 1.5, 10, 11, 2 ** 53, -(2 ** 31), 1e308, -1e-308];
const KEYS = [
  'username',
  'password',
  'baseCode',
  'comment',
  'regionCode',
  'kind',
  'materials',
  '__proto__',
  'constructor',
  'x',
];

/** An own property even for "__proto__" (plain assignment would set the prototype instead). */
export function setKey(o: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function randomString(r: Rng): string {
  if (r.next() < 0.5) return r.pick(STRINGS);
  let s = '';
  for (let i = r.int(12); i > 0; i--) s += r.pick(CHARS);
  return s;
}

export function randomJson(r: Rng, depth = 0): Json {
  const kind = r.int(depth >= 3 ? 4 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick(NUMBERS);
    case 3:
      return randomString(r);
    case 4:
      return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, Json> = {};
      for (let i = r.int(5); i > 0; i--)
        setKey(o, r.next() < 0.6 ? r.pick(KEYS) : randomString(r), randomJson(r, depth + 1));
      return o;
    }
  }
}

/** The body as JSON text; `__proto__` keys are kept as real keys (JSON.stringify of a literal would drop them). */
export function jsonText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A container up to `levels` - 1 levels down from `root`, chosen at random, and its JSON pointer. */
export function descend(r: Rng, root: Json, levels: number): { node: Json; at: string } {
  let node = root;
  let at = '';
  for (let depth = r.int(levels); depth > 0; depth--) {
    const children: [string, Json][] = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : node !== null && typeof node === 'object'
        ? Object.entries(node)
        : [];
    const containers = children.filter(([, c]) => c !== null && typeof c === 'object');
    if (containers.length === 0) break;
    const [key, child] = r.pick(containers);
    at += `/${key}`;
    node = child;
  }
  return { node, at };
}

/**
 * A copy of `doc` with one random change somewhere inside (a replaced value, a removed or an added key or
 * element), and that change described by its JSON pointer for the failure report.
 */
export function mutate(r: Rng, doc: Json): { body: Json; change: string } {
  const copy = structuredClone(doc);
  const { node, at } = descend(r, copy, 4);
  const value = randomJson(r, 1);
  const shown = jsonText(value).slice(0, 120);
  if (Array.isArray(node)) {
    if (node.length > 0 && r.next() < 0.5) {
      const i = r.int(node.length);
      node[i] = value;
      return { body: copy, change: `replace ${at}/${i} = ${shown}` };
    }
    node.push(value);
    return { body: copy, change: `append ${at}/- = ${shown}` };
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    const choice = r.int(3);
    if (choice === 0 && keys.length > 0) {
      const key = r.pick(keys);
      delete node[key];
      return { body: copy, change: `remove ${at}/${key}` };
    }
    const key = choice === 1 && keys.length > 0 ? r.pick(keys) : randomString(r) || 'k';
    setKey(node, key, value);
    return { body: copy, change: `set ${at}/${JSON.stringify(key)} = ${shown}` };
  }
  return { body: copy, change: 'none' };
}

export interface Outcome {
  request: string;
  status: number;
  problem: string;
}

/** A 5xx, or an error answer not in the error shape: `{ error: { code, message, details: [{ path, message }] } }`. */
export function judge(request: string, res: Answer): Outcome | undefined {
  if (res.status >= 500) return { request, status: res.status, problem: JSON.stringify(res.body) };
  if (res.status >= 400) {
    const error = (
      res.body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined
    )?.error;
    const ok =
      /^application\/json/.test(String(res.headers['content-type'])) &&
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      error.message.length > 0 &&
      Array.isArray(error.details) &&
      error.details.every(
        (d: { path?: unknown; message?: unknown }) =>
          typeof d.path === 'string' && typeof d.message === 'string',
      );
    if (!ok)
      return { request, status: res.status, problem: `not the error shape: ${res.text.slice(0, 300)}` };
  }
  return undefined;
}
