import './formDesigner.css';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import { FIELD_ICONS } from '@oneseal/runtime/web';
import type { DataElement, FieldComponent, ItemForm } from '@oneseal/schemas';
import { fieldTypeLabel } from '@oneseal/schemas';
import { App, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from './Canvas';
import type { DragData, DropTarget } from './dnd';
import { announcements, innermost, screenReaderInstructions } from './dnd';
import { createField } from './fields';
import { countFields, formIssues, pathOfPointer } from './formIssues';
import type { FieldPath } from './formTree';
import {
  addField,
  duplicateField,
  getField,
  isContainer,
  isWithin,
  moveField,
  placementProblem,
  removeField,
} from './formTree';
import { JsonView } from './JsonView';
import { Palette } from './palette';
import type { Edit } from './PropertyPanel';
import { PropertyPanel } from './PropertyPanel';
import { Preview } from './Preview';
import type { View } from './Toolbar';
import { Toolbar } from './Toolbar';
import { indexOf, useCanvasDrag } from './useCanvasDrag';
import { useHistory, useStableValue, useUndoKeys } from './useHistory';

export interface FormDesignerProps {
  value: ItemForm;
  onChange: (form: ItemForm) => void;
  dataElements: DataElement[];
}

/** Where a clicked palette entry goes: into the selected container, after the selected field, or at the end. */
function clickTarget(form: ItemForm, selected: FieldPath | undefined, component: FieldComponent): DropTarget {
  const field = selected && selected.length > 0 ? getField(form, selected) : undefined;
  const candidate: DropTarget | undefined = !field
    ? undefined
    : isContainer(field)
      ? { container: selected!, place: 'end' }
      : { container: selected!.slice(0, -1), beside: selected, place: 'after' };
  if (candidate && !placementProblem(form, candidate.container, createField(component))) return candidate;
  return { container: [], place: 'end' };
}

/** A path once the field at `from` went to `to` (a selection inside a moved container follows it). */
function follow(path: FieldPath | undefined, from: FieldPath, to: FieldPath): FieldPath | undefined {
  if (!path || !isWithin(path, from)) return path;
  return [...to, ...path.slice(from.length)];
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setMatches(list.matches);
    list.addEventListener('change', changed);
    changed();
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}

/** What is being dragged, as it follows the pointer. */
function Overlay({ form, dragging }: { form: ItemForm; dragging?: DragData }) {
  if (!dragging || dragging.kind === 'zone') return null;
  const component =
    dragging.kind === 'palette'
      ? dragging.component
      : (getField(form, dragging.path)?.['x-component'] ?? 'text');
  return (
    <div className="fd-overlay">
      <span aria-hidden="true">{FIELD_ICONS[component]}</span>
      {dragging.kind === 'palette' ? fieldTypeLabel(dragging.component) : dragging.title}
    </div>
  );
}

/**
 * Properties and preview: side by side on a wide screen, one column with a switch on a narrower one (where choosing
 * a field on the canvas brings its properties back).
 */
function SidePanels({
  wide,
  selected,
  props,
  preview,
}: {
  wide: boolean;
  selected?: FieldPath;
  props: ReactNode;
  preview: ReactNode;
}) {
  const [side, setSide] = useState<'props' | 'preview'>('props');
  const chosen = selected?.join('/');
  useEffect(() => setSide('props'), [chosen]);
  if (wide)
    return (
      <>
        {props}
        {preview}
      </>
    );
  return (
    <div className="fd-side">
      <Segmented
        block
        value={side}
        onChange={(v) => setSide(v as 'props' | 'preview')}
        options={[
          { value: 'props', label: '字段属性' },
          { value: 'preview', label: '实时预览' },
        ]}
        aria-label="右侧面板"
      />
      <div hidden={side !== 'props'}>{props}</div>
      <div hidden={side !== 'preview'}>{preview}</div>
    </div>
  );
}

/**
 * The form designer of a base item's 申请表 tab: a palette of every control, a canvas to drop them on and arrange
 * them (mouse or keyboard), the selected field's properties, an editable JSON view checked against the model, and
 * a live preview with the portal's renderer. Undo and redo cover every change.
 */
export function FormDesigner({ value: given, onChange, dataElements }: FormDesignerProps) {
  const value = useStableValue(given);
  const { message } = App.useApp();
  const history = useHistory(value, onChange);
  const [selected, setSelected] = useState<FieldPath>();
  const [view, setView] = useState<View>('design');
  const root = useRef<HTMLDivElement>(null);
  const wide = useMediaQuery('(min-width: 1500px)');
  const issues = useMemo(() => formIssues(value), [value]);
  const elementNames = useMemo(() => new Map(dataElements.map((e) => [e.code, e.name])), [dataElements]);

  const edit: Edit = useCallback(
    (next, options) => {
      history.change(next, options?.group);
      if (options?.select) setSelected(options.select);
    },
    [history],
  );

  const drag = useCanvasDrag(value, {
    add: (container, component, index) => {
      const added = addField(value, container, component, index);
      edit(added.form, { select: added.path });
    },
    move: (from, container, index) => {
      const moved = moveField(value, from, container, index);
      if (moved.form === value) return;
      history.change(moved.form);
      setSelected((s) => follow(s, from, moved.path));
    },
    refuse: (problem) => message.warning(problem),
  });
  useUndoKeys(root, history, drag.dragging !== undefined);

  const addFromPalette = (component: FieldComponent) => {
    const t = clickTarget(value, selected, component);
    const added = addField(value, t.container, component, indexOf(value, t));
    edit(added.form, { select: added.path });
  };

  const remove = (path: FieldPath) => {
    history.change(removeField(value, path));
    if (selected && isWithin(selected, path)) setSelected(undefined);
    message.info({
      content: `已删除“${getField(value, path)?.title ?? ''}”，可按 Ctrl+Z 撤销`,
      key: 'fd-removed',
    });
  };

  const pick = (pointer: string) => {
    const path = pathOfPointer(pointer);
    setView('design');
    setSelected(path && getField(value, path) ? path : []);
  };

  return (
    <div className="fd-root" ref={root}>
      <Toolbar
        history={history}
        view={view}
        onView={setView}
        count={countFields(value.properties)}
        issues={issues}
        onPick={pick}
      />
      {view === 'json' ? (
        <div className="fd-body fd-body-json">
          <JsonView value={value} onApply={(form) => history.change(form)} onPick={pick} />
          <Preview value={value} />
        </div>
      ) : (
        <DndContext
          sensors={drag.sensors}
          collisionDetection={innermost}
          onDragStart={drag.onDragStart}
          onDragMove={drag.onDragMove}
          onDragEnd={drag.onDragEnd}
          onDragCancel={drag.onDragCancel}
          accessibility={{ announcements, screenReaderInstructions }}
          // Scroll only when the pointer is right at the window's edge: a drop low on the screen stays put.
          autoScroll={{ threshold: { x: 0, y: 0.08 } }}
        >
          <div className={wide ? 'fd-body' : 'fd-body fd-body-narrow'}>
            <Palette onAdd={addFromPalette} />
            <Canvas
              form={value}
              selected={selected}
              target={drag.target}
              dragging={drag.dragging?.kind === 'field' ? drag.dragging.path : undefined}
              elementNames={elementNames}
              onSelect={setSelected}
              onRemove={remove}
              onDuplicate={(path) => {
                const copy = duplicateField(value, path);
                edit(copy.form, { select: copy.path });
              }}
            />
            <SidePanels
              wide={wide}
              selected={selected}
              props={<PropertyPanel form={value} path={selected} dataElements={dataElements} onEdit={edit} />}
              preview={<Preview value={value} />}
            />
          </div>
          <DragOverlay dropAnimation={null}>
            <Overlay form={value} dragging={drag.dragging} />
          </DragOverlay>
        </DndContext>
      )}
    </div>
  );
}
