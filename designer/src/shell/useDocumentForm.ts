import type { Form } from '@formily/core';
import { createForm, onFormValuesChange } from '@formily/core';
import { toJS } from '@formily/reactive';
import { useEffect, useMemo, useRef, useState } from 'react';
import { showFindings } from '../schemaForm';
import type { Issue } from './FindingsPanel';

/**
 * The document as the model reads it: the form creates an empty object or list for every optional group it
 * shows and leaves cleared texts as ''; none of that is something the editor wrote. An empty list the loaded
 * document already had stays (a list the model requires).
 */
export function prune(value: unknown, original?: unknown): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => prune(v, Array.isArray(original) ? original[i] : undefined));
  if (value === null || typeof value !== 'object') return value;
  const before = (original && typeof original === 'object' ? original : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const clean = prune(child, before[key]);
    const empty =
      clean === undefined ||
      clean === null ||
      clean === '' ||
      (Array.isArray(clean) && clean.length === 0 && !Array.isArray(before[key])) ||
      (typeof clean === 'object' && !Array.isArray(clean) && Object.keys(clean).length === 0);
    if (!empty) out[key] = clean;
  }
  return out;
}

/** JSON with keys sorted: two documents with the same content compare equal whatever order the keys came in. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * A Formily form over one model document, checked by the model as the editor types (debounced), with the
 * findings shown beside their fields; `dirty` until `saved()` is called.
 */
export function useDocumentForm<T extends object>(
  initial: T,
  check: (doc: T) => Issue[],
  editable = true,
): {
  form: Form;
  dirty: boolean;
  issues: Issue[];
  values: () => T;
  saved: () => void;
  replace: (doc: T) => void;
} {
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Issue[]>(() => check(prune(initial, initial) as T));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const checkRef = useRef(check);
  const baseline = useRef(stableJson(prune(initial, initial)));
  checkRef.current = check;
  const form = useMemo(
    () =>
      createForm({
        values: structuredClone(initial),
        pattern: editable ? 'editable' : 'readOnly',
        effects() {
          onFormValuesChange((f) => {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              const doc = prune(toJS(f.values), initial) as T;
              // Dirty while the content differs from what was loaded or last saved, however it got there.
              setDirty(stableJson(doc) !== baseline.current);
              const next = checkRef.current(doc);
              setIssues(next);
              showFindings(f, next);
            }, 250);
          });
        },
      }),
    [initial, editable],
  );
  useEffect(() => {
    // The first findings are attached once the fields exist.
    baseline.current = stableJson(prune(initial, initial));
    const frame = requestAnimationFrame(() =>
      showFindings(form, checkRef.current(prune(toJS(form.values), initial) as T)),
    );
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer.current);
    };
  }, [form, initial]);
  return {
    form,
    dirty,
    issues,
    values: () => prune(toJS(form.values), initial) as T,
    saved: () => {
      baseline.current = stableJson(prune(toJS(form.values), initial));
      setDirty(false);
    },
    replace: (doc) => {
      baseline.current = stableJson(prune(doc, doc));
      form.setValues(structuredClone(doc), 'overwrite');
      setDirty(false);
    },
  };
}
