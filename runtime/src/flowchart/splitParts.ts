// A chart too tall for a page is drawn in parts: runs of consecutive steps (in process order), each laid out on
// its own. Every box goes with its step (end nodes, special procedures), 开始 with the first step it points to
// and 办结 with the last step that reaches it, so each is drawn once. An arrow between parts ends at a
// connector "转 A" in the part it leaves and goes on from "接 A" in the part it reaches.
//
// A part's graph depends only on which steps it holds, not on how the other steps are split, so a part laid
// out while trying where to cut is the part printed. Connectors are named by the box they lead to while laying
// out; their letters are given once all parts are known (labelConnectors), in reading order.

import { textWidthEm } from './textMetrics';
import type { FlowGraph, GraphEdge, GraphNode } from './flowGraph';
import { FINISH_ID, START_ID } from './flowGraph';
import { connectorBlock } from './nodeContent';
import { NODE_PADDING_X, NODE_PADDING_Y } from './style';
import type { FlowchartLayout } from './types';

/** A, B, … Z, then A2, B2, …: one letter per box an arrow from another part leads to. */
export function connectorLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  const round = Math.floor(index / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}

/** Connectors are all as wide as the widest label they may get, so the letter never changes the layout. */
const WIDEST_LABEL = '转 W99';

function connectorNode(direction: 'out' | 'in', target: string): GraphNode {
  const block = connectorBlock(direction, '?');
  const widest = connectorBlock(direction, WIDEST_LABEL.slice(2));
  return {
    id: `${direction}:${target}`,
    kind: 'connector',
    block,
    width: Math.ceil(widest.width + 4 * NODE_PADDING_X),
    height: Math.ceil(block.height + NODE_PADDING_Y + 2),
  };
}

/** The part of every node (steps numbered by `partOf`): boxes go with their step, markers as said above. */
function nodeParts(graph: FlowGraph, partOf: (stepId: string) => number): Map<string, number> {
  const parts = new Map<string, number>();
  for (const node of graph.nodes) if (node.stepId !== undefined) parts.set(node.id, partOf(node.stepId));
  const partsOf = (ids: string[]) =>
    ids.map((id) => parts.get(id)).filter((p): p is number => p !== undefined);
  const entries = partsOf(graph.edges.filter((edge) => edge.from === START_ID).map((edge) => edge.to));
  const finals = partsOf(graph.edges.filter((edge) => edge.to === FINISH_ID).map((edge) => edge.from));
  parts.set(START_ID, entries.length > 0 ? Math.min(...entries) : 0);
  parts.set(FINISH_ID, finals.length > 0 ? Math.max(...finals) : Math.max(0, ...parts.values()));
  return parts;
}

/**
 * The graph of part `part`, the steps numbered by `partOf`. Node and edge order is kept, with the incoming
 * connectors first and the outgoing ones last, so ELK keeps the process order.
 */
export function partGraph(graph: FlowGraph, partOf: (stepId: string) => number, part: number): FlowGraph {
  const parts = nodeParts(graph, partOf);
  const here = (id: string) => (parts.get(id) ?? 0) === part;
  const incoming = new Map<string, GraphNode>();
  const outgoing = new Map<string, GraphNode>();
  const continued: GraphEdge[] = [];
  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    if (here(edge.from) && here(edge.to)) edges.push(edge);
    else if (here(edge.from)) {
      const exit = connectorNode('out', edge.to);
      outgoing.set(exit.id, exit);
      edges.push({ ...edge, to: exit.id });
    } else if (here(edge.to) && !incoming.has(edge.to)) {
      const entry = connectorNode('in', edge.to);
      incoming.set(edge.to, entry);
      continued.push({
        id: `continue:${edge.to}`,
        kind: edge.kind,
        from: entry.id,
        to: edge.to,
        ...(edge.branch !== undefined ? { branch: edge.branch } : {}),
        dashed: edge.dashed,
      });
    }
  }
  return {
    nodes: [...incoming.values(), ...graph.nodes.filter((node) => here(node.id)), ...outgoing.values()],
    edges: [...continued, ...edges],
    variant: graph.variant,
  };
}

/**
 * Gives the connectors of laid-out parts their letters: one per box that arrows from other parts lead to,
 * in the order a reader meets them, the same at "转" and "接".
 */
export function labelConnectors(parts: readonly FlowchartLayout[]): FlowchartLayout[] {
  const letters = new Map<string, string>();
  const letterOf = (target: string): string => {
    let letter = letters.get(target);
    if (letter === undefined) {
      letter = connectorLetter(letters.size);
      letters.set(target, letter);
    }
    return letter;
  };
  for (const part of parts)
    for (const node of part.nodes)
      if (node.kind === 'connector') letterOf(node.id.slice(node.id.indexOf(':') + 1));
  return parts.map((part) => ({
    ...part,
    nodes: part.nodes.map((node) => {
      if (node.kind !== 'connector') return node;
      const separator = node.id.indexOf(':');
      const direction = node.id.slice(0, separator) as 'out' | 'in';
      const text = connectorBlock(direction, letterOf(node.id.slice(separator + 1))).lines[0]!.text;
      return {
        ...node,
        lines: node.lines.map((line) => ({
          ...line,
          text,
          width: Math.round(textWidthEm(text, line.bold) * line.fontSize * 10) / 10,
        })),
      };
    }),
  }));
}
