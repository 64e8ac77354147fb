// Rectangle checks shared by the layout and SVG tests.

import type { FlowTextLine, Rect } from '../types';

/** Whether two boxes share interior area (touching edges do not count). */
export function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every pair of boxes that overlap, by label, for a readable failure message. */
export function overlappingPairs(boxes: readonly (Rect & { id: string })[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (overlap(a, b)) pairs.push(`${a.id} × ${b.id}`);
  });
  return pairs;
}

/** The horizontal extent of a placed text line. */
export function lineExtent(line: FlowTextLine): { left: number; right: number } {
  const left = line.anchor === 'middle' ? line.x - line.width / 2 : line.x;
  return { left, right: left + line.width };
}

/** Whether a placed line lies inside a box, its estimated width and its baseline included. */
export function lineFits(line: FlowTextLine, box: Rect, tolerance = 0.11): boolean {
  const { left, right } = lineExtent(line);
  return (
    left >= box.x - tolerance &&
    right <= box.x + box.width + tolerance &&
    line.y - line.fontSize * 0.9 >= box.y - tolerance &&
    line.y + line.fontSize * 0.15 <= box.y + box.height + tolerance
  );
}
