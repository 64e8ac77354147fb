import type { ItemImplementation, PublishRequest } from '@oneseal/schemas';
import type { Role } from '../auth/roles';
import type { ApiContext } from '../http/context';
import type { RouteSpec } from '../http/routeTable';
import { requireRevision } from '../http/routeTable';
import type { TRANSITIONS } from '../services/townshipItems';
import {
  adoptItem,
  diffVersions,
  getDraft,
  getVersion,
  listTownshipItems,
  listVersions,
  publishTownship,
  reviewQueue,
  saveDraft,
  transition,
} from '../services/townshipItems';
import { errorBody, ifMatch, itemParam, model, pick, shape, townshipParam, versionParam } from './common';

const EDITORS: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];
const REVIEWERS: readonly Role[] = ['reviewer', 'county-admin', 'city-admin'];
const ADMINS: readonly Role[] = ['county-admin', 'city-admin'];
const EVERYONE: readonly Role[] = ['township-editor', 'reviewer', 'county-admin', 'city-admin'];

const township = (ctx: ApiContext) => ctx.params.code!;
const base = {
  params: { code: townshipParam, itemCode: itemParam },
  scope: township,
  tag: '乡镇实施清单',
} as const;

const draftView = shape('DraftView');

function step(
  name: keyof typeof TRANSITIONS,
  summary: string,
  access: readonly Role[],
  description?: string,
): RouteSpec {
  const withComment = name === 'return' || name === 'approve';
  // Taking an item off the public list is published in the change feed with the editor's reason.
  const withReason = name === 'withdraw' || name === 'cancel';
  return {
    ...base,
    method: 'post',
    path: `/townships/:code/items/:itemCode/${name}`,
    summary,
    description,
    access,
    ...(withComment ? { body: shape(name === 'return' ? 'ReturnComment' : 'ReviewComment') } : {}),
    ...(withReason ? { body: shape('ReasonRequest') } : {}),
    responses: {
      200: { description: '新状态', schema: shape('StatusChange') },
      ...pick(401, 403, 404, 409, 422),
    },
    async handle(ctx, { store }) {
      const body = (ctx.request.body ?? {}) as { comment?: string; reason?: string };
      ctx.body = await transition(
        store,
        ctx.state.principal!,
        township(ctx),
        ctx.params.itemCode!,
        name,
        body,
      );
    },
  };
}

