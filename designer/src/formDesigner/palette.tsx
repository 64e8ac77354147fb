import {
  AlignLeftOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  DownSquareOutlined,
  EnvironmentOutlined,
  FontSizeOutlined,
  GroupOutlined,
  HomeOutlined,
  IdcardOutlined,
  MobileOutlined,
  NumberOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import type { FieldComponent } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';
import type { PointerEventHandler, ReactNode } from 'react';
import type { DragData } from './dnd';
import { paletteId } from './dnd';

export const COMPONENT_ICONS: Record<FieldComponent, ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <AlignLeftOutlined />,
  number: <NumberOutlined />,
  select: <DownSquareOutlined />,
  radio: <CheckCircleOutlined />,
  checkbox: <CheckSquareOutlined />,
  date: <CalendarOutlined />,
  'id-card': <IdcardOutlined />,
  mobile: <MobileOutlined />,
  uscc: <BankOutlined />,
  region: <EnvironmentOutlined />,
  address: <HomeOutlined />,
  upload: <PaperClipOutlined />,
  table: <TableOutlined />,
  section: <GroupOutlined />,
  step: <OrderedListOutlined />,
};

const LAYOUT: readonly FieldComponent[] = ['section', 'step', 'table'];
const GROUPS: { title: string; components: FieldComponent[] }[] = [
  {
    title: '基础控件',
    components: codeOptions('FieldComponent')
      .map((o) => o.value)
      .filter((c) => !LAYOUT.includes(c)),
  },
  { title: '布局与表格', components: [...LAYOUT] },
];

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
          {COMPONENT_ICONS[component]}
        </span>
        {label}
      </button>
    </li>
  );
}

/** Every FieldComponent of the model, named from its code list: drag one onto the canvas, or click to add it. */
export function Palette({ onAdd }: { onAdd: (component: FieldComponent) => void }) {
  const labels = new Map(codeOptions('FieldComponent').map((o) => [o.value, o.label]));
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
                label={labels.get(component) ?? component}
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
