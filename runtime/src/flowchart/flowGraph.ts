// The flowchart as an abstract graph — which boxes and arrows there are and what they say — before
// any geometry. Node and edge order follows the item (steps in process order), which keeps the
// layout stable and the output deterministic.

import type { BranchKind, ProcessStep } from '@oneseal/schemas';
import type { ChartInput } from './charts';
import {
  branchLabelBlock,
  endBlock,
  markerBlock,
  nextLabelBlock,
  specialBlock,
  stepBlock,
} from './nodeContent';
import type { LayoutVariant } from './layoutVariants';
import { MARKER_MIN_WIDTH, NODE_MIN_WIDTH, NODE_PADDING_X, NODE_PADDING_Y } from './style';
import type { TextBlock } from './textBlock';
import type { FlowEdgeKind, FlowNodeKind } from './types';

export interface GraphNode {
  id: string;
  kind: FlowNodeKind;
  stepId?: string;
  block: TextBlock;
  width: number;
  height: number;
}

export interface GraphEdge {
  id: string;
  kind: FlowEdgeKind;
  from: string;
  to: string;
  branch?: BranchKind;
  dashed: boolean;
  label?: TextBlock;
}

export interface FlowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The variant the text was wrapped for; also says which side special procedures go. */
  variant: LayoutVariant;
}

export const stepNodeId = (stepId: string): string => `step:${stepId}`;
export const START_ID = 'start';
export const FINISH_ID = 'finish';

function boxed(block: TextBlock): { width: number; height: number } {
  return {
    width: Math.ceil(Math.max(NODE_MIN_WIDTH, block.width + 2 * NODE_PADDING_X)),
    height: Math.ceil(block.height + 2 * NODE_PADDING_Y),
  };
}

/** The 开始 / 办结 pills: small, with room for the word. */
function markerBox(block: TextBlock): { width: number; height: number } {
  return {
    width: Math.ceil(Math.max(MARKER_MIN_WIDTH, block.width + 4 * NODE_PADDING_X)),
    height: Math.ceil(block.height + NODE_PADDING_Y + 2),
  };
}

/** Steps no other step leads to (self-loops aside) — where 开始 points; the first step if none is. */
function entrySteps(process: readonly ProcessStep[]): ProcessStep[] {
  const reached = new Set<string>();
  for (const step of process) {
    for (const target of step.next ?? []) if (target !== step.id) reached.add(target);
    for (const branch of step.branches ?? []) if (branch.to && branch.to !== step.id) reached.add(branch.to);
  }
  const entries = process.filter((step) => !reached.has(step.id));
  return entries.length > 0 ? entries : process.slice(0, 1);
}

export function buildFlowGraph(chart: ChartInput, variant: LayoutVariant): FlowGraph {
  const process = chart.process;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const addNode = (node: Omit<GraphNode, 'width' | 'height'>, size = boxed(node.block)): void => {
    nodes.push({ ...node, ...size });
  };

  const start = markerBlock('开始');
  addNode({ id: START_ID, kind: 'start', block: start }, markerBox(start));
  for (const entry of entrySteps(process)) {
    edges.push({
      id: `start:${entry.id}`,
      kind: 'marker-link',
      from: START_ID,
      to: stepNodeId(entry.id),
      dashed: false,
    });
  }

  for (const step of process) {
    addNode({ id: stepNodeId(step.id), kind: 'step', stepId: step.id, block: stepBlock(step, variant) });
    const condition = step.nextLabel ? nextLabelBlock(step.nextLabel, variant) : undefined;
    (step.next ?? []).forEach((target, index) => {
      edges.push({
        id: `next:${step.id}:${index}`,
        kind: 'transition',
        from: stepNodeId(step.id),
        to: stepNodeId(target),
        dashed: false,
        ...(condition ? { label: condition } : {}),
      });
    });
    (step.branches ?? []).forEach((branch, index) => {
      let target: string;
      if (branch.to === undefined) {
        target = `end:${step.id}:${index}`;
        addNode({ id: target, kind: 'end', stepId: step.id, block: endBlock(branch, variant) });
      } else target = stepNodeId(branch.to);
      const label = branchLabelBlock(branch, variant);
      edges.push({
        id: `branch:${step.id}:${index}`,
        kind: 'transition',
        from: stepNodeId(step.id),
        to: target,
        branch: branch.kind,
        dashed: branch.to === undefined,
        ...(label ? { label } : {}),
      });
    });
  }

  for (const { procedure, index, anchor } of chart.specials) {
    const id = `special:${index}`;
    addNode({
      id,
      kind: 'special',
      ...(anchor ? { stepId: anchor } : {}),
      block: specialBlock(procedure, variant),
    });
    if (anchor) edges.push({ id, kind: 'special-link', from: stepNodeId(anchor), to: id, dashed: true });
  }

  if (chart.finishFrom.length > 0 || process.length === 0) {
    const finish = markerBlock('办结');
    addNode({ id: FINISH_ID, kind: 'finish', block: finish }, markerBox(finish));
  }
  const byId = new Map(process.map((step) => [step.id, step]));
  for (const stepId of chart.finishFrom) {
    const condition = byId.get(stepId)?.nextLabel;
    const label = condition ? nextLabelBlock(condition, variant) : undefined;
    edges.push({
      id: `finish:${stepId}`,
      kind: 'marker-link',
      from: stepNodeId(stepId),
      to: FINISH_ID,
      dashed: false,
      ...(label ? { label } : {}),
    });
  }
  if (process.length === 0)
    edges.push({ id: 'start:finish', kind: 'marker-link', from: START_ID, to: FINISH_ID, dashed: false });
  return { nodes, edges, variant };
}
