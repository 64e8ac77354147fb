// How a drag on the canvas finds where it lands. The canvas nests (sections hold fields, steps hold sections), so
// the target under the pointer is the innermost drop area that contains it: a field card (land before or after it)
// or a container's list (land at its end). The keyboard steps through the same places in reading order.
import type {
  Announcements,
  ClientRect,
  Collision,
  CollisionDetection,
  DroppableContainer,
  KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { FieldComponent } from '@oneseal/schemas';
import type { FieldPath } from './formTree';
import { isWithin, samePath } from './formTree';

/** What each draggable and droppable stands for. */
export type DragData =
  | { kind: 'field'; path: FieldPath; title: string }
  | { kind: 'zone'; path: FieldPath; title: string }
  | { kind: 'palette'; component: FieldComponent; title: string };

export const fieldId = (path: FieldPath) => `field:${path.join('/')}`;
export const zoneId = (path: FieldPath) => `zone:${path.join('/')}`;
export const paletteId = (component: FieldComponent) => `palette:${component}`;

/** Where a drop puts a field: before or after a card, or at the end of a container. */
export type Place = 'before' | 'after' | 'end';

export interface DropTarget {
  /** The container the field goes into. */
  container: FieldPath;
  /** The card it lands beside (undefined at the end of a container). */
  beside?: FieldPath;
  place: Place;
}

const dataOf = (container: DroppableContainer) => container.data.current as DragData | undefined;

const contains = (rect: ClientRect, x: number, y: number) =>
  x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/** The point that decides the target: the pointer, or for the keyboard the top left of the dragged card. */
function probeOf(args: Parameters<CollisionDetection>[0]): { x: number; y: number } | undefined {
  if (args.pointerCoordinates) return args.pointerCoordinates;
  const rect = args.collisionRect;
  return rect ? { x: rect.left + 2, y: rect.top + 2 } : undefined;
}

/** Where useSortable says a card sits: its list and its index there. */
interface SortablePlace {
  containerId: unknown;
  index: number;
  items: unknown[];
}
function sortableOf(data: unknown): SortablePlace | undefined {
  return (data as { sortable?: SortablePlace } | undefined)?.sortable;
}

/** The path of the field being dragged, if a field (a palette entry has none). */
const draggedPath = (active: { data: { current?: unknown } }) => {
  const data = active.data.current as DragData | undefined;
  return data?.kind === 'field' ? data.path : undefined;
};

/** Whether dropping onto `data` would put the dragged field inside itself. */
function insideDragged(data: DragData | undefined, dragged: FieldPath | undefined): boolean {
  if (!data || !dragged || data.kind === 'palette') return false;
  if (data.kind === 'zone') return isWithin(data.path, dragged);
  return data.path.length > dragged.length && isWithin(data.path, dragged);
}

/** The innermost drop area under the probe; its collision data says before, after or at the end. */
export const innermost: CollisionDetection = (args) => {
  const probe = probeOf(args);
  if (!probe) return [];
  const dragged = draggedPath(args.active);
  let best: { container: DroppableContainer; rect: ClientRect; area: number } | undefined;
  for (const container of args.droppableContainers) {
    const rect = args.droppableRects.get(container.id);
    const data = dataOf(container);
    if (!rect || container.disabled || !contains(rect, probe.x, probe.y) || insideDragged(data, dragged))
      continue;
    const area = rect.width * rect.height;
    if (!best || area < best.area) best = { container, rect, area };
  }
  if (!best) return [];
  const data = dataOf(best.container);
  const place: Place =
    data?.kind === 'zone' ? 'end' : probe.y < best.rect.top + best.rect.height / 2 ? 'before' : 'after';
  const collision: Collision = { id: best.container.id, data: { droppableContainer: best.container, place } };
  return [collision];
};

/** The drop target a collision from `innermost` stands for. */
export function targetOf(collision: Collision | undefined): DropTarget | undefined {
  const container = collision?.data?.droppableContainer as DroppableContainer | undefined;
  const data = container ? dataOf(container) : undefined;
  const place = collision?.data?.place as Place | undefined;
  if (!data || !place || data.kind === 'palette') return undefined;
  if (data.kind === 'zone') return { container: data.path, place: 'end' };
  return { container: data.path.slice(0, -1), beside: data.path, place };
}

/**
 * Arrow keys move a dragged card from one landing place to the next in reading order: before each card, and the
 * end of each container. The coordinates put the card's top left on that place, where `innermost` will find it.
 */
export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const down = event.code === 'ArrowDown' || event.code === 'ArrowRight';
  const up = event.code === 'ArrowUp' || event.code === 'ArrowLeft';
  if (!down && !up) return undefined;
  event.preventDefault();
  const dragged = context.active ? draggedPath(context.active) : undefined;
  const own = sortableOf(context.active?.data.current);
  const spots: { x: number; y: number }[] = [];
  for (const container of context.droppableContainers.getEnabled()) {
    const rect = context.droppableRects.get(container.id);
    const data = dataOf(container);
    if (!rect || !data || insideDragged(data, dragged) || container.id === context.active?.id) continue;
    // Before the card just after the dragged one is where it already is.
    const place = sortableOf(container.data.current);
    if (own && place && place.containerId === own.containerId && place.index === own.index + 1) continue;
    // So is the end of its own list when it is the last card there.
    const ownList = own && dragged && data.kind === 'zone' && samePath(data.path, dragged.slice(0, -1));
    if (ownList && own.index === own.items.length - 1) continue;
    // A card's place is just inside its top edge; a container's end is just above its bottom edge.
    if (data.kind === 'field') spots.push({ x: rect.left + 4, y: rect.top + 4 });
    else spots.push({ x: rect.left + 4, y: rect.bottom - 6 });
  }
  spots.sort((a, b) => a.y - b.y || a.x - b.x);
  const now = { x: currentCoordinates.x + 2, y: currentCoordinates.y + 2 };
  const next = down ? spots.find((s) => s.y > now.y + 1) : [...spots].reverse().find((s) => s.y < now.y - 1);
  return next ? { x: next.x - 2, y: next.y - 2 } : undefined;
};

/** What a screen reader hears while a field is dragged (zh-CN). */
export const announcements: Announcements = {
  onDragStart: ({ active }) => `已拿起“${(active.data.current as DragData | undefined)?.title ?? ''}”。`,
  onDragOver: ({ active, over }) => {
    const title = (active.data.current as DragData | undefined)?.title ?? '';
    const target = over ? (over.data.current as DragData | undefined) : undefined;
    if (!target) return `“${title}”不在可放置的位置。`;
    return target.kind === 'zone'
      ? `“${title}”将放到“${target.title}”的末尾。`
      : `“${title}”将放到“${target.title}”旁边。`;
  },
  onDragEnd: ({ active, over }) =>
    over
      ? `已放下“${(active.data.current as DragData | undefined)?.title ?? ''}”。`
      : `已取消拖动“${(active.data.current as DragData | undefined)?.title ?? ''}”。`,
  onDragCancel: ({ active }) => `已取消拖动“${(active.data.current as DragData | undefined)?.title ?? ''}”。`,
};

export const screenReaderInstructions = {
  draggable: '按空格键或回车键拿起字段，用方向键移动位置，再按空格键或回车键放下，按 Esc 键取消。',
};
