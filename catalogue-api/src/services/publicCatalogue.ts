import { createHash } from 'node:crypto';
import type { MetricsReport, Region, ServiceTag } from '@oneseal/schemas';
import { metricsFromTotals, SERVICE_TAGS } from '@oneseal/schemas';
import type { WhereOptions } from 'sequelize';
import { Op } from 'sequelize';
import type { SqlValue } from '../db/driverSelect';
import { driverSelect } from '../db/driverSelect';
import type { RegionRow, SearchTextRow } from '../db/models';
import { badRequest, notFound } from '../http/errors';
import type { MatchRank, SearchQuery } from './search';
import { likeContains, matchRank, PINYIN_QUERY, searchQuery, textsWithTerms } from './search';
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

export type RegionEntry = Omit<RegionRow, 'searchPinyin'>;

export async function requireRegion(store: Store, code: string): Promise<RegionEntry> {
  // The public read paths (region, list, search, item) run on the driver: see driverSelect.
  const [region] = await driverSelect<RegionEntry>(
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
  readonly values: SqlValue[] = [];
  add(sql: string, ...values: SqlValue[]): this {
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

/** Rows after `position` in list order. */
const after = (where: Conditions, [, order, code]: Position) =>
  where.add('(sort_order > ? OR (sort_order = ? AND item_code > ?))', order, order, code);

/**
 * One page of a township's published list, filtered and searched, as the JSON to send, in one statement that
 * reads only the stored summaries (never an item document) and counts the whole list.
 */
export async function listPublishedItems(store: Store, regionCode: string, filters: ItemFilters) {
  const limit = filters.limit ?? 20;
  const where = filterConditions(regionCode, filters);
  const q = filters.q?.trim();
  const position = filters.cursor ? decodeCursor(filters.cursor, Boolean(q)) : undefined;
  if (q) return searchPage(store, regionCode, where, searchQuery(q), position, limit);
  const page = new Conditions().add(where.where, ...where.values);
  if (position) after(page, position);
  // The total is the same for every row of the page: the database counts once, in the same statement.
  const rows = await driverSelect<PageRow>(
    store,
    'SELECT sort_order, item_code, summary, ' +
      `(SELECT COUNT(*) FROM published_items WHERE ${where.where}) AS total ` +
      `FROM published_items WHERE ${page.where} ORDER BY sort_order, item_code LIMIT ?`,
    [...where.values, ...page.values, limit + 1],
  );
  // An empty page (past the end, or nothing found) carries no count.
  const total = rows[0] ? Number(rows[0].total) : await countRows(store, where);
  // Only a township has published rows: the region needs looking up only when nothing was found.
  if (total === 0) return emptyList(store, regionCode);
  return pageText(
    rows.map((r) => ({ rank: 0 as const, ...r })),
    total,
    limit,
    false,
  );
}

/**
 * A search page, in one statement: the township's rows (filtered) whose search text holds every term of the
 * query (the term index), with that text. Which texts hold the whole words, how they rank (exact and prefix
 * name matches first, then list order), the total and the page are worked out here from those rows — as many
 * as the township has matching items, never more.
 */
async function searchPage(
  store: Store,
  regionCode: string,
  where: Conditions,
  query: SearchQuery,
  position: Position | undefined,
  limit: number,
): Promise<PublishedList> {
  const texts = textsWithTerms(query);
  const rows = await driverSelect<Omit<PageRow, 'total'> & Omit<SearchTextRow, 'textKey'>>(
    store,
    'SELECT sort_order, item_code, summary, s.name, s.initials, s.pinyin, s.haystack FROM published_items ' +
      `JOIN search_texts s ON s.text_key = search_key WHERE ${where.where} AND search_key IN (${texts.sql})`,
    [...where.values, ...texts.values],
  );
  const found = rows
    .flatMap((row) => {
      const rank = matchRank(query, row);
      return rank === undefined ? [] : [{ ...row, rank }];
    })
    .sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
  if (found.length === 0) return emptyList(store, regionCode);
  const page = position ? found.filter((row) => comparePositions(positionOf(row), position) > 0) : found;
  return pageText(page.slice(0, limit + 1), found.length, limit, true);
}

type Ranked = Pick<PageRow, 'sort_order' | 'item_code' | 'summary'> & { rank: MatchRank };

const positionOf = (row: Ranked): Position => [row.rank, Number(row.sort_order), row.item_code];

/** Rank, then sort order, then item code (digits only: compared as strings, as the database does). */
function comparePositions(a: Position, b: Position): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** The page of `rows` (one more than `limit` when there are more) and the cursor to the next. */
function pageText(rows: Ranked[], total: number, limit: number, search: boolean): PublishedList {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return listText(
    shown.map((r) => r.summary),
    total,
    rows.length > limit && last ? encodeCursor(positionOf(last), search) : null,
  );
}

interface PageRow {
  sort_order: number;
  item_code: string;
  summary: string;
  total: number;
}

async function countRows(store: Store, where: Conditions): Promise<number> {
  const [counted] = await driverSelect<{ total: number }>(
    store,
    `SELECT COUNT(*) AS total FROM published_items WHERE ${where.where}`,
    where.values,
  );
  return Number(counted?.total ?? 0);
}

/** Nothing found: the empty page of a township (404 or 400 when the code names none). */
async function emptyList(store: Store, regionCode: string): Promise<PublishedList> {
  await requireTownship(store, regionCode);
  return listText([], 0, null);
}

/**
 * The page as JSON: the stored summaries are spliced in as they are, never parsed, and the text is encoded
 * once — the ETag hashes those bytes, and every answer from the micro-cache sends them as they are.
 */
function listText(summaries: string[], total: number, next: string | null): PublishedList {
  const body = Buffer.from(
    `{"items":[${summaries.join(',')}],"total":${total},"next":${JSON.stringify(next)}}`,
  );
  return { body, etag: `"list-${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** A page of the public list, from the micro-cache when this instance answered the same question just now. */
export function publishedListPage(store: Store, regionCode: string, filters: ItemFilters) {
  const key = `${regionCode}?${JSON.stringify([filters.type, filters.tag, filters.object, filters.q?.trim(), filters.cursor, filters.limit])}`;
  return store.publicLists.get(key, () => listPublishedItems(store, regionCode, filters));
}

/**
 * The published item as its stored JSON text (never re-serialised), encoded once to the bytes sent, with its
 * version for ETags.
 */
export function publishedItemText(
  store: Store,
  regionCode: string,
  itemCode: string,
): Promise<PublishedText> {
  return store.publicItems.get(`${regionCode}/${itemCode}`, async () => {
    const [row] = await driverSelect<{ version: number; item: string }>(
      store,
      'SELECT version, item FROM published_items WHERE region_code = ? AND item_code = ?',
      [regionCode, itemCode],
    );
    if (!row)
      throw notFound({
        zh: `乡镇 ${regionCode} 没有已发布的事项 ${itemCode}`,
        en: `No published item ${itemCode} in ${regionCode}`,
      });
    return { version: Number(row.version), body: Buffer.from(row.item) };
  });
}

/**
 * The reform metrics of a township, county or city from the township totals kept at publish
 * (townshipMetrics.ts): one row per township is read, never an item, and the roll-up is summed by the database.
 * Every township in scope is listed, those that publish nothing with zeros.
 */
export function regionMetrics(store: Store, code: string): Promise<MetricsReport> {
  return store.publicMetrics.get(code, () => computeMetrics(store, code));
}

async function computeMetrics(store: Store, code: string): Promise<MetricsReport> {
  const region = await requireRegion(store, code);
  const { townships, sum } = await regionTotals(store, region);
  // A region meets the targets only when every one of its townships publishes and the whole meets them.
  const rollup = metricsFromTotals(sum, { code: region.code, name: region.name });
  return {
    region: { code: region.code, name: region.name, level: region.level },
    townships: townships.map((t) => metricsFromTotals(t, { code: t.regionCode, name: t.name })),
    rollup: { ...rollup, allTargetsMet: rollup.allTargetsMet && townships.every((t) => t.itemCount > 0) },
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
