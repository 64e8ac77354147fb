import type { Item, RegionMetrics, Share } from './generated/types';
import { assessCompleteness } from './completeness';
import { isAtMostOneVisit, isOnlineAvailable } from './tags';
import { toWorkdays } from './timeLimit';

/** The reform's targets (桂林市“乡镇一枚印章管审批”试点方案). */
export const REFORM_TARGETS = { atMostOneVisit: 0.9, online: 0.8, inHall: 1 } as const;

/**
 * What a set of items adds up to: counts and sums only, so the figures of any set are the sum of its parts —
 * a database keeps them per township as items are published and withdrawn, and adds townships up for a county
 * or the city. Ratios are summed in millionths (whole numbers), so sums are exact in any database.
 */
export interface MetricTotals {
  itemCount: number;
  atMostOneVisit: number;
  online: number;
  inHall: number;
  /** Sum of promised ÷ statutory over the items that state both in days, in millionths. */
  ratioSum: number;
  /** How many items state both limits in days (the others have no ratio: not counted, rather than guessed). */
  ratioCount: number;
  materialsSum: number;
  materialsCount: number;
  /** Sum of the items' completeness scores, in millionths (every item has one: the mean is over itemCount). */
  completenessSum: number;
}

export const NO_TOTALS: MetricTotals = {
  itemCount: 0,
  atMostOneVisit: 0,
  online: 0,
  inHall: 0,
  ratioSum: 0,
  ratioCount: 0,
  materialsSum: 0,
  materialsCount: 0,
  completenessSum: 0,
};

/**
 * Promised ÷ statutory; an item whose statutory limit is itself 即办 has nothing to cut and counts as 1. An
 * item that does not state both limits in days has no ratio (it is not counted, rather than guessed).
 */
function promisedRatio(item: Item): number | undefined {
  const statutory = toWorkdays(item.statutoryLimit);
  const promised = toWorkdays(item.promisedLimit);
  if (statutory === undefined || promised === undefined) return undefined;
  return statutory === 0 ? 1 : promised / statutory;
}

/** One item's share of the totals. */
export function itemTotals(item: Item): MetricTotals {
  const ratio = promisedRatio(item);
  return {
    itemCount: 1,
    atMostOneVisit: isAtMostOneVisit(item) ? 1 : 0,
    online: isOnlineAvailable(item) ? 1 : 0,
    inHall: item.inHall ? 1 : 0,
    ratioSum: ratio === undefined ? 0 : Math.round(ratio * 1e6),
    ratioCount: ratio === undefined ? 0 : 1,
    materialsSum: item.materials.length,
    materialsCount: 1,
    completenessSum: Math.round(assessCompleteness(item).score * 1e6),
  };
}

export function addTotals(a: MetricTotals, b: MetricTotals): MetricTotals {
  return {
    itemCount: a.itemCount + b.itemCount,
    atMostOneVisit: a.atMostOneVisit + b.atMostOneVisit,
    online: a.online + b.online,
    inHall: a.inHall + b.inHall,
    ratioSum: a.ratioSum + b.ratioSum,
    ratioCount: a.ratioCount + b.ratioCount,
    materialsSum: a.materialsSum + b.materialsSum,
    materialsCount: a.materialsCount + b.materialsCount,
    completenessSum: a.completenessSum + b.completenessSum,
  };
}

function share(count: number, total: number, target: number): Share {
  const value = total === 0 ? 0 : count / total;
  return { count, share: value, target, met: total > 0 && value >= target };
}

/** The metrics of a region from its totals (a township, or a county or the city as a roll-up). */
export function metricsFromTotals(
  totals: MetricTotals,
  region: { code: string; name: string },
): RegionMetrics {
  const n = totals.itemCount;
  const atMostOneVisit = share(totals.atMostOneVisit, n, REFORM_TARGETS.atMostOneVisit);
  const online = share(totals.online, n, REFORM_TARGETS.online);
  const inHall = share(totals.inHall, n, REFORM_TARGETS.inHall);
  return {
    regionCode: region.code,
    regionName: region.name,
    itemCount: n,
    atMostOneVisit,
    online,
    inHall,
    meanPromisedRatio: totals.ratioCount === 0 ? null : totals.ratioSum / totals.ratioCount / 1e6,
    promisedRatioCount: totals.ratioCount,
    meanMaterials: totals.materialsCount === 0 ? null : totals.materialsSum / totals.materialsCount,
    meanCompleteness: n === 0 ? null : totals.completenessSum / n / 1e6,
    allTargetsMet: atMostOneVisit.met && online.met && inHall.met,
  };
}

/** The metrics of any set of items taken as one region (a township, or a county or the city as a roll-up). */
export function aggregateMetrics(
  items: readonly Item[],
  region: { code: string; name: string },
): RegionMetrics {
  return metricsFromTotals(items.map(itemTotals).reduce(addTotals, NO_TOTALS), region);
}

/** Per township: the metrics of each township's items, in order of township code (items of no township are left out). */
export function metrics(items: readonly Item[]): RegionMetrics[] {
  const byTownship = new Map<string, Item[]>();
  for (const item of items) {
    if (item.regionCode === undefined) continue;
    const list = byTownship.get(item.regionCode) ?? [];
    list.push(item);
    byTownship.set(item.regionCode, list);
  }
  return [...byTownship.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => aggregateMetrics(list, { code, name: list[0]!.regionName ?? code }));
}
