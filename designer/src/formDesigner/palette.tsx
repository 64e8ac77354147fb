import { useDraggable } from '@dnd-kit/core';
import { FIELD_ICONS } from '@oneseal/runtime/web';
import type { FieldComponent, PaletteGroup } from '@oneseal/schemas';
import { FIELD_TYPE_CODES, FIELD_TYPES, fieldTypeLabel, PALETTE_GROUPS } from '@oneseal/schemas';
import type { PointerEventHandler } from 'react';
import type { DragData } from './dnd';
import { paletteId } from './dnd';

/** The registry's groups, each with its field types in the registry's order. */
const GROUPS = (Object.keys(PALETTE_GROUPS) as PaletteGroup[]).map((group) => ({
  title: PALETTE_GROUPS[group],
  components: FIELD_TYPE_CODES.filter((c) => FIELD_TYPES[c].palette.group === group),
}));

function PaletteItem({
  component,
  label,
  onAdd,
}: {
  component: FieldComponent;
  label: string;
  onAdd: () => void;
}) {
  const data: DragData = { kind: 'palette', component, title: label };
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: paletteId(component), data });
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`fd-palette-item${isDragging ? ' fd-dragging' : ''}`}
        // The mouse drags; Enter and Space add the control where the selection is (the keyboard's way in).
        onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
        onClick={onAdd}
        title={`拖到画布，或点击添加“${label}”`}
        data-component={component}
      >
        <span className="fd-palette-icon" aria-hidden="true">
          {FIELD_ICONS[component]}
        </span>
        {label}
      </button>
    </li>
  );
}

/** Every field type of the registry, named from its code list: drag one onto the canvas, or click to add it. */
export function Palette({ onAdd }: { onAdd: (component: FieldComponent) => void }) {
  return (
    <nav className="fd-palette" aria-label="控件">
      {GROUPS.map((group) => (
        <section key={group.title}>
          <h2 className="fd-panel-title">{group.title}</h2>
          <ul>
            {group.components.map((component) => (
              <PaletteItem
                key={component}
                component={component}
                label={fieldTypeLabel(component)}
                onAdd={() => onAdd(component)}
              />
            ))}
          </ul>
        </section>
      ))}
      <p className="fd-hint">拖到画布上放置；也可以点击，添加到选中字段之后或选中的分组里。</p>
    </nav>
  );
}
