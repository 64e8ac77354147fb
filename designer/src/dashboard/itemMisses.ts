// Which published items of a township miss which target, by the model's own definitions.
import type { PublicItemPage, ResolvedItem, TimeLimit } from '@oneseal/schemas';
import {
  aggregateMetrics,
  codeLabel,
  formatTimeLimit,
  isAtMostOneVisit,
  isOnlineAvailable,
  toWorkdays,
} from '@oneseal/schemas';
import { api } from '../api';
import type { MetricKey, ShareKey } from './metricsData';

/** What an item states of an element, or “未载明”: an unstated element misses its target but is never guessed. */
export const UNSTATED = '未载明';

export interface ItemStanding {
  code: string;
  name: string;
  visits: string;
  online: string;
  inHall: string;
  promised: string;
  statutory: string;
  /**
   * Promised ÷ statutory in working days, as the model's metrics count it (1 when the statutory limit is 即办);
   * null when the item does not state both limits in days.
   */
  ratio: number | null;
  /** The targets this item misses; `promisedRatio` when its limit is not shortened at all. */
  misses: MetricKey[];
}

/** One item against the targets: `aggregateMetrics` of the item alone, so the definitions are the model's. */
const limitText = (limit: TimeLimit | undefined) => (limit ? formatTimeLimit(limit) : UNSTATED);

export function standing(item: ResolvedItem): ItemStanding {
  const alone = aggregateMetrics([item], { code: item.code, name: item.name });
  const misses: MetricKey[] = [];
  if (!isAtMostOneVisit(item)) misses.push('atMostOneVisit');
  if (!isOnlineAvailable(item)) misses.push('online');
  if (item.inHall !== true) misses.push('inHall');
  const ratio = alone.meanPromisedRatio;
  // The check's rule quality.promise-shortened: a statutory limit that could be cut and was not.
  if ((toWorkdays(item.statutoryLimit) ?? 0) > 0 && ratio !== null && ratio >= 1)
    misses.push('promisedRatio');
  const depth = item.online?.depth ? codeLabel('OnlineDepth', item.online.depth) : undefined;
  return {
    code: item.code,
    name: item.name,
    visits: item.visits === undefined ? UNSTATED : `${item.visits} 次`,
    online: !item.online
      ? UNSTATED
      : !item.online.available
        ? '不支持'
        : (depth ?? '可网上办理（未注明深度）'),
    inHall: item.inHall === undefined ? UNSTATED : item.inHall ? '是' : '否',
    promised: limitText(item.promisedLimit),
    statutory: limitText(item.statutoryLimit),
    ratio,
    misses,
  };
}

/** How many requests for whole items run at once. */
const PARALLEL = 6;

async function eachLimited<T, R>(list: readonly T[], work: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      results[index] = await work(list[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
  return results;
}

/** Every published item of the township, whole (the list gives no 进驻大厅 nor 网办深度), against the targets. */
export async function loadStandings(township: string): Promise<ItemStanding[]> {
  const codes: string[] = [];
  let cursor: string | null = null;
  do {
    const page: PublicItemPage = await api.get('/public/regions/:code/items', {
      params: { code: township },
      query: { limit: 100, cursor: cursor ?? undefined },
    });
    codes.push(...page.items.map((i) => i.code));
    cursor = page.next;
  } while (cursor);
  const items = await eachLimited(codes, (code) =>
    api.get('/public/regions/:code/items/:itemCode', { params: { code: township, itemCode: code } }),
  );
  return items.map(standing);
}

export const missesTarget = (s: ItemStanding, key: ShareKey | 'promisedRatio') => s.misses.includes(key);
