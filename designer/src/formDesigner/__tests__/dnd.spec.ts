/// <reference types="jest" />
// Where a drop lands on the nested canvas, from plain rectangles: no browser needed.
import type { ClientRect, CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import type { DragData } from '../dnd';
import { fieldId, innermost, keyboardCoordinates, targetOf, zoneId } from '../dnd';

type Args = Parameters<CollisionDetection>[0];

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

/** The canvas of a form with a field `name` and a section `s` holding `a` and `b`, laid out top to bottom. */
function canvas() {
  const layout: [string, DragData, ClientRect, { index: number; containerId: string; items: string[] }?][] = [
    [zoneId([]), { kind: 'zone', path: [], title: '表单' }, rect(0, 0, 400, 400)],
    [
      fieldId(['name']),
      { kind: 'field', path: ['name'], title: '姓名' },
      rect(10, 10, 380, 40),
      { index: 0, containerId: zoneId([]), items: [fieldId(['name']), fieldId(['s'])] },
    ],
    [
      fieldId(['s']),
      { kind: 'field', path: ['s'], title: '分组' },
      rect(10, 60, 380, 200),
      { index: 1, containerId: zoneId([]), items: [fieldId(['name']), fieldId(['s'])] },
    ],
    [zoneId(['s']), { kind: 'zone', path: ['s'], title: '分组' }, rect(30, 90, 350, 160)],
    [
      fieldId(['s', 'a']),
      { kind: 'field', path: ['s', 'a'], title: 'A' },
      rect(40, 100, 330, 40),
      { index: 0, containerId: zoneId(['s']), items: [fieldId(['s', 'a']), fieldId(['s', 'b'])] },
    ],
    [
      fieldId(['s', 'b']),
      { kind: 'field', path: ['s', 'b'], title: 'B' },
      rect(40, 150, 330, 40),
      { index: 1, containerId: zoneId(['s']), items: [fieldId(['s', 'a']), fieldId(['s', 'b'])] },
    ],
  ];
  const containers = layout.map(
    ([id, data, , sortable]) =>
      ({
        id,
        key: id,
        data: { current: sortable ? { ...data, sortable } : data },
        disabled: false,
      }) as unknown as DroppableContainer,
  );
  const rects = new Map(layout.map(([id, , r]) => [id, r]));
  return { containers, rects, byId: new Map(containers.map((c) => [c.id, c])) };
}

function detect(active: DragData, pointer: { x: number; y: number }) {
  const { containers, rects } = canvas();
  const args = {
    active: {
      id: 'active',
      data: { current: active },
      rect: { current: { initial: null, translated: null } },
    },
    collisionRect: rect(pointer.x, pointer.y, 10, 10),
    droppableRects: rects,
    droppableContainers: containers,
    pointerCoordinates: pointer,
  } as unknown as Args;
  return targetOf(innermost(args)[0]);
}

const palette: DragData = { kind: 'palette', component: 'mobile', title: '手机号码' };

describe('the drop target', () => {
  it('is before or after the innermost card under the pointer', () => {
    expect(detect(palette, { x: 100, y: 15 })).toEqual({ container: [], beside: ['name'], place: 'before' });
    expect(detect(palette, { x: 100, y: 45 })).toEqual({ container: [], beside: ['name'], place: 'after' });
    expect(detect(palette, { x: 100, y: 170 })).toEqual({
      container: ['s'],
      beside: ['s', 'b'],
      place: 'after',
    });
  });

  it('is the end of a container where the pointer is over its free space, and nothing outside the canvas', () => {
    expect(detect(palette, { x: 100, y: 230 })).toEqual({ container: ['s'], place: 'end' });
    expect(detect(palette, { x: 100, y: 380 })).toEqual({ container: [], place: 'end' });
    expect(detect(palette, { x: 500, y: 380 })).toBeUndefined();
  });

  it('never lies inside the field being dragged', () => {
    const section: DragData = { kind: 'field', path: ['s'], title: '分组' };
    // Over its own child or its own list: the section's card itself is what is under the pointer.
    expect(detect(section, { x: 100, y: 110 })).toEqual({ container: [], beside: ['s'], place: 'before' });
    expect(detect(section, { x: 100, y: 240 })).toEqual({ container: [], beside: ['s'], place: 'after' });
  });
});

describe('the keyboard', () => {
  /** Presses a key while the card at `path` is dragged with its top left at `at`; answers the new target. */
  function press(code: string, path: string[], at: { x: number; y: number }) {
    const { containers, rects, byId } = canvas();
    const active = byId.get(fieldId(path))!;
    const context = {
      active: { id: active.id, data: active.data },
      droppableRects: rects,
      droppableContainers: { getEnabled: () => containers },
    };
    const event = { code, preventDefault: () => undefined } as KeyboardEvent;
    const next = keyboardCoordinates(event, {
      active: active.id,
      context: context as never,
      currentCoordinates: at,
    });
    if (!next) return undefined;
    const args = {
      active: { id: active.id, data: active.data, rect: { current: { initial: null, translated: null } } },
      collisionRect: rect(next.x, next.y, 10, 10),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: null,
    } as unknown as Args;
    return { at: next, target: targetOf(innermost(args)[0]) };
  }

  it('steps through the places in reading order, skipping where the card already is', () => {
    // `a` starts at its own place; "before b" is where it already is, so Down goes to the end of the section.
    const first = press('ArrowDown', ['s', 'a'], { x: 40, y: 100 })!;
    expect(first.target).toEqual({ container: ['s'], place: 'end' });
    const second = press('ArrowDown', ['s', 'a'], first.at)!;
    expect(second.target).toEqual({ container: [], place: 'end' });
    const back = press('ArrowUp', ['s', 'a'], { x: 40, y: 100 })!;
    expect(back.target).toEqual({ container: [], beside: ['s'], place: 'before' });
    expect(press('Space', ['s', 'a'], { x: 40, y: 100 })).toBeUndefined();
  });
});
