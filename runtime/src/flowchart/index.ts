// 办理流程图: automatic layout (ELK layered) and SVG rendering of an item's process.
export { renderFlowchart, flowchartSvg } from './renderFlowchart';
export type { FlowchartItem, RenderFlowchartOptions } from './renderFlowchart';
export { layoutFlowchart } from './layoutFlowchart';
export { FlowchartError } from './flowGraph';
export type { FlowchartInput } from './flowGraph';
export { printSize } from './printSize';
export type { PrintSize } from './printSize';
export type {
  FlowchartLayout,
  FlowNode,
  FlowNodeKind,
  FlowEdge,
  FlowEdgeKind,
  FlowTextLine,
  Point,
  Rect,
} from './types';
