// Which charts an item's 办理流程图 consists of: the whole process, or — when the item states process routes
// (一般程序, 简易程序, 不予受理…) — one chart per route, each showing the steps that route passes through.

import type { ProcessRoute, ProcessStep, SpecialProcedure } from '@oneseal/schemas';
import { specialProcedureAnchor } from './specialAnchor';
import type { ChartRoute } from './types';

/** What the chart is drawn from: any Item will do. */
export interface FlowchartInput {
  process: readonly ProcessStep[];
  specialProcedures?: readonly SpecialProcedure[];
  processRoutes?: readonly ProcessRoute[];
}

/** A special procedure with the step it hangs from; `index` is its place in the item's list (its node id). */
export interface AnchoredProcedure {
  procedure: SpecialProcedure;
  index: number;
  anchor?: string;
}

/** One chart to draw: its steps (links outside the chart removed), special procedures and where 办结 is. */
export interface ChartInput {
  route?: ChartRoute;
  process: readonly ProcessStep[];
  specials: readonly AnchoredProcedure[];
  /** Steps whose arrow goes on to the 办结 marker; none when a step already says 办结 (no second 办结). */
  finishFrom: readonly string[];
}

/** The process cannot be drawn: a `next` or branch `to` names no step, or two steps share an id. */
export class FlowchartError extends Error {
  override readonly name = 'FlowchartError';
}

function checkReferences(process: readonly ProcessStep[]): void {
  const ids = new Set<string>();
  for (const step of process) {
    if (ids.has(step.id)) throw new FlowchartError(`流程图：环节编号 "${step.id}" 重复`);
    ids.add(step.id);
  }
  for (const step of process) {
    for (const target of step.next ?? []) {
      if (!ids.has(target))
        throw new FlowchartError(`流程图：环节 "${step.id}" 的后续环节 "${target}" 不存在`);
    }
    for (const branch of step.branches ?? []) {
      if (branch.to !== undefined && !ids.has(branch.to)) {
        throw new FlowchartError(`流程图：环节 "${step.id}" 的分支指向不存在的环节 "${branch.to}"`);
      }
    }
  }
}

/** A step called 办结 (办结, 登记办结, 办结告知…) is the end itself: the chart draws no 办结 marker after it. */
const SAYS_FINISH = '办结';

function finishOf(process: readonly ProcessStep[], finals: readonly ProcessStep[]): string[] {
  return process.some((step) => step.name.includes(SAYS_FINISH)) ? [] : finals.map((step) => step.id);
}

function wholeProcess(process: readonly ProcessStep[], specials: AnchoredProcedure[]): ChartInput {
  const finals = process.filter((step) => (step.next ?? []).length === 0);
  return { process, specials, finishFrom: finishOf(process, finals) };
}

/**
 * The steps of a route, in the route's order. A step keeps its `next` entries and branches that stay on the
 * route (branches that end the process too); a step none of whose `next` entries stays on it leads to the
 * route's following step, which the route says comes next. The route's last step goes on to 办结 — unless
 * the process goes on from it and the route leaves through an ending branch (a 不予受理 route).
 */
function routeChart(
  route: ProcessRoute,
  process: readonly ProcessStep[],
  specials: AnchoredProcedure[],
): ChartInput {
  const byId = new Map(process.map((step) => [step.id, step]));
  const onRoute = new Set(route.steps);
  const steps = route.steps.map((id, index): ProcessStep => {
    const step = byId.get(id);
    if (!step) throw new FlowchartError(`流程图：办理路径 "${route.id}" 的环节 "${id}" 不存在`);
    const kept = (step.next ?? []).filter((target) => onRoute.has(target));
    const following = route.steps[index + 1];
    const derived: ProcessStep = {
      ...step,
      next: kept.length > 0 || following === undefined ? kept : [following],
      branches: (step.branches ?? []).filter((branch) => branch.to === undefined || onRoute.has(branch.to)),
    };
    // The condition on the arrow belongs to the process's own arrows, not to a link the route implies.
    if (kept.length === 0) delete derived.nextLabel;
    return derived;
  });
  const last = steps[steps.length - 1];
  const original = last ? byId.get(last.id) : undefined;
  const leavesByEnding =
    (original?.next ?? []).length > 0 && (last?.branches ?? []).some((branch) => branch.to === undefined);
  const finals = steps.filter((step) => (step.next ?? []).length === 0 && !(step === last && leavesByEnding));
  return {
    route: { name: route.name, ...(route.situation ? { situation: route.situation } : {}) },
    process: steps,
    specials: specials.filter((special) => special.anchor !== undefined && onRoute.has(special.anchor)),
    finishFrom: finishOf(steps, finals),
  };
}

/** The charts of an item: one per process route, or the whole process when it states none. */
export function chartInputs(item: FlowchartInput): ChartInput[] {
  checkReferences(item.process);
  const specials = (item.specialProcedures ?? []).map((procedure, index) => {
    const anchor = specialProcedureAnchor(procedure, item.process);
    return { procedure, index, ...(anchor ? { anchor: anchor.id } : {}) };
  });
  const routes = item.processRoutes ?? [];
  if (routes.length === 0) return [wholeProcess(item.process, specials)];
  return routes.map((route) => routeChart(route, item.process, specials));
}
