import type { Item, RegionMetrics, Share } from './generated/types';
import { assessCompleteness } from './completeness';
import { isAtMostOneVisit, isOnlineAvailable } from './tags';
import { toWorkdays } from './timeLimit';

/** The reform's targets (桂林市“乡镇一枚印章管审批”试点方案). */
export const REFORM_TARGETS = { atMostOneVisit: 0.9, online: 0.8, inHall: 1 } as const;

function share(count: number, total: number, target: number): Share {
  const value = total === 0 ? 0 : count / total;
  return { count, share: value, target, met: total > 0 && value >= target };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

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

const defined = (values: readonly (number | undefined)[]) =>
  values.filter((v): v is number => v !== undefined);

/** The metrics of any set of items taken as one region (a township, or a county or the city as a roll-up). */
export function aggregateMetrics(
  items: readonly Item[],
  region: { code: string; name: string },
): RegionMetrics {
  const n = items.length;
  const atMostOneVisit = share(items.filter(isAtMostOneVisit).length, n, REFORM_TARGETS.atMostOneVisit);
  const online = share(items.filter(isOnlineAvailable).length, n, REFORM_TARGETS.online);
  const inHall = share(items.filter((i) => i.inHall === true).length, n, REFORM_TARGETS.inHall);
  const ratios = defined(items.map(promisedRatio));
  return {
    regionCode: region.code,
    regionName: region.name,
    itemCount: n,
    atMostOneVisit,
    online,
    inHall,
    meanPromisedRatio: mean(ratios),
    promisedRatioCount: ratios.length,
    meanMaterials: mean(items.map((i) => i.materials.length)),
    meanCompleteness: mean(items.map((i) => assessCompleteness(i).score)),
    allTargetsMet: atMostOneVisit.met && online.met && inHall.met,
  };
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
