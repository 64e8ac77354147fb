import type { AjvOptions } from '@oneseal/schemas';
import { patternSize } from '@oneseal/schemas';
import { TEXT_CEILING } from '@oneseal/runtime';

/** The part of re2-wasm's RE2 used here; `wrapper` is the WebAssembly object whose memory must be freed. */
interface Re2 {
  test(input: string): boolean;
  wrapper: { delete(): void };
}
type Re2Class = new (source: string, flags: string) => Re2;

// re2-wasm runs in one WebAssembly heap of a fixed 16 MB that it never grows and never frees by itself: every
// RE2 left undeleted stays there until the heap is full, and then every call aborts. So instances are deleted
// when done with, at most POOL_SIZE stay compiled for reuse, and an aborted module is loaded afresh.
const POOL_SIZE = 64;

let RE2: Re2Class | undefined;
const pool = new Map<string, Re2>();

function loadRe2(): Re2Class {
  // A fresh module is a fresh heap: drop the cached one (and its compiled patterns) before requiring it again.
  for (const id of Object.keys(require.cache)) if (id.includes('/re2-wasm/')) delete require.cache[id];
  pool.clear();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('re2-wasm') as { RE2: Re2Class }).RE2;
}

/** WebAssembly.RuntimeError: how the module reports an abort (its heap is full). */
const aborted = (error: unknown) => error instanceof Error && error.name === 'RuntimeError';

/** Runs `use` with RE2 loaded; once more on a fresh module if the WebAssembly heap aborted. */
function withRe2<T>(use: (re2: Re2Class) => T): T {
  RE2 ??= loadRe2();
  try {
    return use(RE2);
  } catch (error) {
    if (!aborted(error)) throw error;
    console.warn('re2-wasm aborted (heap exhausted); loading it afresh');
    RE2 = loadRe2();
    return use(RE2);
  }
}

/**
 * The most atoms a pattern may stand for with its counted repetitions written out (`patternSize`). RE2's time is
 * linear in the input but also proportional to this: measured here, a pattern of size 100 takes up to ~200 ms on a
 * first 2,000-character answer, one of size 1,000 (`^(.{1,100}){1,10}$`) 10 s on 300 characters.
 */
export const PATTERN_SIZE_LIMIT = 100;

export interface Re2Problem {
  reason: 'too-large' | 'unsupported';
  detail: string;
}

/**
 * Why the server cannot run this pattern in bounded time: RE2 refuses it (a syntax error, a lookahead, a
 * backreference), or it is too large (PATTERN_SIZE_LIMIT). Undefined when it can.
 */
export function re2Problem(source: string): Re2Problem | undefined {
  try {
    // A pattern that is not even JavaScript is not measured; RE2 names its syntax error below.
    new RegExp(source, 'u');
    const size = patternSize(source);
    if (size > PATTERN_SIZE_LIMIT)
      return { reason: 'too-large', detail: `${size} atoms once repeated, at most ${PATTERN_SIZE_LIMIT}` };
  } catch {
    // RE2 reports it.
  }
  try {
    withRe2((Re2) => new Re2(source, 'u').wrapper.delete());
    return undefined;
  } catch (error) {
    return { reason: 'unsupported', detail: error instanceof Error ? error.message : String(error) };
  }
}

function compiled(source: string): Re2 {
  let re = pool.get(source);
  if (re) {
    // Most recently used last: the first one is the next to go.
    pool.delete(source);
    pool.set(source, re);
    return re;
  }
  re = withRe2((Re2) => new Re2(source, 'u'));
  if (pool.size >= POOL_SIZE) {
    const [oldest, old] = pool.entries().next().value as [string, Re2];
    pool.delete(oldest);
    old.wrapper.delete();
  }
  pool.set(source, re);
  return re;
}

function matches(source: string, input: string): boolean {
  // No text answer may be longer (its maxLength refuses it anyway): matching it would cost time for nothing.
  if (input.length > TEXT_CEILING) return false;
  try {
    return compiled(source).test(input);
  } catch (error) {
    if (!aborted(error)) throw error;
    // The heap aborted while matching: the pool is gone with it; compile the pattern again in a fresh module.
    console.warn('re2-wasm aborted while matching; loading it afresh');
    RE2 = loadRe2();
    return compiled(source).test(input);
  }
}

/**
 * ajv's `code.regExp` engine for the server: patterns run on RE2, in time linear in the input whatever the pattern
 * (`^(a+)+$` on 50,000 × "a" + "!" answers at once instead of hanging the process). ajv calls it at compile time:
 * a pattern RE2 cannot run throws there, so callers check patterns with `re2Problem` first.
 */
export const linearRegExp: NonNullable<AjvOptions['regExp']> = Object.assign(
  (source: string) => {
    const problem = re2Problem(source);
    if (problem) throw new SyntaxError(`${source}: ${problem.detail}`);
    // ajv shares one compiled pattern per `toString()`: it must name the pattern, as a RegExp's does.
    return { test: (input: string) => matches(source, input), toString: () => `/${source}/u` };
  },
  { code: 'linearRegExp' },
);
