import { createHash } from 'node:crypto';
import type { MetricsReport, Region, ServiceTag } from '@oneseal/schemas';
import { metricsFromTotals, SERVICE_TAGS } from '@oneseal/schemas';
import type { WhereOptions } from 'sequelize';
import { Op, QueryTypes } from 'sequelize';
import type { RegionRow } from '../db/models';
import { badRequest, notFound } from '../http/errors';
import type { MatchRank } from './search';
import { likeContains, matchSearchTexts, PINYIN_QUERY } from './search';
import type { PublishedList, PublishedText, Store } from './store';
import { regionTotals } from './townshipMetrics';

export interface ItemFilters {
  type?: string;
  tag?: string;
  object?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

// Filters are stored columns (written at publish by publishedIndex.ts).
const TAG_COLUMNS: Record<ServiceTag, string> = {
  马上办: 'tag_immediate',
  网上办: 'tag_online',
  就近办: 'tag_nearby',
  一次办: 'tag_one_visit',
};
const OBJECT_COLUMNS: Record<string, string> = {
  自然人: 'object_natural',
  法人: 'object_legal',
};

/**
 * The public read paths (region, list, search, item) are plain SQL through Sequelize's query(): on the hottest
 * routes building queries and rows with the ORM cost several times the statements themselves (bench/api).
 */
function select<T extends object>(store: Store, sql: string, replacements: unknown[]): Promise<T[]> {
  return store.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, raw: true });
}

export type RegionEntry = Omit<RegionRow, 'searchPinyin'>;

export async function requireRegion(store: Store, code: string): Promise<RegionEntry> {
  const [region] = await select<RegionEntry>(
    store,
    'SELECT code, name, level, parent_code AS parentCode FROM regions WHERE code = ?',
    [code],
  );
  if (!region) throw notFound({ zh: `没有行政区划 ${code}`, en: `No region ${code}` });
  return region;
}

