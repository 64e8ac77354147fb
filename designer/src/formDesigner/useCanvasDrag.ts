import type { DragEndEvent, DragMoveEvent, DragStartEvent } from '@dnd-kit/core';
import { KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { FieldComponent, ItemForm } from '@oneseal/schemas';
import { useState } from 'react';
import type { DragData, DropTarget } from './dnd';
import { keyboardCoordinates, targetOf } from './dnd';
import { createField } from './fields';
import type { FieldPath } from './formTree';
import { fieldsAt, getField, isWithin, orderedEntries, placementProblem, samePath } from './formTree';

/** The index in `target.container` a drop stands for, counted before the move. */
export function indexOf(form: ItemForm, target: DropTarget): number {
  const entries = orderedEntries(fieldsAt(form, target.container) ?? {});
  if (!target.beside) return entries.length;
  const key = target.beside[target.beside.length - 1];
  const at = entries.findIndex(([k]) => k === key);
  return at < 0 ? entries.length : at + (target.place === 'after' ? 1 : 0);
}

const sameTarget = (a: DropTarget | undefined, b: DropTarget | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.place === b.place &&
    samePath(a.container, b.container) &&
    (a.beside === b.beside || samePath(a.beside, b.beside)));

export interface CanvasDragActions {
  add: (container: FieldPath, component: FieldComponent, index: number) => void;
  move: (from: FieldPath, container: FieldPath, index: number) => void;
  /** Why a drop was refused (a step into a section, a section into a table). */
  refuse: (problem: string) => void;
}

/**
 * The canvas's drag and drop: sensors (a pointer that moves 4px, or the keyboard), what is being dragged, where it
 * would land (for the drop line), and what a drop does.
 */
export function useCanvasDrag(form: ItemForm, actions: CanvasDragActions) {
  const [dragging, setDragging] = useState<DragData>();
  const [target, setTarget] = useState<DropTarget>();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const fieldOf = (data: DragData) =>
    data.kind === 'palette'
      ? createField(data.component)
      : data.kind === 'field'
        ? getField(form, data.path)
        : undefined;

  /** The target if the dragged thing may land there. */
  const allowed = (t: DropTarget | undefined, data: DragData): DropTarget | undefined => {
    const field = fieldOf(data);
    if (!t || !field || placementProblem(form, t.container, field)) return undefined;
    if (data.kind === 'field' && isWithin(t.container, data.path)) return undefined;
    return t;
  };

  const stop = () => {
    setDragging(undefined);
    setTarget(undefined);
  };

  return {
    sensors,
    dragging,
    target,
    onDragStart: ({ active }: DragStartEvent) => {
      setDragging(active.data.current as DragData);
      setTarget(undefined);
    },
    onDragMove: ({ collisions, active }: DragMoveEvent) => {
      const next = allowed(targetOf(collisions?.[0]), active.data.current as DragData);
      setTarget((current) => (sameTarget(current, next) ? current : next));
    },
    onDragEnd: ({ collisions, active }: DragEndEvent) => {
      const data = active.data.current as DragData;
      const raw = targetOf(collisions?.[0]);
      const drop = allowed(raw, data);
      stop();
      if (!drop) {
        const field = fieldOf(data);
        const problem = raw && field ? placementProblem(form, raw.container, field) : undefined;
        if (problem) actions.refuse(problem);
        return;
      }
      const index = indexOf(form, drop);
      if (data.kind === 'palette') actions.add(drop.container, data.component, index);
      else if (data.kind === 'field') actions.move(data.path, drop.container, index);
    },
    onDragCancel: stop,
  };
}
