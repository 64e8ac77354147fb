import { createHash } from 'node:crypto';
import type { RegionMetrics, ServiceTag } from '@oneseal/schemas';
import { metricsFromTotals, regionCodePrefix, SERVICE_TAGS } from '@oneseal/schemas';
import type { WhereOptions } from 'sequelize';
import { literal, Op } from 'sequelize';
import type { PublishedItemRow, RegionRow, TownshipMetricsRow } from '../db/models';
import { badRequest, notFound } from '../http/errors';
import type { MatchRank } from './search';
import { likeContains, matchSearchTexts, PINYIN_QUERY } from './search';
import type { PublishedList, PublishedText, Store } from './store';
import { sumOfTownships, townshipTotals } from './townshipMetrics';

type Literal = ReturnType<typeof literal>;

export interface ItemFilters {
  type?: string;
  tag?: string;
  object?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

const TAG_COLUMNS: Record<ServiceTag, keyof PublishedItemRow> = {
  马上办: 'tagImmediate',
  网上办: 'tagOnline',
  就近办: 'tagNearby',
  一次办: 'tagOneVisit',
};
const OBJECT_COLUMNS: Record<string, keyof PublishedItemRow> = {
  自然人: 'objectNatural',
  法人: 'objectLegal',
};

export async function requireRegion(store: Store, code: string): Promise<RegionRow> {
  const region = await store.models.Region.findByPk(code);
  if (!region) throw notFound({ zh: `没有行政区划 ${code}`, en: `No region ${code}` });
  return region;
}

async function requireTownship(store: Store, code: string): Promise<RegionRow> {
  const region = await requireRegion(store, code);
  if (region.level !== 'township')
    throw badRequest({ zh: `${region.name} 不是乡镇（街道）`, en: `${region.name} is not a township` }, [
      { path: '/code', message: '应为 9 位乡镇（街道）代码' },
    ]);
  return region;
}

/**
 * Keyset cursor: the position of the last item of the previous page — (sort order, item code) in a list,
 * (match rank, sort order, item code) in a search.
 */
type Position = [rank: number, sortOrder: number, itemCode: string];

const encodeCursor = (position: Position, search: boolean) =>
  Buffer.from(JSON.stringify(search ? position : position.slice(1))).toString('base64url');

function decodeCursor(cursor: string, search: boolean): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const position = Array.isArray(value) && !search ? [0, ...value] : value;
    // Ranks and sort orders are whole numbers: anything else (1e400 parses as Infinity) is a forged cursor.
    if (
      Array.isArray(position) &&
      position.length === 3 &&
      [0, 1, 2].includes(position[0]) &&
      Number.isSafeInteger(position[1]) &&
      typeof position[2] === 'string'
    )
      return position as Position;
  } catch {
    // fall through to the error below
  }
  throw badRequest({ zh: '分页游标无效', en: 'Invalid cursor' }, [
    { path: '/cursor', message: '分页游标无效，请从第一页重新开始' },
  ]);
}

function filterConditions(filters: ItemFilters): WhereOptions<PublishedItemRow>[] {
  const where: WhereOptions<PublishedItemRow>[] = [];
  if (filters.type) where.push({ type: filters.type });
  if (filters.tag) {
    const column = Object.hasOwn(TAG_COLUMNS, filters.tag)
      ? TAG_COLUMNS[filters.tag as ServiceTag]
      : undefined;
    if (!column)
      throw badRequest({ zh: '标签无效', en: 'Unknown tag' }, [
        { path: '/tag', message: `应为以下之一：${SERVICE_TAGS.join('、')}` },
      ]);
    where.push({ [column]: true });
  }
  if (filters.object) {
    const column = Object.hasOwn(OBJECT_COLUMNS, filters.object) ? OBJECT_COLUMNS[filters.object] : undefined;
    if (!column)
      throw badRequest({ zh: '服务对象无效', en: 'Unknown service object' }, [
        { path: '/object', message: '应为“自然人”或“法人”' },
      ]);
    where.push({ [column]: true });
  }
  return where;
}

/** Search keys grouped by rank, best first. */
const byRank = (matches: Map<string, MatchRank>) =>
  ([0, 1, 2] as const).map((rank) => [...matches].filter(([, r]) => r === rank).map(([key]) => key));

/** Rows after `position`: later ranks whole, and within its rank those after it in list order. */
function after(position: Position, ranks?: string[][]): WhereOptions<PublishedItemRow> {
  const [rank, order, code] = position;
  const inList: WhereOptions<PublishedItemRow> = {
    [Op.or]: [{ sortOrder: { [Op.gt]: order } }, { sortOrder: order, itemCode: { [Op.gt]: code } }],
  };
  if (!ranks) return inList;
  const later = ranks.slice(rank + 1).flat();
  return {
    [Op.or]: [
      ...(later.length > 0 ? [{ searchKey: { [Op.in]: later } }] : []),
      { [Op.and]: [{ searchKey: { [Op.in]: ranks[rank]! } }, inList] },
    ],
  };
}

/**
 * One page of a township's published list, filtered and searched, as the JSON text to send. Reads only the
 * stored summaries (never an item document); a search goes through the term index (search.ts), exact and
 * prefix name matches first, then list order.
 */
