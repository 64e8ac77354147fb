import type { RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Typing in one box within this time makes one step of history, not one per character. */
const COALESCE_MS = 1200;
const LIMIT = 200;

/** Compared by content: the host may give back an equal copy of what was emitted. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

interface Stacks<T> {
  past: T[];
  future: T[];
}

export interface History<T> {
  /** Records `next` as a new state; edits with the same `group` in quick succession are one step. */
  change: (next: T, group?: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The value with the identity it had while its content stayed the same. Hosts may hand over a fresh copy on every
 * render (a Formily form's `toJS(values)`); the designer's memos and history need to see real changes only.
 */
export function useStableValue<T>(value: T): T {
  const kept = useRef<{ value: T; json: string }>();
  const json = JSON.stringify(value);
  if (!kept.current || kept.current.json !== json) kept.current = { value, json };
  return kept.current.value;
}

/**
 * Undo and redo over a value the host keeps (controlled): the hook holds the states before and after it. A value
 * that arrives from outside (another item loaded, the saved version) starts a fresh history.
 */
export function useHistory<T>(value: T, onChange: (value: T) => void): History<T> {
  const [stacks, setStacks] = useState<Stacks<T>>({ past: [], future: [] });
  const emitted = useRef<T>(value);
  const last = useRef<{ group?: string; at: number }>({ at: 0 });

  useEffect(() => {
    if (!same(value, emitted.current)) {
      emitted.current = value;
      last.current = { at: 0 };
      setStacks({ past: [], future: [] });
    }
  }, [value]);

  const emit = useCallback(
    (next: T) => {
      emitted.current = next;
      onChange(next);
    },
    [onChange],
  );

  const change = useCallback(
    (next: T, group?: string) => {
      if (same(next, emitted.current)) return;
      const now = Date.now();
      const merge =
        group !== undefined && last.current.group === group && now - last.current.at < COALESCE_MS;
      last.current = { group, at: now };
      const current = emitted.current;
      setStacks((s) => ({ past: merge ? s.past : [...s.past, current].slice(-LIMIT), future: [] }));
      emit(next);
    },
    [emit],
  );

  const undo = useCallback(() => {
    const previous = stacks.past[stacks.past.length - 1];
    if (previous === undefined) return;
    last.current = { at: 0 };
    setStacks({ past: stacks.past.slice(0, -1), future: [emitted.current, ...stacks.future] });
    emit(previous);
  }, [stacks, emit]);

  const redo = useCallback(() => {
    const next = stacks.future[0];
    if (next === undefined) return;
    last.current = { at: 0 };
    setStacks({ past: [...stacks.past, emitted.current], future: stacks.future.slice(1) });
    emit(next);
  }, [stacks, emit]);

  return { change, undo, redo, canUndo: stacks.past.length > 0, canRedo: stacks.future.length > 0 };
}

/** Is the key press meant for a box with its own text undo (the JSON text, the preview's answers)? */
const ownUndo = (target: EventTarget | null) =>
  target instanceof Element && target.closest('.fd-json, .fd-preview') !== null;

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, wherever the focus is inside `root` or around it. */
export function useUndoKeys(
  root: RefObject<HTMLElement>,
  history: Pick<History<unknown>, 'undo' | 'redo'>,
  paused: boolean,
) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || paused) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      // Focus in the designer, or on something that holds it (the page, the tab pane), not in other editors.
      const target = event.target as Node;
      const inside = !!root.current && (root.current.contains(target) || target.contains(root.current));
      if (!inside || ownUndo(event.target)) return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) history.redo();
      else history.undo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [root, history, paused]);
}
