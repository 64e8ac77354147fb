import { badRequest, notFound } from '../http/errors';
import type { RouteSpec } from '../http/routeTable';
import { atomFeed } from '../services/changeAtom';
import { DEFAULT_PAGE, listChanges, MAX_PAGE } from '../services/changeFeed';
import { model, pick, regionParam, shape } from './common';

/** How many entries the Atom feed carries: a reader polls it, the JSON feed pages further back. */
const ATOM_ENTRIES = 50;

export const changeRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/public/changes',
    tag: '公开查询',
    summary: '变更记录（政务公开）：事项的发布、撤回、取消，附理由和修改内容',
    description:
      '新的在前；region 可以是乡镇，也可以是县、市（含其下各乡镇），不给则为全部；since 为日期或时间，只要此后的记录；next 为下一页游标。',
    access: 'public',
    query: {
      region: { description: '行政区划代码', schema: model.division },
      since: {
        description: '日期（2026-01-01）或时间（2026-01-01T08:00:00Z）',
        schema: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
        },
      },
      cursor: { description: '上一页返回的 next', schema: { type: 'string', pattern: '^[1-9]\\d{0,11}$' } },
      limit: {
        description: `每页条数（1–${MAX_PAGE}，默认 ${DEFAULT_PAGE}）`,
        schema: { type: 'string', pattern: '^(100|[1-9]\\d?)$' },
      },
    },
    responses: { 200: { description: '一页变更记录', schema: shape('ChangePage') }, ...pick(400) },
    async handle(ctx, { store }) {
      const q = ctx.query as Record<string, string | undefined>;
      if (q.since && Number.isNaN(Date.parse(q.since)))
        throw badRequest({ zh: '日期无效', en: 'Invalid date' }, [
          { path: '/since', message: '不是有效的日期' },
        ]);
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = await listChanges(store, {
        region: q.region,
        since: q.since,
        cursor: q.cursor,
        limit: q.limit ? Number(q.limit) : undefined,
      });
    },
  },
  {
    method: 'get',
    path: '/public/regions/:code/changes.atom',
    tag: '公开查询',
    summary: `乡镇或县、市的变更记录（Atom 1.0，最近 ${ATOM_ENTRIES} 条）`,
    access: 'public',
    params: { code: regionParam },
    responses: {
      200: { description: 'Atom 订阅源', contentType: 'application/atom+xml', schema: { type: 'string' } },
      ...pick(400, 404),
    },
    async handle(ctx, { store, config }) {
      const code = ctx.params.code!;
      const region = await store.models.Region.findByPk(code, { attributes: ['name'] });
      if (!region) throw notFound({ zh: `没有区划 ${code}`, en: `No region ${code}` });
      const { entries } = await listChanges(store, { region: code, limit: ATOM_ENTRIES });
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.type = 'application/atom+xml; charset=utf-8';
      ctx.body = atomFeed({
        self: `${config.publicBaseUrl}/api/public/regions/${code}/changes.atom`,
        portal: `${config.publicBaseUrl}/regions/${code}`,
        regionName: region.name,
        entries,
      });
    },
  },
];
