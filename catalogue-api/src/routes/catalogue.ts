import type { BaseItem, PublishRequest, ReasonRequest } from '@oneseal/schemas';
import type { Role } from '../auth/roles';
import type { ApiContext, Deps } from '../http/context';
import type { RouteSpec } from '../http/routeTable';
import { requireRevision } from '../http/routeTable';
import {
  baseItemVersions,
  createBaseItem,
  diffBaseItemVersions,
  getBaseItem,
  listBaseItems,
  publishBaseItem,
  retireBaseItem,
  saveBaseItem,
} from '../services/baseItems';
import type { LibraryKind } from '../services/library';
import { createLibraryEntry, getLibraryEntry, listLibrary, saveLibraryEntry } from '../services/library';
import type { JsonSchema } from '../http/routeTable';
import { ifMatch, itemParam, model, pick, shape, versionParam } from './common';

const CATALOGUE_ADMINS: readonly Role[] = ['city-admin', 'county-admin'];
const SIGNED_IN: readonly Role[] = ['city-admin', 'county-admin', 'township-editor', 'reviewer'];

/** A base item is owned by the region that defined it (the city, or a county for its own items). */
async function owner(ctx: ApiContext, { store }: Deps): Promise<string> {
  return (await getBaseItem(store, ctx.params.code!)).ownerRegion;
}

const baseItemView = shape('BaseItemView');
const code = { code: itemParam };

/** Each library's document, its entry (revision and document) and the list of entries. */
const LIBRARY_SHAPES: Record<LibraryKind, Record<'schema' | 'entry' | 'list', JsonSchema>> = {
  material: { schema: model.material, entry: shape('MaterialEntry'), list: shape('MaterialEntryList') },
  'data-element': {
    schema: model.dataElement,
    entry: shape('DataElementEntry'),
    list: shape('DataElementEntryList'),
  },
  bundle: { schema: model.bundle, entry: shape('BundleEntry'), list: shape('BundleEntryList') },
};

export const catalogueRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/base-items',
    tag: '基本目录',
    summary: '基本目录事项列表',
    access: SIGNED_IN,
    query: {
      q: { description: '名称包含', schema: { type: 'string', maxLength: 50 } },
      type: { description: '事项类型代码', schema: { type: 'string', pattern: '^\\d{2}$' } },
      status: { description: '状态', schema: { type: 'string', enum: ['draft', 'published', 'cancelled'] } },
    },
    responses: {
      200: {
        description: '事项（不含内容；打开一个事项读 GET /base-items/{code}）',
        schema: shape('BaseItemSummaryList'),
      },
      ...pick(400, 401),
    },
    async handle(ctx, { store }) {
      ctx.body = await listBaseItems(store, ctx.query as { q?: string; type?: string; status?: string });
    },
  },
  {
    method: 'post',
    path: '/base-items',
    tag: '基本目录',
    summary: '新建基本目录事项（草稿，归属本人所在的市或县）',
    access: CATALOGUE_ADMINS,
    body: model.baseItem,
    responses: { 201: { description: '已建立', schema: baseItemView }, ...pick(401, 403, 409, 422) },
    async handle(ctx, { store }) {
      const principal = ctx.state.principal!;
      ctx.status = 201;
      ctx.body = await createBaseItem(store, principal, principal.regionCode, ctx.request.body as BaseItem);
    },
  },
  {
    method: 'get',
    path: '/base-items/:code',
    tag: '基本目录',
    summary: '基本目录事项（工作副本与 revision）',
    access: SIGNED_IN,
    params: code,
    responses: { 200: { description: '事项；ETag 为 revision', schema: baseItemView }, ...pick(401, 404) },
    async handle(ctx, { store }) {
      const view = await getBaseItem(store, ctx.params.code!);
      ctx.set('ETag', `"${view.revision}"`);
      ctx.body = view;
    },
  },
  {
    method: 'put',
    path: '/base-items/:code',
    tag: '基本目录',
    summary: '保存基本目录事项（If-Match: revision）',
    access: CATALOGUE_ADMINS,
    scope: owner,
    params: code,
    headers: { 'If-Match': ifMatch },
    body: model.baseItem,
    responses: {
      200: {
        description: '已保存',
        schema: shape('BaseItemSaved'),
      },
      ...pick(401, 403, 404, 409, 422),
    },
    async handle(ctx, { store }) {
      const result = await saveBaseItem(
        store,
        ctx.state.principal!,
        ctx.params.code!,
        ctx.request.body as BaseItem,
        requireRevision(ctx),
      );
      ctx.set('ETag', `"${result.revision}"`);
      ctx.body = result;
    },
  },
  {
    method: 'post',
    path: '/base-items/:code/publish',
    tag: '基本目录',
    summary: '发布基本目录事项的新版本',
    access: CATALOGUE_ADMINS,
    scope: owner,
    params: code,
    body: shape('PublishRequest'),
    responses: {
      200: { description: '新版本', schema: shape('BaseItemPublished') },
      ...pick(401, 403, 404, 409, 422),
    },
    async handle(ctx, { store }) {
      ctx.body = await publishBaseItem(
        store,
        ctx.state.principal!,
        ctx.params.code!,
        ctx.request.body as PublishRequest,
      );
    },
  },
  {
    method: 'post',
    path: '/base-items/:code/retire',
    tag: '基本目录',
    summary: '取消基本目录事项',
    access: CATALOGUE_ADMINS,
    scope: owner,
    params: code,
    body: shape('ReasonRequest'),
    responses: {
      200: { description: '已取消', schema: shape('BaseItemRetired') },
      ...pick(401, 403, 404, 409, 422),
    },
    async handle(ctx, { store }) {
      const { reason } = ctx.request.body as ReasonRequest;
      ctx.body = await retireBaseItem(store, ctx.state.principal!, ctx.params.code!, reason);
    },
  },
  {
    method: 'get',
    path: '/base-items/:code/versions',
    tag: '基本目录',
    summary: '基本目录事项的发布历史',
    access: SIGNED_IN,
    params: code,
    responses: {
      200: { description: '版本（新的在前）', schema: shape('BaseItemVersionList') },
      ...pick(401, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await baseItemVersions(store, ctx.params.code!);
    },
  },
  {
    method: 'get',
    path: '/base-items/:code/diff',
    tag: '基本目录',
    summary: '两个版本之间的字段级差异',
    access: SIGNED_IN,
    params: code,
    query: { from: { ...versionParam, required: true }, to: { ...versionParam, required: true } },
    responses: { 200: { description: '差异', schema: shape('VersionDiff') }, ...pick(400, 401, 404) },
    async handle(ctx, { store }) {
      ctx.body = await diffBaseItemVersions(
        store,
        ctx.params.code!,
        Number(ctx.query.from),
        Number(ctx.query.to),
      );
    },
  },
  ...libraryRoutes('material', '/materials', '材料库', ['city-admin']),
  ...libraryRoutes('data-element', '/data-elements', '数据元', ['city-admin']),
  ...libraryRoutes('bundle', '/bundles', '一件事', CATALOGUE_ADMINS),
];