export async function listPublishedItems(store: Store, regionCode: string, filters: ItemFilters) {
  await requireTownship(store, regionCode);
  const limit = filters.limit ?? 20;
  const where: WhereOptions<PublishedItemRow>[] = [{ regionCode }, ...filterConditions(filters)];
  const q = filters.q?.trim();
  let ranks: string[][] | undefined;
  if (q) {
    const matches = await matchSearchTexts(store, q);
    if (matches.size === 0) return listText([], 0, null);
    ranks = byRank(matches);
    where.push({ searchKey: { [Op.in]: [...matches.keys()] } });
  }
  const search = ranks !== undefined;
  const total = await store.models.PublishedItem.count({ where: { [Op.and]: where } });
  const page = [...where];
  if (filters.cursor) page.push(after(decodeCursor(filters.cursor, search), ranks));
  const rankOf = rankExpression(store, ranks);
  const rows = await store.models.PublishedItem.findAll({
    where: { [Op.and]: page },
    attributes: ['sortOrder', 'itemCode', 'summary', ...(ranks ? ['searchKey' as const] : [])],
    order: [
      ...(rankOf ? [[rankOf, 'ASC'] as [Literal, string]] : []),
      ['sortOrder', 'ASC'],
      ['itemCode', 'ASC'],
    ],
    limit: limit + 1,
  });
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const rank = (key: string) => ranks?.findIndex((keys) => keys.includes(key)) ?? 0;
  return listText(
    shown.map((r) => r.summary),
    total,
    more && last ? encodeCursor([rank(last.searchKey), last.sortOrder, last.itemCode], search) : null,
  );
}

/** ORDER BY the match rank: the few exact and prefix matches are named, everything else ranks last. */
function rankExpression(store: Store, ranks: string[][] | undefined): Literal | undefined {
  if (!ranks || (ranks[0]!.length === 0 && ranks[1]!.length === 0)) return undefined;
  const list = (keys: string[]) =>
    keys.length > 0 ? keys.map((k) => store.sequelize.escape(k)).join(', ') : 'NULL';
  return literal(
    `CASE WHEN search_key IN (${list(ranks[0]!)}) THEN 0 WHEN search_key IN (${list(ranks[1]!)}) THEN 1 ELSE 2 END`,
  );
}

/** The page as JSON text: the stored summaries are spliced in as they are, never parsed. */
function listText(summaries: string[], total: number, next: string | null): PublishedList {
  const text = `{"items":[${summaries.join(',')}],"total":${total},"next":${JSON.stringify(next)}}`;
  return { text, etag: `"list-${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` };
}

/** A page of the public list, from the micro-cache when this instance answered the same question just now. */
export function publishedListPage(store: Store, regionCode: string, filters: ItemFilters) {
  const key = `${regionCode}?${JSON.stringify([filters.type, filters.tag, filters.object, filters.q?.trim(), filters.cursor, filters.limit])}`;
  return store.publicLists.get(key, () => listPublishedItems(store, regionCode, filters));
}

/** The published item as stored JSON text (never re-serialised), with its version for ETags. */
export function publishedItemText(
  store: Store,
  regionCode: string,
  itemCode: string,
): Promise<PublishedText> {
  return store.publicItems.get(`${regionCode}/${itemCode}`, async () => {
    const row = await store.models.PublishedItem.findOne({
      where: { regionCode, itemCode },
      attributes: ['version', 'item'],
    });
    if (!row)
      throw notFound({
        zh: `乡镇 ${regionCode} 没有已发布的事项 ${itemCode}`,
        en: `No published item ${itemCode} in ${regionCode}`,
      });
    return { version: row.version, text: row.item };
  });
}

export interface MetricsReport {
  region: { code: string; name: string; level: string };
  /** One entry per township with published items. */
  townships: RegionMetrics[];
  /** All those townships taken together (the township itself for a township). */
  rollup: RegionMetrics;
}

/**
 * The reform metrics of a township, county or city from the township totals kept at publish
 * (townshipMetrics.ts): one row per township is read, never an item, and the roll-up is summed by the database.
 */
export async function regionMetrics(store: Store, code: string): Promise<MetricsReport> {
  const region = await requireRegion(store, code);
  const where: WhereOptions<TownshipMetricsRow> = {
    regionCode: region.level === 'township' ? code : { [Op.like]: `${regionCodePrefix(code)}%` },
    itemCount: { [Op.gt]: 0 },
  };
  const [rows, sum] = await Promise.all([townshipTotals(store, where), sumOfTownships(store, where)]);
  const names = new Map(
    (
      await store.models.Region.findAll({
        where: { code: { [Op.in]: rows.map((r) => r.regionCode) } },
        attributes: ['code', 'name'],
        raw: true,
      })
    ).map((r) => [r.code, r.name]),
  );
  return {
    region: { code: region.code, name: region.name, level: region.level },
    townships: rows.map((r) =>
      metricsFromTotals(r, { code: r.regionCode, name: names.get(r.regionCode) ?? r.regionCode }),
    ),
    rollup: metricsFromTotals(sum, { code: region.code, name: region.name }),
  };
}

export async function listRegions(store: Store, filters: { parent?: string; level?: string; q?: string }) {
  const where: WhereOptions<RegionRow>[] = [];
  if (filters.parent) where.push({ parentCode: filters.parent });
  if (filters.level) where.push({ level: filters.level });
  const q = filters.q?.trim().toLowerCase();
  if (q)
    where.push(
      PINYIN_QUERY.test(q)
        ? { searchPinyin: { [Op.like]: likeContains(q) } }
        : { name: { [Op.like]: likeContains(q) } },
    );
  const rows = await store.models.Region.findAll({
    where: { [Op.and]: where },
    order: [['code', 'ASC']],
    limit: 500,
  });
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
}
