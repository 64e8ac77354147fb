// layoutFlowchart(item): the geometry of an item's 办理流程图 — its charts and their parts — with no drawing.

import { chartInputs } from './charts';
import type { ChartInput, FlowchartInput } from './charts';
import { layoutGraph } from './elkLayout';
import { buildFlowGraph } from './flowGraph';
import type { FlowGraph } from './flowGraph';
import { LAYOUT_VARIANTS, MAX_GRAPH_WIDTH } from './layoutVariants';
import type { LayoutVariant } from './layoutVariants';
import { labelConnectors, partGraph } from './splitParts';
import { partBudget } from './caption';
import type { CaptionInput } from './caption';
import type { FlowchartChart, FlowchartLayout } from './types';

export interface LayoutOptions {
  /**
   * The tallest part (drawing units) a page has room for; a taller chart is split. Default: a printed page less
   * the item's heading at the part's width (partBudget).
   */
  maxPartHeight?: number;
}

/** How tall a part of this width may be. */
type Budget = (width: number) => number;

/**
 * One chart per process route (or one for the whole process). In each: one `step` node per step, one `end`
 * node per branch without `to`, one `special` node per special procedure hanging from a step of the chart,
 * `start` and — unless a step is itself called 办结 — one `finish` marker; one `transition` edge per `next`
 * entry (labelled with the step's `nextLabel`) and per branch, a dashed `special-link` per special procedure
 * and `marker-link`s to and from the markers.
 *
 * Tries the layout variants in order (narrower text, special procedures on the other side) and takes the
 * first that prints at A4 width with fonts ≥ 9 pt, or else the narrowest. A chart taller than a page
 * (`maxPartHeight`) is never shrunk: it is split into as few parts as fit, of heights as even as fit.
 * Throws FlowchartError when a `next`, branch `to` or route names no step, or step ids repeat.
 */
export function layoutFlowchart(
  item: FlowchartInput & CaptionInput,
  options: LayoutOptions = {},
): Promise<FlowchartChart[]> {
  const fixed = options.maxPartHeight;
  const budget: Budget = fixed === undefined ? (width) => partBudget(item, width) : () => fixed;
  // The geometry depends on the process graph alone (and the page room the item's heading leaves), and a base
  // item's standard process is shared by every township that implements it: the same graph is laid out once
  // (ELK costs 15–250 ms per chart).
  const key = JSON.stringify([
    item.process,
    item.specialProcedures ?? [],
    item.processRoutes ?? [],
    fixed ?? item.name ?? '',
  ]);
  let charts = layouts.get(key);
  if (!charts) {
    if (layouts.size >= MAX_CACHED_LAYOUTS) layouts.clear();
    charts = layoutCharts(item, budget);
    layouts.set(key, charts);
    // A failed layout (a step that names no step) is not kept: the next call reports it again.
    charts.catch(() => layouts.delete(key));
  }
  return charts;
}

const MAX_CACHED_LAYOUTS = 1000;
const layouts = new Map<string, Promise<FlowchartChart[]>>();

async function layoutCharts(item: FlowchartInput, budget: Budget): Promise<FlowchartChart[]> {
  return Promise.all(chartInputs(item).map((chart) => layoutChart(chart, budget)));
}

/**
 * The layout of the first variant (from `first` on) whose drawing is narrow enough, or the narrowest, with
 * the index of its variant.
 */
async function narrowEnough(
  chart: ChartInput,
  graphOf: (variant: LayoutVariant) => FlowGraph,
  first = 0,
): Promise<{ variant: number; layout: FlowchartLayout }> {
  const hasSpecials = chart.specials.length > 0;
  let narrowest: { variant: number; layout: FlowchartLayout } | undefined;
  for (let variant = first; variant < LAYOUT_VARIANTS.length; variant++) {
    const widths = LAYOUT_VARIANTS[variant]!;
    if (widths.specialSide === 'left' && !hasSpecials) continue; // same layout as 'right'
    const layout = await layoutGraph(graphOf(widths));
    if (layout.width <= MAX_GRAPH_WIDTH) return { variant, layout };
    if (!narrowest || layout.width < narrowest.layout.width) narrowest = { variant, layout };
  }
  // Unreachable without a layout: `first` is the index of a variant tried before, or 0.
  return narrowest!;
}

async function layoutChart(chart: ChartInput, budget: Budget): Promise<FlowchartChart> {
  const graphs = new Map<LayoutVariant, FlowGraph>();
  const graphOf = (variant: LayoutVariant) => {
    let graph = graphs.get(variant);
    if (!graph) graphs.set(variant, (graph = buildFlowGraph(chart, variant)));
    return graph;
  };
  const { variant, layout } = await narrowEnough(chart, graphOf);
  const route = chart.route ? { route: chart.route } : {};
  if (fits(layout, budget) || chart.process.length < 2) return { ...route, parts: [layout] };
  const split = new PartLayouts(chart, graphOf, variant);
  // No fewer parts than the whole chart's height needs: when that many even parts fit, they are the answer.
  const fewest = Math.min(chart.process.length, Math.ceil(layout.height / budget(layout.width)));
  const guessed = await evenParts(split, layout, fewest, budget);
  if (guessed) return { ...route, parts: labelConnectors(guessed) };
  const filled = await fillParts(split, layout, budget);
  const even = filled.length > fewest ? await evenParts(split, layout, filled.length, budget) : undefined;
  return { ...route, parts: labelConnectors(even ?? filled) };
}

