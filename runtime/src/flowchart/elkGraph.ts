// The abstract flowchart graph as an ELK JSON graph: layered algorithm, top to bottom, orthogonal
// edges; node sizes come from their text blocks and edge labels are sized boxes ELK keeps clear.

import type { ElkExtendedEdge, ElkLabel, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { PortPlan } from './elkPorts';
import type { FlowGraph, GraphEdge, GraphNode } from './flowGraph';
import { EDGE_LABEL_PADDING, SPACING } from './style';

const padding = SPACING.graphPadding;

export const GRAPH_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.randomSeed': '1',
  'elk.padding': `[top=${padding},left=${padding},bottom=${padding},right=${padding}]`,
  'elk.spacing.nodeNode': String(SPACING.nodeNode),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.betweenLayers),
  'elk.spacing.edgeNode': String(SPACING.edgeNode),
  'elk.layered.spacing.edgeNodeBetweenLayers': String(SPACING.edgeNode),
  'elk.spacing.edgeEdge': String(SPACING.edgeEdge),
  'elk.layered.spacing.edgeEdgeBetweenLayers': String(SPACING.edgeEdge),
  'elk.spacing.edgeLabel': String(SPACING.edgeLabel),
  'elk.spacing.labelNode': String(SPACING.edgeLabel),
  'elk.edgeLabels.inline': 'false',
  // Keep the steps in process order where the graph allows it, so the chart reads like the list;
  // edges against that order (loops back to an earlier step) are the ones reversed.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.unnecessaryBendpoints': 'true',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
};

function edgeOptions(edge: GraphEdge): LayoutOptions {
  // The main line (next, 开始/办结) is kept straight; branches and special links give way.
  const mainLine = edge.kind === 'marker-link' || (edge.kind === 'transition' && edge.branch === undefined);
  return mainLine
    ? { 'elk.layered.priority.straightness': '10', 'elk.layered.priority.direction': '10' }
    : { 'elk.layered.priority.straightness': '0', 'elk.layered.priority.direction': '1' };
}

export const labelId = (edgeId: string): string => `${edgeId}:label`;

function elkLabel(edge: GraphEdge): ElkLabel[] {
  if (!edge.label) return [];
  return [
    {
      id: labelId(edge.id),
      // ELK drops labels with empty text; the text plays no part in the layout (the size does).
      text: edge.label.lines.map((line) => line.text).join(' ') || ' ',
      width: Math.ceil(edge.label.width + 2 * EDGE_LABEL_PADDING),
      height: Math.ceil(edge.label.height + 2 * EDGE_LABEL_PADDING),
      // Beside the arrowhead: no extra label layer between a step and its end node.
      layoutOptions: { 'elk.edgeLabels.placement': 'HEAD' },
    },
  ];
}

function elkNode(node: GraphNode, plan: PortPlan): ElkNode {
  const ports = plan.ports(node);
  const box = { id: node.id, width: node.width, height: node.height };
  return ports ? { ...box, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } } : box;
}

/**
 * Layout-only edges (never drawn) that stack the special procedures of one step in a column, each a
 * layer below the previous, instead of side by side in the layer under the step.
 */
function stackingEdges(graph: FlowGraph): ElkExtendedEdge[] {
  const lastByAnchor = new Map<string, string>();
  const stacking: ElkExtendedEdge[] = [];
  for (const edge of graph.edges) {
    if (edge.kind !== 'special-link') continue;
    const above = lastByAnchor.get(edge.from);
    if (above) stacking.push({ id: `stack:${above}:${edge.to}`, sources: [above], targets: [edge.to] });
    lastByAnchor.set(edge.from, edge.to);
  }
  return stacking;
}

export function toElkGraph(graph: FlowGraph): ElkNode {
  const plan = new PortPlan(graph);
  const edges = graph.edges.map((edge): ElkExtendedEdge => ({
    id: edge.id,
    sources: [plan.source(edge)],
    targets: [plan.target(edge)],
    layoutOptions: edgeOptions(edge),
    labels: elkLabel(edge),
  }));
  return {
    id: 'flowchart',
    layoutOptions: GRAPH_OPTIONS,
    children: graph.nodes.map((node) => elkNode(node, plan)),
    edges: [...edges, ...stackingEdges(graph)],
  };
}
