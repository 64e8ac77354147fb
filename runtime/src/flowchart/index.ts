// 办理流程图: automatic layout (ELK layered) and SVG rendering of an item's process.
export { renderFlowchart, renderFlowchartPages } from './renderFlowchart';
export type { FlowchartItem, RenderFlowchartOptions } from './renderFlowchart';
export { layoutFlowchart } from './layoutFlowchart';
export type { LayoutOptions } from './layoutFlowchart';
export { FlowchartError } from './charts';
export type { FlowchartInput } from './charts';
export { printSize } from './printSize';
export type { PrintSize } from './printSize';
export type {
  ChartRoute,
  FlowchartChart,
  FlowchartLayout,
  FlowNode,
  FlowNodeKind,
  FlowEdge,
  FlowEdgeKind,
  FlowTextLine,
  Point,
  Rect,
} from './types';
