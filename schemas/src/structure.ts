import type { ValidationIssue } from './generated/types';
import type { Locale } from './messages';

/** Fields nest at most this deep in a form: a section, an object and a table's row each add a level. */
export const MAX_FORM_DEPTH = 16;

/**
 * Objects and arrays nest at most this deep in any document. A real one stays far below (a base item whose form
 * is at its limit nests about 40 levels); the recursive checks that follow (the schema validator, conditions)
 * would overflow the stack on a document thousands of levels deep.
 */
export const MAX_DOCUMENT_DEPTH = 64;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of a value nested deeper than `max` levels of objects and arrays (the document itself is
 * level 1), or undefined. An explicit stack, not recursion: this runs on input nothing has checked yet.
 */
export function tooDeepAt(value: unknown, max: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, '', 1]];
  while (stack.length > 0) {
    const [node, pointer, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return pointer;
    for (const [key, child] of Object.entries(node))
      stack.push([child, `${pointer}/${pointerKey(key)}`, depth + 1]);
  }
  return undefined;
}

/**
 * The JSON pointer of a form field nested deeper than MAX_FORM_DEPTH, or undefined. The form has not been
 * validated yet (its depth is checked first, so the validator never recurses that deep): anything may be anywhere.
 */
export function formTooDeepAt(form: unknown, pointer: string): string | undefined {
  const children = (fields: unknown, at: string, depth: number): [unknown, string, number][] =>
    isObject(fields)
      ? Object.entries(fields).map(([key, field]) => [field, `${at}/properties/${pointerKey(key)}`, depth])
      : [];
  const stack = isObject(form) ? children(form.properties, pointer, 1) : [];
  while (stack.length > 0) {
    const [field, at, depth] = stack.pop()!;
    if (!isObject(field)) continue;
    if (depth > MAX_FORM_DEPTH) return at;
    stack.push(...children(field.properties, at, depth + 1));
    if (field.items !== undefined) stack.push([field.items, `${at}/items`, depth + 1]);
  }
  return undefined;
}

/** Documents nested beyond the limits, as issues; checked before anything walks the document recursively. */
export function structureIssues(doc: unknown, locale: Locale): ValidationIssue[] {
  const en = locale === 'en';
  const deep = tooDeepAt(doc, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined)
    return [
      {
        path: deep,
        message: en ? `nests deeper than ${MAX_DOCUMENT_DEPTH} levels` : `嵌套超过 ${MAX_DOCUMENT_DEPTH} 层`,
      },
    ];
  const deepField = isObject(doc) ? formTooDeepAt(doc.form, '/form') : undefined;
  if (deepField !== undefined)
    return [
      {
        path: deepField,
        message: en
          ? `the form nests fields deeper than ${MAX_FORM_DEPTH} levels`
          : `表单字段嵌套超过 ${MAX_FORM_DEPTH} 层`,
      },
    ];
  return [];
}
