// The geometry of a laid-out 办理流程图: what layoutFlowchart returns and renderFlowchart draws.
// Coordinates are drawing units (1 unit = 1 pt at natural print size), origin top-left, y down.

import type { BranchKind } from '@oneseal/schemas';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One line of text at its final position. `x` is the anchor: the left end for `anchor: 'start'`,
 * the centre for `anchor: 'middle'`; `y` is the baseline. `width` is the estimated advance.
 */
export interface FlowTextLine {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
  anchor: 'start' | 'middle';
}

/**
 * - `step`: a 办理环节 (name, 岗位, 时限, 文书);
 * - `end`: where a branch without `to` ends the process (不予受理, 不予批准) with its document;
 * - `special`: a 特别程序 with its own limit and whether it counts in the promised limit;
 * - `start` / `finish`: the 开始 and 办结 markers;
 * - `connector`: where an arrow leaves one part of a chart split over columns or pages ("转 A") and
 *   where it comes back in ("接 A").
 */
export type FlowNodeKind = 'start' | 'step' | 'end' | 'special' | 'finish' | 'connector';

export interface FlowNode extends Rect {
  /**
   * Unique in the chart: `step:<stepId>`, `end:<stepId>:<branchIndex>`, `special:<index>`, `start`, `finish`,
   * and for connectors `out:<letter>` (in the part the arrow leaves) and `in:<letter>` (where it comes back).
   */
  id: string;
  kind: FlowNodeKind;
  /**
   * The step this node shows (`step`), whose branch ends here (`end`), or which the special
   * procedure hangs from (`special`).
   */
  stepId?: string;
  lines: FlowTextLine[];
}

/**
 * - `transition`: a step's `next` entry or one of its branches (one edge each; in a split chart, an arrow
 *   to another part ends at a connector and goes on from that part's connector);
 * - `special-link`: the dashed link from a special procedure's anchor step to the procedure;
 * - `marker-link`: from the 开始 marker to the entry step, and from final steps to 办结.
 */
export type FlowEdgeKind = 'transition' | 'special-link' | 'marker-link';

export interface FlowEdge {
  /** Unique in the chart, e.g. `next:accept:review`, `branch:accept:0`, `special:0`. */
  id: string;
  kind: FlowEdgeKind;
  /** Node ids. */
  from: string;
  to: string;
  /** For a transition that is a branch: its kind. Absent for `next` transitions. */
  branch?: BranchKind;
  /** Branches ending the process and special-procedure links are drawn dashed. */
  dashed: boolean;
  /** The routed polyline, start to end (arrowhead at the end), orthogonal segments. */
  points: Point[];
  /** Condition, document and time limit of a branch, or the condition to go on (`nextLabel`), beside the edge. */
  label?: { box: Rect; lines: FlowTextLine[] };
}

/** One part of a chart, laid out on its own: the whole chart, or a run of its steps (a column or page). */
export interface FlowchartLayout {
  /** Size of the graph drawing (its nodes, edges and labels all lie within 0..width × 0..height). */
  width: number;
  height: number;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** One process route (一般程序, 简易程序, 不予受理…) as the chart draws it. */
export interface ChartRoute {
  name: string;
  situation?: string;
}

/**
 * One 办理流程图: the whole process, or the steps of one route. A chart too tall for a page at a readable size
 * is split into parts (runs of steps in process order) joined by connectors; each part is laid out alone.
 */
export interface FlowchartChart {
  route?: ChartRoute;
  parts: FlowchartLayout[];
}
