import type { Item, RegionMetrics, Share } from './generated/types';
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

/** Promised ÷ statutory; an item whose statutory limit is itself 即办 (0) has nothing to cut and counts as 1. */
function promisedRatio(item: Item): number {
  const statutory = toWorkdays(item.statutoryLimit);
  return statutory === 0 ? 1 : toWorkdays(item.promisedLimit) / statutory;
}

/** The metrics of any set of items taken as one region (a township, or a county or the city as a roll-up). */
export function aggregateMetrics(
  items: readonly Item[],
  region: { code: string; name: string },
): RegionMetrics {
  const n = items.length;
  const atMostOneVisit = share(items.filter(isAtMostOneVisit).length, n, REFORM_TARGETS.atMostOneVisit);
  const online = share(items.filter(isOnlineAvailable).length, n, REFORM_TARGETS.online);
  const inHall = share(items.filter((i) => i.inHall).length, n, REFORM_TARGETS.inHall);
  return {
    regionCode: region.code,
    regionName: region.name,
    itemCount: n,
    atMostOneVisit,
    online,
    inHall,
    meanPromisedRatio: mean(items.map(promisedRatio)),
    meanMaterials: mean(items.map((i) => i.materials.length)),
    allTargetsMet: atMostOneVisit.met && online.met && inHall.met,
  };
}

/** Per township: the metrics of each township's items, in order of township code. */
export function metrics(items: readonly Item[]): RegionMetrics[] {
  const byTownship = new Map<string, Item[]>();
  for (const item of items) {
    const list = byTownship.get(item.regionCode) ?? [];
    list.push(item);
    byTownship.set(item.regionCode, list);
  }
  return [...byTownship.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => aggregateMetrics(list, { code, name: list[0]!.regionName }));
}
