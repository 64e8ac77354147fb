import { createHash } from 'node:crypto';
import type { ItemForm } from '@oneseal/schemas';
import type { Role } from '../auth/roles';
import type { ApiContext } from '../http/context';
import { matchesIfNoneMatch } from '../http/etag';
import type { JsonSchema, RouteSpec } from '../http/routeTable';
import { applicationForm, draftChecksSource, fieldChecksSource } from '../services/applicationForms';
import { requireRegion } from '../services/publicCatalogue';
import { pick, shape, townshipParam } from './common';

// Whoever edits forms: the same roles as the other previews.
const EDITORS: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];
const JAVASCRIPT = 'text/javascript; charset=utf-8';

const moduleResponse = (description: string) => ({
  description,
  contentType: 'text/javascript',
  schema: { type: 'string' } as JsonSchema,
});

/**
 * The module, revalidated by its ETag on every use (a data element saved since changes it). Only a GET is
 * answered 304: the draft's preview is a POST, and If-None-Match on a POST means "only if it doesn't exist"
 * (RFC 9110 §13.1.2), not "I have this copy".
 */
function sendModule(ctx: ApiContext, source: string, cache: string) {
  const etag = `"${createHash('sha256').update(source).digest('base64url').slice(0, 27)}"`;
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cache);
  if (ctx.method === 'GET' && matchesIfNoneMatch(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return;
  }
  ctx.type = JAVASCRIPT;
  ctx.body = source;
}

const checksDescription =
  '表单各字段的校验函数，由服务器按与提交时相同的规则预先编译（ajv standalone），作为同源 ES 模块供网页 import，' +
  '网页因此无须 eval（CSP 不含 unsafe-eval）。默认导出的函数返回 [字段规则键, 校验函数] 列表；' +
  '未能证明安全的正则不编入（服务器提交时仍以 RE2 执行）。';

/** The portal's field checks, compiled on the server: the same module for every page of one set of item versions. */
export const formCheckRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/public/regions/:code/form-checks.js',
    tag: '网上申请',
    summary: '申请表的字段校验（JavaScript 模块）',
    description: checksDescription,
    access: 'public',
    params: { code: townshipParam },
    query: {
      items: {
        description: '事项基本编码，逗号分隔，顺序与申请相同',
        schema: { type: 'string', maxLength: 219, pattern: '^\\d{10}(,\\d{10})*$' },
        required: true,
      },
    },
    responses: { 200: moduleResponse('ES 模块'), 304: { description: '未改变' }, ...pick(400, 404, 422) },
    async handle(ctx, { store }) {
      const region = await requireRegion(store, ctx.params.code!);
      const codes = [...new Set(String(ctx.query.items).split(','))];
      const form = await applicationForm(store, region.code, codes);
      sendModule(ctx, await fieldChecksSource(form), 'public, no-cache');
    },
  },
  {
    method: 'post',
    path: '/preview/form-checks.js',
    tag: '文书',
    summary: '预览申请表的字段校验（JavaScript 模块）：编辑中的表单',
    description: `${checksDescription}表单设计器的实时预览用它校验试填内容；含不安全或无效正则时返回 422，details 指出字段。`,
    access: EDITORS,
    body: shape('FormDraft'),
    responses: { 200: moduleResponse('ES 模块'), ...pick(401, 403, 422) },
    async handle(ctx) {
      const { form } = ctx.request.body as { form: ItemForm };
      sendModule(ctx, await draftChecksSource(form), 'no-store');
    },
  },
];
