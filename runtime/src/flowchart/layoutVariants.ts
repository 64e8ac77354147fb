// The layout is tried in a few variants, most generous first, until one is narrow enough to print
// across the A4 content width with every font at 9 pt or more.

import { FONT, MM_PER_UNIT, PAGE_MARGIN, PRINT_MAX_WIDTH_MM } from './style';

export interface LayoutVariant {
  /** Longest line inside a node, in em (long labels wrap). */
  nodeTextEm: number;
  /** Longest line of an edge label, in em. */
  edgeLabelEm: number;
  /** Which side of the main line special procedures hang on (end nodes are always right, loops left). */
  specialSide: 'left' | 'right';
}

/**
 * Most generous first. Edge labels (loop and branch conditions, which stack up beside the main line)
 * narrow before node text does; special procedures try both sides before text narrows further.
 */
export const LAYOUT_VARIANTS: readonly LayoutVariant[] = [
  { nodeTextEm: 12, edgeLabelEm: 10, specialSide: 'right' },
  { nodeTextEm: 12, edgeLabelEm: 10, specialSide: 'left' },
  { nodeTextEm: 12, edgeLabelEm: 7, specialSide: 'right' },
  { nodeTextEm: 12, edgeLabelEm: 7, specialSide: 'left' },
  { nodeTextEm: 10, edgeLabelEm: 7, specialSide: 'right' },
  { nodeTextEm: 10, edgeLabelEm: 7, specialSide: 'left' },
  { nodeTextEm: 10, edgeLabelEm: 5.5, specialSide: 'right' },
  { nodeTextEm: 10, edgeLabelEm: 5.5, specialSide: 'left' },
];

/** The smallest font may print at this size at the least (pt). */
export const MIN_PRINTED_FONT_PT = 9;

/**
 * The widest graph that, with the page margins, prints within PRINT_MAX_WIDTH_MM with the smallest
 * font no smaller than MIN_PRINTED_FONT_PT (drawing units are pt at scale 1).
 */
export const MAX_GRAPH_WIDTH =
  (PRINT_MAX_WIDTH_MM / MM_PER_UNIT) * (Math.min(...Object.values(FONT)) / MIN_PRINTED_FONT_PT) -
  2 * PAGE_MARGIN;