export const townshipRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/review/items',
    tag: '乡镇实施清单',
    summary: '待审核的事项：本人所在区划内各乡镇提交审核的草稿',
    access: REVIEWERS,
    responses: {
      200: {
        description: '待审核事项（先提交的在前）',
        schema: shape('ReviewQueue'),
      },
      ...pick(401, 403),
    },
    async handle(ctx, { store }) {
      ctx.body = await reviewQueue(store, ctx.state.principal!.regionCode);
    },
  },
  {
    method: 'get',
    path: '/townships/:code/items',
    tag: '乡镇实施清单',
    summary: '乡镇清单中的全部事项及其审核状态',
    access: EVERYONE,
    scope: township,
    params: { code: townshipParam },
    responses: {
      200: {
        description:
          '事项列表；completeness 为各事项的完整度（0–1），基本目录事项未发布或草稿不符合模型时为 null',
        schema: shape('TownshipItemList'),
      },
      ...pick(401, 403),
    },
    async handle(ctx, { store }) {
      ctx.body = await listTownshipItems(store, township(ctx));
    },
  },
  {
    method: 'post',
    path: '/townships/:code/items',
    tag: '乡镇实施清单',
    summary: '从基本目录认领事项，建立草稿',
    description: '草稿按基本目录的标准要求和本乡镇其他事项的实施主体、地点、时间、电话预先填好。',
    access: EDITORS,
    scope: township,
    params: { code: townshipParam },
    body: shape('AdoptRequest'),
    responses: { 201: { description: '新草稿', schema: draftView }, ...pick(401, 403, 404, 409, 422) },
    async handle(ctx, { store }) {
      const draft = await adoptItem(
        store,
        ctx.state.principal!,
        township(ctx),
        (ctx.request.body as { baseCode: string }).baseCode,
      );
      ctx.status = 201;
      ctx.set('ETag', `"${draft.revision}"`);
      ctx.body = draft;
    },
  },
  {
    ...base,
    method: 'get',
    path: '/townships/:code/items/:itemCode',
    summary: '可编辑的草稿（含 revision 和检查结论）',
    access: EVERYONE,
    responses: { 200: { description: '草稿；ETag 为 revision', schema: draftView }, ...pick(401, 403, 404) },
    async handle(ctx, { store }) {
      const draft = await getDraft(store, township(ctx), ctx.params.itemCode!);
      ctx.set('ETag', `"${draft.revision}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = draft;
    },
  },
  {
    ...base,
    method: 'put',
    path: '/townships/:code/items/:itemCode',
    summary: '保存草稿（If-Match: revision）',
    description:
      'revision 已过期时返回 409，带当前内容，不覆盖任何数据。已发布的事项修改后成为新的草稿，从最新发布版本开始。状态和版本号由服务器维护。',
    access: EDITORS,
    headers: { 'If-Match': ifMatch },
    body: model.implementation,
    responses: {
      200: {
        description: '已保存；findings 为 checkItem 结论',
        schema: shape('DraftSaved'),
      },
      ...pick(400, 401, 403, 404, 409, 422),
      428: { description: '缺少 If-Match', schema: errorBody },
    },
    async handle(ctx, { store }) {
      const revision = requireRevision(ctx);
      const result = await saveDraft(
        store,
        ctx.state.principal!,
        township(ctx),
        ctx.params.itemCode!,
        ctx.request.body as ItemImplementation,
        revision,
      );
      ctx.set('ETag', `"${result.revision}"`);
      ctx.body = result;
    },
  },
  step('submit', '提交审核（有错误时 422）', EDITORS),
  step('approve', '审核通过', REVIEWERS),
  step('return', '退回修改（须写明意见）', REVIEWERS),
  step('withdraw', '撤回已发布的事项（从公开清单下架）', EDITORS),
  step('cancel', '取消事项（动态管理：记录取消日期并下架）', ADMINS),
  {
    method: 'post',
    path: '/townships/:code/publish',
    tag: '乡镇实施清单',
    summary: '发布乡镇全部审核通过的事项（原子操作）',
    description:
      '所有审核通过的事项在一个事务中发布为新的不可变版本；任何一个有错误则一个都不发布（422，details 路径以事项编码开头）。警告随结果返回。',
    access: EDITORS,
    scope: township,
    params: { code: townshipParam },
    body: shape('PublishRequest'),
    responses: {
      200: { description: '已发布的事项和警告', schema: shape('TownshipPublished') },
      ...pick(401, 403, 409, 422),
    },
    async handle(ctx, { store }) {
      ctx.body = await publishTownship(
        store,
        ctx.state.principal!,
        township(ctx),
        ctx.request.body as PublishRequest,
      );
    },
  },
  {
    ...base,
    method: 'get',
    path: '/townships/:code/items/:itemCode/versions',
    summary: '事项的发布历史',
    access: EVERYONE,
    responses: {
      200: { description: '版本列表（新的在前）', schema: shape('ImplementationVersionList') },
      ...pick(401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await listVersions(store, township(ctx), ctx.params.itemCode!);
    },
  },
  {
    ...base,
    method: 'get',
    path: '/townships/:code/items/:itemCode/versions/:version',
    summary: '某一发布版本（实施清单条目和合并后的事项）',
    access: EVERYONE,
    params: { ...base.params, version: versionParam },
    responses: {
      200: {
        description: '版本',
        schema: shape('ImplementationVersion'),
      },
      ...pick(401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await getVersion(store, township(ctx), ctx.params.itemCode!, Number(ctx.params.version));
    },
  },
  {
    ...base,
    method: 'get',
    path: '/townships/:code/items/:itemCode/diff',
    summary: '两个发布版本之间的字段级差异',
    access: EVERYONE,
    query: { from: { ...versionParam, required: true }, to: { ...versionParam, required: true } },
    responses: {
      200: {
        description: '差异（JSON Pointer 路径）',
        schema: shape('VersionDiff'),
      },
      ...pick(400, 401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await diffVersions(
        store,
        township(ctx),
        ctx.params.itemCode!,
        Number(ctx.query.from),
        Number(ctx.query.to),
      );
    },
  },
];
