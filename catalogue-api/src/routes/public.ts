import type { Bundle } from '@oneseal/schemas';
import type { ApiContext } from '../http/context';
import type { RouteSpec } from '../http/routeTable';
import { getVersion } from '../services/townshipItems';
import { getLibraryEntry, listLibrary } from '../services/library';
import {
  listRegions,
  publishedItemText,
  publishedListPage,
  regionMetrics,
} from '../services/publicCatalogue';
import { itemParam, model, pick, regionParam, shape, townshipParam, versionParam } from './common';
import { matchesIfNoneMatch } from '../http/etag';

/**
 * A published version never changes, but which version is current does: revalidate with the ETag. `body` is
 * JSON already encoded (a stored item or list page) or a value to serialise.
 */
function sendPublished(ctx: ApiContext, etag: string, body: Buffer | object, cacheControl: string) {
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cacheControl);
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = body;
}

export const publicRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/public/regions',
    tag: '公开查询',
    summary: '行政区划：按上级、层级、名称或拼音查找',
    access: 'public',
    query: {
      parent: { description: '上级区划代码', schema: model.division },
      level: {
        description: 'city | county | township',
        schema: { type: 'string', enum: ['city', 'county', 'township', 'village'] },
      },
      q: { description: '名称或拼音（全拼、首字母）', schema: { type: 'string', maxLength: 50 } },
    },
    responses: {
      200: { description: '区划列表', schema: shape('RegionList') },
      ...pick(400),
    },
    async handle(ctx, { store }) {
      ctx.body = await listRegions(store, {
        parent: ctx.query.parent as string,
        level: ctx.query.level as string,
        q: ctx.query.q as string,
      });
    },
  },
  {
    method: 'get',
    path: '/public/regions/:code/items',
    tag: '公开查询',
    summary: '乡镇已发布的事项清单（筛选、检索、分页）',
    description:
      'q 可以是中文（匹配名称和别名），也可以是拼音全拼或首字母（zjd 找到“宅基地”），多个词用空格分开；名称与 q 相同或以 q 开头的排在前面，其余按清单顺序。next 为下一页游标。带 ETag，未变化时 If-None-Match 得到 304。',
    access: 'public',
    params: { code: townshipParam },
    query: {
      type: { description: '事项类型代码，如 01 行政许可', schema: { type: 'string', pattern: '^\\d{2}$' } },
      tag: { description: '马上办 | 网上办 | 就近办 | 一次办', schema: { type: 'string', maxLength: 10 } },
      object: { description: '自然人 | 法人', schema: { type: 'string', maxLength: 10 } },
      q: { description: '名称、别名或拼音', schema: { type: 'string', maxLength: 50 } },
      cursor: { description: '上一页返回的 next', schema: { type: 'string', maxLength: 200 } },
      limit: {
        description: '每页条数（1–100，默认 20）',
        schema: { type: 'string', pattern: '^(100|[1-9]\\d?)$' },
      },
    },
    responses: {
      200: {
        description: '一页事项',
        schema: shape('PublicItemPage'),
      },
      304: { description: '未变化（If-None-Match）' },
      ...pick(400, 404),
    },
    async handle(ctx, { store }) {
      const q = ctx.query as Record<string, string | undefined>;
      const { etag, body } = await publishedListPage(store, ctx.params.code!, {
        type: q.type,
        tag: q.tag,
        object: q.object,
        q: q.q,
        cursor: q.cursor,
        limit: q.limit ? Number(q.limit) : undefined,
      });
      sendPublished(ctx, etag, body, 'public, max-age=60, must-revalidate');
    },
  },
  {
    method: 'get',
    path: '/public/regions/:code/items/:itemCode',
    tag: '公开查询',
    summary: '一个已发布事项（实施清单与基本目录合并后的完整内容）',
    access: 'public',
    params: { code: townshipParam, itemCode: itemParam },
    responses: {
      200: { description: '事项', schema: shape('ResolvedItem') },
      304: { description: '未变化（If-None-Match）' },
      ...pick(400, 404),
    },
    async handle(ctx, { store }) {
      const { version, body } = await publishedItemText(store, ctx.params.code!, ctx.params.itemCode!);
      sendPublished(
        ctx,
        `"${ctx.params.code}-${ctx.params.itemCode}-v${version}"`,
        body,
        'public, max-age=60, must-revalidate',
      );
    },
  },
  {
    method: 'get',
    path: '/public/regions/:code/items/:itemCode/versions/:version',
    tag: '公开查询',
    summary: '事项的某一已发布版本（不可变）',
    access: 'public',
    params: { code: townshipParam, itemCode: itemParam, version: versionParam },
    responses: { 200: { description: '该版本的事项', schema: shape('ResolvedItem') }, ...pick(400, 404) },
    async handle(ctx, { store }) {
      const { item, version } = await getVersion(
        store,
        ctx.params.code!,
        ctx.params.itemCode!,
        Number(ctx.params.version),
      );
      sendPublished(
        ctx,
        `"${ctx.params.code}-${ctx.params.itemCode}-v${version}"`,
        item,
        'public, max-age=31536000, immutable',
      );
    },
  },
  {
    method: 'get',
    path: '/public/regions/:code/metrics',
    tag: '公开查询',
    summary: '改革指标：乡镇本身，或县（市、区）、全市每个乡镇及汇总',
    access: 'public',
    params: { code: regionParam },
    responses: {
      200: {
        description: '指标',
        schema: shape('MetricsReport'),
      },
      ...pick(400, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await regionMetrics(store, ctx.params.code!);
    },
  },
  {
    method: 'get',
    path: '/public/bundles',
    tag: '公开查询',
    summary: '一件事列表',
    access: 'public',
    responses: { 200: { description: '一件事', schema: shape('BundleList') } },
    async handle(ctx, { store }) {
      ctx.body = (await listLibrary(store, 'bundle'))
        .map((e) => e.document as Bundle)
        .filter((b) => b.status === 'published');
    },
  },
  {
    method: 'get',
    path: '/public/data-elements',
    tag: '公开查询',
    summary: '数据元字典（一表申请按数据元合并字段）',
    access: 'public',
    responses: { 200: { description: '数据元', schema: shape('DataElementList') } },
    async handle(ctx, { store }) {
      ctx.body = (await listLibrary(store, 'data-element')).map((e) => e.document);
    },
  },
  {
    method: 'get',
    path: '/public/materials/:materialCode',
    tag: '公开查询',
    summary: '材料库中的一种材料（空白表格、示例、受理标准）',
    access: 'public',
    params: {
      materialCode: {
        description: '材料编码',
        schema: { type: 'string', pattern: '^[A-Z][A-Z0-9-]{1,31}$' },
      },
    },
    responses: { 200: { description: '材料', schema: model.material }, ...pick(400, 404) },
    async handle(ctx, { store }) {
      ctx.body = (await getLibraryEntry(store, 'material', ctx.params.materialCode!)).document;
    },
  },
];
