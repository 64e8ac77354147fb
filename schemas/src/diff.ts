import type { FieldChange } from './generated/types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const at = `${path}/${escape(key)}`;
      if (!(key in after)) out.push({ path: at, op: 'removed', before: before[key] });
      else if (!(key in before)) out.push({ path: at, op: 'added', after: after[key] });
      else walk(before[key], after[key], at, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    // Lists in the model are small and ordered (steps, materials): compare position by position.
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const at = `${path}/${i}`;
      if (i >= after.length) out.push({ path: at, op: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: at, op: 'added', after: after[i] });
      else walk(before[i], after[i], at, out);
    }
    return;
  }
  if (before !== after) out.push({ path: path || '/', op: 'changed', before, after });
}

/** The field-level differences between two versions of a document, in path order. */
export function diffDocuments(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', out);
  return out;
}
