// Typography, spacing and colours of the flowchart. Drawing units are typographic points: at the
// natural print size one unit is 1 pt (0.3528 mm), so a 10-unit font prints at 10 pt.

import type { FlowNodeKind } from './types';

export const MM_PER_UNIT = 25.4 / 72;
/** A4 (210 mm) less the documents' 18 mm side margins (templates/css/print.css). Wider drawings are scaled down. */
export const PRINT_MAX_WIDTH_MM = 174;
/**
 * One printed page of a flowchart is never taller than this (a taller chart is split into parts, never shrunk):
 * A4 (297 mm) less the documents' 22 mm top and 20 mm bottom margins (255 mm), less the section heading
 * "办理流程" (about 14 mm with its margins) and the figure's own margins, so the first page fits under the heading
 * instead of leaving it alone on a page.
 */
export const PRINT_MAX_HEIGHT_MM = 236;

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', sans-serif";

export const FONT = {
  /** Node titles (step names), bold. */
  title: 10.5,
  /** Node details: 岗位, 时限, 文书. */
  body: 10,
  /** Edge labels. */
  label: 9.5,
  /** The drawing's heading (事项名称 办理流程图), bold. */
  heading: 13,
  /** The caption under the drawing (办结时限). */
  caption: 10,
} as const;

/** Baseline-to-baseline distance as a multiple of the font size. */
export const LINE_HEIGHT = 1.35;

/** Narrowest node box, so short steps still read as boxes. */
export const NODE_MIN_WIDTH = 96;
export const NODE_PADDING_X = 8;
export const NODE_PADDING_Y = 6;
export const MARKER_MIN_WIDTH = 56;
export const EDGE_LABEL_PADDING = 2;

/** Spacing handed to ELK. */
export const SPACING = {
  nodeNode: 22,
  betweenLayers: 20,
  edgeNode: 12,
  edgeEdge: 8,
  edgeLabel: 3,
  /** Around the whole graph. */
  graphPadding: 10,
} as const;

/** Margin around heading, graph and caption in the SVG. */
export const PAGE_MARGIN = 8;
/** Space between heading, graph and caption. */
export const SECTION_GAP = 6;
/** Space between the parts of a split chart printed side by side. */
export const COLUMN_GAP = 28;

/** A printed flowchart page in drawing units (pt at natural size). */
export const PAGE_HEIGHT = PRINT_MAX_HEIGHT_MM / MM_PER_UNIT;

export const NODE_COLOURS: Record<FlowNodeKind, { fill: string; stroke: string; text: string }> = {
  start: { fill: '#e8f1fb', stroke: '#2f6db5', text: '#123a66' },
  finish: { fill: '#e8f1fb', stroke: '#2f6db5', text: '#123a66' },
  step: { fill: '#ffffff', stroke: '#2f6db5', text: '#1a1a1a' },
  end: { fill: '#fdecea', stroke: '#b3261e', text: '#5c1410' },
  special: { fill: '#fff6e0', stroke: '#a86b00', text: '#4d3200' },
  connector: { fill: '#ffffff', stroke: '#2f6db5', text: '#123a66' },
};

export const EDGE_COLOURS = {
  next: '#2f6db5',
  /** Branches that end the process (不予受理, 不予批准). */
  ending: '#b3261e',
  /** Branches that loop back (补正, 退回重办). */
  loop: '#a86b00',
  special: '#a86b00',
  marker: '#2f6db5',
} as const;
