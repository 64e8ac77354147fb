// The dashboard's figures: the API's RegionMetrics, counties rolled up from their townships, and formatting.
import type { RegionMetrics, Share } from '@oneseal/schemas';
import { REFORM_TARGETS } from '@oneseal/schemas';

export type { MetricsReport } from '@oneseal/schemas';

export type ShareKey = 'atMostOneVisit' | 'online' | 'inHall';
export type MetricKey = ShareKey | 'promisedRatio';

export interface MetricInfo {
  key: MetricKey;
  label: string;
  /** The target as the reform states it, for headings and tooltips. */
  goal: string;
  /** What the figure means, in a sentence. */
  meaning: string;
}

export const SHARE_KEYS: readonly ShareKey[] = ['atMostOneVisit', 'online', 'inHall'];

export const METRICS: Record<MetricKey, MetricInfo> = {
  atMostOneVisit: {
    key: 'atMostOneVisit',
    label: '最多跑一次',
    goal: `≥ ${REFORM_TARGETS.atMostOneVisit * 100}%`,
    meaning: '到办事现场不超过 1 次的事项占比',
  },
  online: {
    key: 'online',
    label: '网上可办',
    goal: `≥ ${REFORM_TARGETS.online * 100}%`,
    meaning: '网办深度达到Ⅱ级（网上收件、预审）及以上的事项占比',
  },
  inHall: {
    key: 'inHall',
    label: '进驻大厅',
    goal: `${REFORM_TARGETS.inHall * 100}%`,
    meaning: '进驻政务服务大厅的事项占比（应进必进）',
  },
  promisedRatio: {
    key: 'promisedRatio',
    label: '承诺/法定时限',
    goal: '越小越好',
    meaning: '承诺办结时限 ÷ 法定办结时限的平均值（按工作日），1 表示未压缩',
  },
};

function combineShare(list: readonly RegionMetrics[], key: ShareKey, total: number): Share {
  const count = list.reduce((sum, m) => sum + m[key].count, 0);
  const value = total === 0 ? 0 : count / total;
  const target = REFORM_TARGETS[key];
  return { count, share: value, target, met: total > 0 && value >= target };
}

/** The mean over the regions' items, from each region's mean and the number of items it was taken over. */
function combineMean(
  list: readonly RegionMetrics[],
  key: 'meanPromisedRatio' | 'meanMaterials' | 'meanCompleteness',
  weight: (m: RegionMetrics) => number,
) {
  const total = list.reduce((sum, m) => sum + weight(m), 0);
  if (total === 0) return null;
  return list.reduce((sum, m) => sum + (m[key] ?? 0) * weight(m), 0) / total;
}

/**
 * Several regions' metrics taken as one (a county from its townships): the same figures `aggregateMetrics` gives
 * for all their items together — counts add up, shares and means are recomputed over the items.
 */
export function combineMetrics(
  list: readonly RegionMetrics[],
  region: { code: string; name: string },
): RegionMetrics {
  const total = list.reduce((sum, m) => sum + m.itemCount, 0);
  const atMostOneVisit = combineShare(list, 'atMostOneVisit', total);
  const online = combineShare(list, 'online', total);
  const inHall = combineShare(list, 'inHall', total);
  return {
    regionCode: region.code,
    regionName: region.name,
    itemCount: total,
    atMostOneVisit,
    online,
    inHall,
    meanPromisedRatio: combineMean(list, 'meanPromisedRatio', (m) => m.promisedRatioCount),
    promisedRatioCount: list.reduce((sum, m) => sum + m.promisedRatioCount, 0),
    meanMaterials: combineMean(list, 'meanMaterials', (m) => m.itemCount),
    meanCompleteness: combineMean(list, 'meanCompleteness', (m) => m.itemCount),
    // A township that publishes nothing cannot meet the targets, and neither can a county that has one.
    allTargetsMet: atMostOneVisit.met && online.met && inHall.met && list.every((m) => m.itemCount > 0),
  };
}

/** How many of the townships publish anything: the share the reform needs at 100 %. */
export function publishing(townships: readonly RegionMetrics[]): { count: number; total: number } {
  return { count: townships.filter((t) => t.itemCount > 0).length, total: townships.length };
}

/** "3/9（33%）" */
export const publishingText = ({ count, total }: { count: number; total: number }) =>
  `${count}/${total}（${total === 0 ? '—' : percent(count / total)}）`;

/** An empty entry for a region without published items: shown in the table as not meeting, left out of the charts. */
export const emptyMetrics = (region: { code: string; name: string }) => combineMetrics([], region);

export const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
export const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));
/** The mean share of the national element set the items state: what the guides leave unstated shows here. */
export const completenessText = (value: number | null) => (value === null ? '—' : percent(value));

/** "95.2%（40/42）" */
export const shareText = (share: Share, total: number) =>
  `${percent(share.share)}（${share.count}/${total}）`;
