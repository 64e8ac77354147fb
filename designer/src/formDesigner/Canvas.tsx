import {
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  HolderOutlined,
  LinkOutlined,
} from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable } from '@dnd-kit/sortable';
import type { FormField, FormFields, ItemForm } from '@oneseal/schemas';
import { codeLabel, fieldTypeLabel } from '@oneseal/schemas';
import { FIELD_ICONS } from '@oneseal/runtime/web';
import { Button, Tag, Tooltip } from 'antd';
import type { KeyboardEvent, KeyboardEventHandler, PointerEventHandler } from 'react';
import { createContext, useContext } from 'react';
import type { DragData, DropTarget } from './dnd';
import { fieldId, zoneId } from './dnd';
import type { FieldPath } from './formTree';
import { childrenOf, isContainer, orderedEntries, samePath } from './formTree';

interface CanvasState {
  selected?: FieldPath;
  target?: DropTarget;
  /** Titles of the data elements, by code. */
  elementNames: Map<string, string>;
  onSelect: (path: FieldPath) => void;
  onRemove: (path: FieldPath) => void;
  onDuplicate: (path: FieldPath) => void;
}
const CanvasContext = createContext<CanvasState | undefined>(undefined);
const useCanvas = () => useContext(CanvasContext)!;

/** Cards do not shift while dragging: a line shows where the field will land. */
const stayInPlace = () => null;

function FieldList({
  container,
  fields,
  title,
}: {
  container: FieldPath;
  fields: FormFields;
  title: string;
}) {
  const { target } = useCanvas();
  const data: DragData = { kind: 'zone', path: container, title };
  const { setNodeRef } = useDroppable({ id: zoneId(container), data });
  const entries = orderedEntries(fields);
  const atEnd = target?.place === 'end' && samePath(target.container, container);
  return (
    <SortableContext
      id={zoneId(container)}
      items={entries.map(([key]) => fieldId([...container, key]))}
      strategy={stayInPlace}
    >
      <div
        ref={setNodeRef}
        className={`fd-zone${atEnd ? ' fd-zone-target' : ''}`}
        data-zone={container.join('/')}
      >
        {entries.map(([key, field]) => (
          <FieldCard key={key} path={[...container, key]} field={field} />
        ))}
        <div className="fd-zone-end" aria-hidden="true">
          {entries.length === 0 ? '将左侧控件拖到这里' : atEnd ? '放到这里' : ''}
        </div>
      </div>
    </SortableContext>
  );
}

function FieldCard({ path, field }: { path: FieldPath; field: FormField }) {
  const { selected, target, elementNames, onSelect, onRemove, onDuplicate } = useCanvas();
  const key = path[path.length - 1]!;
  const data: DragData = { kind: 'field', path, title: field.title };
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useSortable({
    id: fieldId(path),
    data,
    attributes: { roleDescription: '可拖动的字段' },
  });
  const component = field['x-component'];
  const isSelected = samePath(selected, path);
  const children = isContainer(field) ? childrenOf(field) : undefined;
  const indicator = target?.beside && samePath(target.beside, path) ? target.place : undefined;
  const element = field['x-data-element'];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Delete') {
      event.preventDefault();
      onRemove(path);
    }
  };
  const classes = [
    'fd-card',
    children ? `fd-container fd-container-${component}` : '',
    isSelected ? 'fd-selected' : '',
    isDragging ? 'fd-dragging' : '',
    indicator ? `fd-drop-${indicator}` : '',
  ];
  return (
    <div ref={setNodeRef} className={classes.filter(Boolean).join(' ')} data-path={path.join('/')}>
      <div
        className="fd-card-head"
        onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      >
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="fd-handle"
          {...attributes}
          onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
          aria-label={`拖动“${field.title}”（空格键拿起，方向键移动）`}
        >
          <HolderOutlined />
        </button>
        <button
          type="button"
          className="fd-card-main"
          aria-pressed={isSelected}
          onClick={() => onSelect(path)}
          onKeyDown={onKeyDown}
        >
          <span className="fd-card-title">
            <span className="fd-card-icon" aria-hidden="true">
              {FIELD_ICONS[component]}
            </span>
            {field.title}
            {field.required ? (
              <span className="fd-required" aria-label="必填">
                *
              </span>
            ) : null}
          </span>
          <span className="fd-card-meta">
            <span>{fieldTypeLabel(component)}</span>
            <code className="fd-key">{key}</code>
            {element ? (
              <Tag bordered={false} color="blue" icon={<LinkOutlined />}>
                {elementNames.get(element) ?? element}
              </Tag>
            ) : null}
            {field.format && !element ? (
              <Tag bordered={false}>{codeLabel('FieldFormat', field.format)}</Tag>
            ) : null}
            {field['x-visible-when'] ? (
              <Tag bordered={false} className="fd-tag-when" icon={<EyeInvisibleOutlined />}>
                按条件显示
              </Tag>
            ) : null}
          </span>
        </button>
        <span className="fd-card-actions">
          <Tooltip title="复制">
            <Button
              type="text"
              size="small"
              icon={<CopyOutlined />}
              aria-label={`复制“${field.title}”`}
              onClick={() => onDuplicate(path)}
            />
          </Tooltip>
          <Tooltip title="删除">
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除“${field.title}”`}
              onClick={() => onRemove(path)}
            />
          </Tooltip>
        </span>
      </div>
      {children ? (
        <div className="fd-container-body">
          {field['x-component'] === 'table' ? <p className="fd-hint">每行的列：</p> : null}
          <FieldList container={path} fields={children} title={field.title} />
        </div>
      ) : null}
    </div>
  );
}

export interface CanvasProps extends Omit<CanvasState, 'elementNames'> {
  form: ItemForm;
  elementNames: Map<string, string>;
  /** The field being dragged: its card stays, dimmed. */
  dragging?: FieldPath;
}

/** The form as editable cards: sections and steps hold their fields, a table holds its columns. */
export function Canvas({ form, dragging, ...state }: CanvasProps) {
  const formSelected = state.selected?.length === 0;
  return (
    <CanvasContext.Provider value={state}>
      <section className="fd-canvas" aria-label="表单画布">
        <button
          type="button"
          className={`fd-form-head${formSelected ? ' fd-selected' : ''}`}
          aria-pressed={formSelected}
          onClick={() => state.onSelect([])}
        >
          <span className="fd-form-title">{form.title || '（未命名申请表）'}</span>
          {form.description ? <span className="fd-hint">{form.description}</span> : null}
          <span className="fd-hint">点击设置表单标题和说明</span>
        </button>
        <div className={dragging ? 'fd-canvas-dragging' : undefined}>
          <FieldList container={[]} fields={form.properties} title="表单" />
        </div>
      </section>
    </CanvasContext.Provider>
  );
}