async function requireTownship(store: Store, code: string): Promise<RegionEntry> {
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

/** A WHERE clause being built: SQL conditions and their values, in order. */
class Conditions {
  readonly sql: string[] = [];
  readonly values: unknown[] = [];
  add(sql: string, ...values: unknown[]): this {
    this.sql.push(sql);
    this.values.push(...values);
    return this;
  }
  get where(): string {
    return this.sql.join(' AND ');
  }
}

function column(table: Record<string, string>, value: string, path: string, allowed: string): string {
  const name = Object.hasOwn(table, value) ? table[value] : undefined;
  if (!name)
    throw badRequest({ zh: path === '/tag' ? '标签无效' : '服务对象无效', en: `Invalid ${path.slice(1)}` }, [
      { path, message: allowed },
    ]);
  return name;
}

function filterConditions(regionCode: string, filters: ItemFilters): Conditions {
  const where = new Conditions().add('region_code = ?', regionCode);
  if (filters.type) where.add('type = ?', filters.type);
  if (filters.tag)
    where.add(`${column(TAG_COLUMNS, filters.tag, '/tag', `应为以下之一：${SERVICE_TAGS.join('、')}`)} = 1`);
  if (filters.object)
    where.add(`${column(OBJECT_COLUMNS, filters.object, '/object', '应为“自然人”或“法人”')} = 1`);
  return where;
}

/** Search keys grouped by rank, best first. */
const byRank = (matches: Map<string, MatchRank>) =>
  ([0, 1, 2] as const).map((rank) => [...matches].filter(([, r]) => r === rank).map(([key]) => key));

/** Rows after `position`: later ranks whole, and within its rank those after it in list order. */
function after(where: Conditions, position: Position, ranks?: string[][]): void {
  const [rank, order, code] = position;
  const inList = '(sort_order > ? OR (sort_order = ? AND item_code > ?))';
  if (!ranks) {
    where.add(inList, order, order, code);
    return;
  }
  const later = ranks.slice(rank + 1).flat();
  const same = ranks[rank]!;
  if (same.length === 0 && later.length === 0) where.add('1 = 0');
  else if (later.length === 0) where.add(`search_key IN (?) AND ${inList}`, same, order, order, code);
  else if (same.length === 0) where.add('search_key IN (?)', later);
  else where.add(`(search_key IN (?) OR (search_key IN (?) AND ${inList}))`, later, same, order, order, code);
}

/** ORDER BY the match rank: the few exact and prefix matches are named, everything else ranks last. */
function rankOrder(ranks: string[][] | undefined): { sql: string; values: unknown[] } {
  if (!ranks || (ranks[0]!.length === 0 && ranks[1]!.length === 0)) return { sql: '', values: [] };
  const named = ([0, 1] as const).filter((rank) => ranks[rank]!.length > 0);
  return {
    sql: `CASE ${named.map((rank) => `WHEN search_key IN (?) THEN ${rank}`).join(' ')} ELSE 2 END, `,
    values: named.map((rank) => ranks[rank]),
  };
}

/**
 * One page of a township's published list, filtered and searched, as the JSON text to send. Reads only the
 * stored summaries (never an item document); a search goes through the term index (search.ts), exact and
 * prefix name matches first, then list order.
 */
export async function listPublishedItems(store: Store, regionCode: string, filters: ItemFilters) {
  const limit = filters.limit ?? 20;
  const where = filterConditions(regionCode, filters);
  const q = filters.q?.trim();
  let ranks: string[][] | undefined;
  if (q) {
    const matches = await matchSearchTexts(store, q);
    ranks = byRank(matches);
    if (matches.size > 0) where.add('search_key IN (?)', [...matches.keys()]);
    else where.add('1 = 0');
  }
  const search = ranks !== undefined;
  const page = new Conditions().add(where.where, ...where.values);
  if (filters.cursor) after(page, decodeCursor(filters.cursor, search), ranks);
  const order = rankOrder(ranks);
  // The count and the page are independent statements: on MySQL they run side by side on two connections.
  const [[counted], rows] = await Promise.all([
    select<{ total: number }>(
      store,
      `SELECT COUNT(*) AS total FROM published_items WHERE ${where.where}`,
      where.values,
    ),
    select<{ sort_order: number; item_code: string; summary: string; search_key: string }>(
      store,
      `SELECT sort_order, item_code, summary, search_key FROM published_items WHERE ${page.where} ` +
        `ORDER BY ${order.sql}sort_order, item_code LIMIT ?`,
      [...page.values, ...order.values, limit + 1],
    ),
  ]);
  const total = Number(counted?.total ?? 0);
  // Only a township has published rows: the region needs looking up only when nothing was found.
  if (total === 0) await requireTownship(store, regionCode);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const rank = (key: string) => ranks?.findIndex((keys) => keys.includes(key)) ?? 0;
  return listText(
    shown.map((r) => r.summary),
    total,
    more && last
      ? encodeCursor([rank(last.search_key), Number(last.sort_order), last.item_code], search)
      : null,
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
    const [row] = await select<{ version: number; item: string }>(
      store,
      'SELECT version, item FROM published_items WHERE region_code = ? AND item_code = ?',
      [regionCode, itemCode],
    );
    if (!row)
      throw notFound({
        zh: `乡镇 ${regionCode} 没有已发布的事项 ${itemCode}`,
        en: `No published item ${itemCode} in ${regionCode}`,
      });
    return { version: Number(row.version), text: row.item };
  });
}

/**
 * The reform metrics of a township, county or city from the township totals kept at publish
 * (townshipMetrics.ts): one row per township is read, never an item, and the roll-up is summed by the database.
 */
export function regionMetrics(store: Store, code: string): Promise<MetricsReport> {
  return store.publicMetrics.get(code, () => computeMetrics(store, code));
}

async function computeMetrics(store: Store, code: string): Promise<MetricsReport> {
  const region = await requireRegion(store, code);
  const { townships, sum } = await regionTotals(store, region);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    townships: townships.map((t) => metricsFromTotals(t, { code: t.regionCode, name: t.name })),
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
  // The city has no parent: the model's Region leaves parentCode out rather than null.
  return rows.map((r): Region => ({
    code: r.code,
    name: r.name,
    level: r.level,
    ...(r.parentCode ? { parentCode: r.parentCode } : {}),
  }));
}
