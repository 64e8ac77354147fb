import type { Item, RegionMetrics, ResolvedItem, ServiceTag } from '@oneseal/schemas';
import { aggregateMetrics, metrics, SERVICE_TAGS, serviceTags } from '@oneseal/schemas';
import type { WhereOptions } from 'sequelize';
import { Op } from 'sequelize';
import type { PublishedItemRow, RegionRow } from '../db/models';
import { badRequest, notFound } from '../http/errors';
import { likeContains, PINYIN_QUERY } from './search';
import type { PublishedText, Store } from './store';

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

// Keyset cursor: the (sort order, item code) of the last item of the previous page.
const encodeCursor = (row: Pick<PublishedItemRow, 'sortOrder' | 'itemCode'>) =>
  Buffer.from(JSON.stringify([row.sortOrder, row.itemCode])).toString('base64url');

function decodeCursor(cursor: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Sort orders are whole numbers: anything else (1e400 parses as Infinity) is a forged cursor.
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string')
      return [value[0] as number, value[1]];
  } catch {
    // fall through to the error below
  }
  throw badRequest({ zh: '分页游标无效', en: 'Invalid cursor' }, [
    { path: '/cursor', message: '分页游标无效，请从第一页重新开始' },
  ]);
}

/** A line of the public list: what the item states of these elements; an unstated one is left out. */
export interface ItemSummary {
  code: string;
  name: string;
  type?: string;
  version: number;
  tags: ServiceTag[];
  serviceObjects?: string[];
  promisedLimit?: Item['promisedLimit'];
  statutoryLimit?: Item['statutoryLimit'];
  handlingLimit?: Item['handlingLimit'];
  visits?: number;
  online?: boolean;
  implementingBody?: string;
}

function summary(item: ResolvedItem): ItemSummary {
  return {
    code: item.code,
    name: item.name,
    type: item.type,
    version: item.version,
    tags: serviceTags(item),
    serviceObjects: item.serviceObjects,
    promisedLimit: item.promisedLimit,
    statutoryLimit: item.statutoryLimit,
    handlingLimit: item.handlingLimit,
    visits: item.visits,
    online: item.online?.available,
    implementingBody: item.implementingBody?.name,
  };
}

export async function listPublishedItems(store: Store, regionCode: string, filters: ItemFilters) {
  await requireTownship(store, regionCode);
  const limit = filters.limit ?? 20;
  const where: WhereOptions<PublishedItemRow>[] = [{ regionCode }];
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
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    const pattern = likeContains(q);
    where.push(
      PINYIN_QUERY.test(q)
        ? { searchPinyin: { [Op.like]: pattern } }
        : { searchText: { [Op.like]: pattern } },
    );
  }
  const total = await store.models.PublishedItem.count({ where: { [Op.and]: where } });
  const page = [...where];
  if (filters.cursor) {
    const [order, code] = decodeCursor(filters.cursor);
    page.push({
      [Op.or]: [{ sortOrder: { [Op.gt]: order } }, { sortOrder: order, itemCode: { [Op.gt]: code } }],
    });
  }
  const rows = await store.models.PublishedItem.findAll({
    where: { [Op.and]: page },
    attributes: ['sortOrder', 'itemCode', 'item'],
    order: [
      ['sortOrder', 'ASC'],
      ['itemCode', 'ASC'],
    ],
    limit: limit + 1,
  });
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => summary(JSON.parse(r.item) as ResolvedItem)),
    total,
    next: more && last ? encodeCursor(last) : null,
  };
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

/** The SQL prefix of every code inside a region: 450300 (city) → 4503, 450321 (county) → 450321. */
function codePrefix(region: RegionRow): string {
  return region.level === 'city' ? region.code.replace(/(00)+$/, '') : region.code;
}

export interface MetricsReport {
  region: { code: string; name: string; level: string };
  /** One entry per township with published items. */
  townships: RegionMetrics[];
  /** All those townships taken together (the township itself for a township). */
  rollup: RegionMetrics;
}

export async function regionMetrics(store: Store, code: string): Promise<MetricsReport> {
  const region = await requireRegion(store, code);
  const rows = await store.models.PublishedItem.findAll({
    where:
      region.level === 'township'
        ? { regionCode: code }
        : { regionCode: { [Op.like]: `${codePrefix(region)}%` } },
    attributes: ['item'],
  });
  const items = rows.map((r) => JSON.parse(r.item) as ResolvedItem);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    townships: metrics(items),
    rollup: aggregateMetrics(items, { code: region.code, name: region.name }),
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
