// Validators compiled on the server and run in the browser without eval: ajv's standalone code, wrapped as an ES
// module the page imports from its own origin (CSP `script-src 'self'`, no 'unsafe-eval').
import type { ValidateFunction } from 'ajv/dist/2020';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import standaloneCode from 'ajv/dist/standalone';
import { AJV_FORMATS, createAjv, STANDALONE_FORMATS_MODULE } from './ajv';

type Schema = Record<string, unknown>;

/** A compiled check from such a module: a validate function (its errors in `errors`, as ajv's). */
export type CompiledCheck = Pick<ValidateFunction, 'errors'> & ((data: unknown) => boolean);

// What standalone code may `require`: ajv's run-time helpers (lengths counted in code points, deep equality) and
// the formats. The module gets them from the page instead of importing them, so it is self-contained.
const MODULES: Record<string, unknown> = {
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/equal': { default: equal },
  [STANDALONE_FORMATS_MODULE]: AJV_FORMATS,
};

const EXPORT = 'export default function checks';

function requireForChecks(name: string): unknown {
  const found = MODULES[name];
  if (!found) throw new Error(`validator code needs ${name}, which the page does not provide`);
  return found;
}

/**
 * The source of an ES module holding one compiled validator per schema, by the key given: its default export,
 * called with nothing, answers `[key, validate][]` (see `loadChecks`). Server side: compiling is the costly part.
 */
export function checksModule(schemas: ReadonlyMap<string, Schema>): string {
  const ajv = createAjv({ standalone: true });
  const names: Record<string, string> = {};
  const keys: string[] = [];
  for (const [key, schema] of schemas) {
    const name = `c${keys.length}`;
    ajv.addSchema(schema, name);
    names[name] = name;
    keys.push(key);
  }
  const code = keys.length > 0 ? standaloneCode(ajv, names) : '"use strict";';
  const pairs = keys.map((key, i) => `[${JSON.stringify(key)}, exports.c${i}]`).join(',\n');
  return [
    '// OneSeal form checks: ajv standalone code, generated on the server.',
    `${EXPORT}(require, exports) {`,
    code,
    `return [${pairs}];`,
    '}',
    '',
  ].join('\n');
}

/** The checks of a module `checksModule` wrote (its default export), ready for a form's fields by key. */
export function loadChecks(
  moduleDefault: (require: (name: string) => unknown, exports: object) => [string, CompiledCheck][],
): Map<string, CompiledCheck> {
  return new Map(moduleDefault(requireForChecks, {}));
}

/** The checks of a module's text, evaluated where eval is allowed (tests, benchmarks): what a page gets by importing it. */
export function evaluateChecks(source: string): Map<string, CompiledCheck> {
  return loadChecks(new Function(source.replace(EXPORT, 'return function checks'))());
}
