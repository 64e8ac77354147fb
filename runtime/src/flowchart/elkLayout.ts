// Runs ELK on the flowchart graph and reads the result back as a FlowchartLayout. ELK is
// deterministic for a given input (fixed random seed) and every coordinate is rounded to 0.1 unit,
// so the same item always yields the same layout.

import type { ElkEdgeSection } from 'elkjs/lib/elk-api';
import { labelId, toElkGraph } from './elkGraph';
import { layoutInThread } from './elkThread';
import type { FlowGraph } from './flowGraph';
import { mergeSpecialLinks } from './specialLinks';
import { placeBlock } from './textBlock';
import type { FlowEdge, FlowNode, FlowchartLayout, Point } from './types';

export const round = (value: number): number => {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded; // no "-0"
};

/** The polyline of an edge: its sections joined in order, repeated and collinear points dropped. */
function polyline(sections: readonly ElkEdgeSection[]): Point[] {
  const points: Point[] = [];
  for (const section of sections) {
    for (const raw of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
      const point = { x: round(raw.x), y: round(raw.y) };
      const last = points[points.length - 1];
      const before = points[points.length - 2];
      if (last && last.x === point.x && last.y === point.y) continue;
      const straightOn =
        last &&
        before &&
        ((before.x === last.x && last.x === point.x && (last.y - before.y) * (point.y - last.y) > 0) ||
          (before.y === last.y && last.y === point.y && (last.x - before.x) * (point.x - last.x) > 0));
      if (straightOn) points[points.length - 1] = point;
      else points.push(point);
    }
  }
  return points;
}

export async function layoutGraph(graph: FlowGraph): Promise<FlowchartLayout> {
  const laidOut = await layoutInThread(toElkGraph(graph));
  const placedNodes = new Map((laidOut.children ?? []).map((child) => [child.id, child]));
  const placedEdges = new Map((laidOut.edges ?? []).map((edge) => [edge.id, edge]));

  const nodes: FlowNode[] = graph.nodes.map((node) => {
    const placed = placedNodes.get(node.id);
    const box = {
      x: round(placed?.x ?? 0),
      y: round(placed?.y ?? 0),
      width: node.width,
      height: node.height,
    };
    return {
      id: node.id,
      kind: node.kind,
      ...(node.stepId !== undefined ? { stepId: node.stepId } : {}),
      ...box,
      lines: placeBlock(node.block, box, round),
    };
  });

  const edges: FlowEdge[] = graph.edges.map((edge) => {
    const placed = placedEdges.get(edge.id);
    const laidOutEdge: FlowEdge = {
      id: edge.id,
      kind: edge.kind,
      from: edge.from,
      to: edge.to,
      ...(edge.branch !== undefined ? { branch: edge.branch } : {}),
      dashed: edge.dashed,
      points: polyline(placed?.sections ?? []),
    };
    const label = placed?.labels?.find((candidate) => candidate.id === labelId(edge.id));
    if (edge.label && label) {
      const box = {
        x: round(label.x ?? 0),
        y: round(label.y ?? 0),
        width: round(label.width ?? 0),
        height: round(label.height ?? 0),
      };
      laidOutEdge.label = { box, lines: placeBlock(edge.label, box, round) };
    }
    return laidOutEdge;
  });

  return {
    width: round(laidOut.width ?? 0),
    height: round(laidOut.height ?? 0),
    nodes,
    edges: mergeSpecialLinks(edges, nodes),
  };
}
