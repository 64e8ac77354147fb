// layoutFlowchart(item): the geometry of an item's 办理流程图, with no drawing.

import { layoutGraph } from './elkLayout';
import { buildFlowGraph } from './flowGraph';
import type { FlowchartInput } from './flowGraph';
import { LAYOUT_VARIANTS, MAX_GRAPH_WIDTH } from './layoutVariants';
import type { FlowchartLayout } from './types';

/**
 * One `step` node per process step, one `end` node per branch without `to`, one `special` node per
 * special procedure, plus `start` / `finish` markers; one `transition` edge per `next` entry and per
 * branch, a dashed `special-link` per special procedure and `marker-link`s to and from the markers.
 *
 * Tries the layout variants in order (narrower text, special procedures on the other side) and
 * returns the first that prints at A4 width with fonts ≥ 9 pt, or else the narrowest.
 * Throws FlowchartError when a `next` or branch `to` names no step, or step ids repeat.
 */
export function layoutFlowchart(item: FlowchartInput): Promise<FlowchartLayout> {
  // The geometry depends on the process graph alone, and a base item's standard process is shared by every
  // township that implements it: the same graph is laid out once (ELK costs 15–250 ms per chart).
  const key = JSON.stringify([item.process, item.specialProcedures ?? []]);
  let layout = layouts.get(key);
  if (!layout) {
    if (layouts.size >= MAX_CACHED_LAYOUTS) layouts.clear();
    layout = computeLayout(item);
    layouts.set(key, layout);
    // A failed layout (a step that names no step) is not kept: the next call reports it again.
    layout.catch(() => layouts.delete(key));
  }
  return layout;
}

const MAX_CACHED_LAYOUTS = 1000;
const layouts = new Map<string, Promise<FlowchartLayout>>();

async function computeLayout(item: FlowchartInput): Promise<FlowchartLayout> {
  const hasSpecials = (item.specialProcedures ?? []).length > 0;
  let narrowest: FlowchartLayout | undefined;
  for (const variant of LAYOUT_VARIANTS) {
    if (variant.specialSide === 'left' && !hasSpecials) continue; // same layout as 'right'
    const layout = await layoutGraph(buildFlowGraph(item, variant));
    if (layout.width <= MAX_GRAPH_WIDTH) return layout;
    if (!narrowest || layout.width < narrowest.width) narrowest = layout;
  }
  if (!narrowest) throw new Error('no layout variants'); // unreachable: the list is not empty
  return narrowest;
}