const fits = (layout: FlowchartLayout, budget: Budget) => layout.height <= budget(layout.width);

/**
 * Runs of the chart's steps laid out as parts, each run once. A part is drawn with the whole chart's text
 * widths, or narrower ones if it comes out too wide (its connectors sit elsewhere than the arrows they cut).
 */
class PartLayouts {
  private readonly index: Map<string, number>;
  private readonly done = new Map<string, Promise<FlowchartLayout>>();

  constructor(
    readonly chart: ChartInput,
    private readonly graphOf: (variant: LayoutVariant) => FlowGraph,
    private readonly variant: number,
  ) {
    this.index = new Map(chart.process.map((step, i) => [step.id, i]));
  }

  /** The part holding steps [from, to): the steps before it are one other part, the steps after it another. */
  run(from: number, to: number): Promise<FlowchartLayout> {
    const key = `${from}-${to}`;
    let layout = this.done.get(key);
    if (!layout) {
      const partOf = (stepId: string) => {
        const at = this.index.get(stepId) ?? 0;
        return at < from ? 0 : at < to ? 1 : 2;
      };
      layout = narrowEnough(
        this.chart,
        (variant) => partGraph(this.graphOf(variant), partOf, 1),
        this.variant,
      ).then((narrow) => narrow.layout);
      this.done.set(key, layout);
    }
    return layout;
  }
}

interface Span {
  top: number;
  bottom: number;
}

/** Where each step and the boxes that go with it (end nodes, special procedures) lie in the whole chart. */
function stepSpans(chart: ChartInput, whole: FlowchartLayout): Span[] {
  return chart.process.map(({ id }) => {
    const boxes = whole.nodes.filter((node) => node.stepId === id);
    return {
      top: Math.min(...boxes.map((box) => box.y)),
      bottom: Math.max(...boxes.map((box) => box.y + box.height)),
    };
  });
}

/**
 * The chart in as few parts as fit: each part takes as many of the following steps as it can, at least one (a
 * step with many special procedures may be taller than a page on its own). How many is guessed from where the
 * steps lie in the whole chart, then checked — each try laid out by ELK — one step more or less at a time.
 */
async function fillParts(
  split: PartLayouts,
  whole: FlowchartLayout,
  budget: Budget,
): Promise<FlowchartLayout[]> {
  const count = split.chart.process.length;
  const spans = stepSpans(split.chart, whole);
  const room = budget(0);
  const parts: FlowchartLayout[] = [];
  let from = 0;
  while (from < count) {
    const top = spans[from]!.top;
    let to = from + 1;
    while (to < count && spans[to]!.bottom - top <= room) to++;
    let layout = await split.run(from, to);
    if (fits(layout, budget)) {
      while (to < count) {
        const longer = await split.run(from, to + 1);
        if (!fits(longer, budget)) break;
        [layout, to] = [longer, to + 1];
      }
    } else {
      while (to > from + 1 && !fits(layout, budget)) layout = await split.run(from, --to);
    }
    parts.push(layout);
    from = to;
  }
  return parts;
}

/**
 * The same number of parts with heights as even as the steps allow (cut where the whole chart's steps divide
 * most evenly), when they all fit; otherwise undefined and the filled parts stay. A last part holding one
 * step of five is avoided this way.
 */
async function evenParts(
  split: PartLayouts,
  whole: FlowchartLayout,
  count: number,
  budget: Budget,
): Promise<FlowchartLayout[] | undefined> {
  const spans = stepSpans(split.chart, whole);
  const bounds = [0, ...evenCuts(spans, count), spans.length];
  const parts = await Promise.all(bounds.slice(1).map((to, i) => split.run(bounds[i]!, to)));
  return parts.every((part) => fits(part, budget)) ? parts : undefined;
}

/**
 * Where to cut a run of steps into `count` consecutive parts so that the tallest part (by the steps' extent in
 * the whole chart) is as short as possible: the indices at which parts 2…count start.
 */
export function evenCuts(spans: readonly Span[], count: number): number[] {
  const n = spans.length;
  const height = (from: number, to: number): number => {
    const run = spans.slice(from, to);
    return Math.max(...run.map((s) => s.bottom)) - Math.min(...run.map((s) => s.top));
  };
  // best[k][i]: the least tallest part for the first i steps in k parts, and where its last part starts.
  const none = { tallest: Infinity, from: -1 };
  const best = Array.from({ length: count + 1 }, () => new Array<typeof none>(n + 1).fill(none));
  best[0]![0] = { tallest: 0, from: -1 };
  for (let k = 1; k <= count; k++) {
    for (let i = k; i <= n; i++) {
      for (let from = k - 1; from < i; from++) {
        const tallest = Math.max(best[k - 1]![from]!.tallest, height(from, i));
        if (tallest < best[k]![i]!.tallest) best[k]![i] = { tallest, from };
      }
    }
  }
  const cuts: number[] = [];
  let end = n;
  for (let k = count; k > 1; k--) {
    end = best[k]![end]!.from;
    cuts.unshift(end);
  }
  return cuts;
}
