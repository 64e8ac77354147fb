import type { BaseItem } from '@oneseal/schemas';
import type { Role } from '../auth/roles';
import type { ApiContext } from '../http/context';
import type { RouteSpec } from '../http/routeTable';
import { previewFlowchart, previewGuide } from '../services/preview';
import { pick, shape } from './common';

// Whoever edits items: the same roles as a draft save. Reviewers only read what was submitted.
const EDITORS: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];

// The guide is a document of its own (shown in a sandboxed frame): nothing in it may load or run anything.
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const body = shape('BaseItemDraft');

const description =
  '按请求体中的基本目录事项（正在编辑、尚未保存的内容）生成，不读取也不写入已保存的事项，不记入审计日志。' +
  '乡镇设定的要素（实施主体、办理地点、时间、电话等）以“由各乡镇（街道）填写”占位；承诺时限取法定时限，材料为全部标准材料。' +
  '请求体按 BaseItem 校验；环节编号重复、后续环节或分支指向不存在的环节时返回 422，details 指出字段（如 /item/process/2/next/0）。';

function sendPreview(ctx: ApiContext, type: string, content: string) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', DOCUMENT_CSP);
  ctx.type = type;
  ctx.body = content;
}

const item = (ctx: ApiContext) => (ctx.request.body as { item: BaseItem }).item;

/** Live previews for the process editor: the runtime's own flowchart and guide, from an unsaved base item. */
export const previewRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/preview/flowchart.svg',
    tag: '文书',
    summary: '预览办理流程图（SVG）：编辑中的基本目录事项',
    description,
    access: EDITORS,
    body,
    responses: {
      200: { description: '流程图', contentType: 'image/svg+xml', schema: { type: 'string' } },
      ...pick(401, 403, 422),
    },
    async handle(ctx, { store }) {
      sendPreview(ctx, 'image/svg+xml', await previewFlowchart(store, ctx.state.principal!, item(ctx)));
    },
  },
  {
    method: 'post',
    path: '/preview/guide.html',
    tag: '文书',
    summary: '预览办事指南（HTML）：编辑中的基本目录事项',
    description,
    access: EDITORS,
    body,
    responses: {
      200: { description: '办事指南', contentType: 'text/html', schema: { type: 'string' } },
      ...pick(401, 403, 422),
    },
    async handle(ctx, { store, config }) {
      sendPreview(
        ctx,
        'text/html',
        await previewGuide(store, ctx.state.principal!, item(ctx), config.publicBaseUrl),
      );
    },
  },
];