/** The city-wide libraries share one shape of routes: list, read, create, save with If-Match. */
function libraryRoutes(kind: LibraryKind, path: string, tag: string, writers: readonly Role[]): RouteSpec[] {
  const { schema, entry, list } = LIBRARY_SHAPES[kind];
  const param = {
    code: { description: '编码', schema: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]{1,63}$' } },
  };
  // Bundles may belong to a county (a new one where its body says, an existing one where it is stored);
  // materials and data elements are the city's.
  const CITY = '450300';
  const createScope = (ctx: ApiContext) =>
    kind === 'bundle'
      ? ((ctx.request.body as { regionCode?: string } | undefined)?.regionCode ?? CITY)
      : CITY;
  const saveScope = async (ctx: ApiContext, { store }: Deps) =>
    kind === 'bundle'
      ? (((await getLibraryEntry(store, kind, ctx.params.code!)).document as { regionCode?: string })
          .regionCode ?? CITY)
      : CITY;
  return [
    {
      method: 'get',
      path,
      tag,
      summary: `${tag}：全部`,
      access: SIGNED_IN,
      responses: { 200: { description: tag, schema: list }, ...pick(401) },
      async handle(ctx, { store }) {
        ctx.body = await listLibrary(store, kind);
      },
    },
    {
      method: 'get',
      path: `${path}/:code`,
      tag,
      summary: `${tag}：一条（ETag 为 revision）`,
      access: SIGNED_IN,
      params: param,
      responses: { 200: { description: tag, schema: entry }, ...pick(401, 404) },
      async handle(ctx, { store }) {
        const result = await getLibraryEntry(store, kind, ctx.params.code!);
        ctx.set('ETag', `"${result.revision}"`);
        ctx.body = result;
      },
    },
    {
      method: 'post',
      path,
      tag,
      summary: `${tag}：新建`,
      access: writers,
      scope: createScope,
      body: schema,
      responses: { 201: { description: '已建立', schema: entry }, ...pick(401, 403, 409, 422) },
      async handle(ctx, { store }) {
        ctx.status = 201;
        ctx.body = await createLibraryEntry(store, ctx.state.principal!, kind, ctx.request.body);
      },
    },
    {
      method: 'put',
      path: `${path}/:code`,
      tag,
      summary: `${tag}：保存（If-Match: revision）`,
      access: writers,
      scope: saveScope,
      params: param,
      headers: { 'If-Match': ifMatch },
      body: schema,
      responses: { 200: { description: '已保存', schema: entry }, ...pick(400, 401, 403, 404, 409, 422) },
      async handle(ctx, { store }) {
        const result = await saveLibraryEntry(
          store,
          ctx.state.principal!,
          kind,
          ctx.params.code!,
          ctx.request.body,
          requireRevision(ctx),
        );
        ctx.set('ETag', `"${result.revision}"`);
        ctx.body = result;
      },
    },
  ];
}
