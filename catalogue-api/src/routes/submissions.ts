import type { Role } from '../auth/roles';
import type { RouteSpec } from '../http/routeTable';
import type { ApiContext } from '../http/context';
import type { SubmissionStatus } from '@oneseal/schemas';
import { PHONE_GUESSES_PER_REFERENCE } from '../services/rateLimits';
import type { SubmissionDocumentKind, SubmissionInput } from '../services/submissions';
import {
  listSubmissions,
  lookUp,
  submissionDocument,
  SUBMISSION_DOCUMENTS,
  SUBMISSION_STATUSES,
  submit,
  updateStatus,
} from '../services/submissions';
import { QUERY_CODE_PATTERN } from '@oneseal/runtime';
import { badRequest } from '../http/errors';
import { pick, shape, townshipParam } from './common';

const STAFF: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];

const documentTitle = (kind: SubmissionDocumentKind) =>
  `${kind.startsWith('application') ? '已填写的申请表' : '本次申请的一次性告知单'}（${kind.endsWith('pdf') ? 'PDF' : 'HTML'}）`;

const documentResponses = (kind: SubmissionDocumentKind) =>
  ({
    200: {
      description: '文书',
      contentType: kind.endsWith('pdf') ? 'application/pdf' : 'text/html',
      schema: { type: 'string' },
    },
    ...pick(400, 404),
    ...(kind.endsWith('pdf') ? { 503: { description: '服务器未安装 Chromium，无法生成 PDF' } } : {}),
  }) as RouteSpec['responses'];

/** An applicant's own data: never kept by a shared cache, never allowed to load or run anything. */
function sendDocument(
  ctx: ApiContext,
  kind: SubmissionDocumentKind,
  doc: { contentType: string; content: Buffer },
) {
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  if (kind.endsWith('.pdf'))
    ctx.set('Content-Disposition', `inline; filename="${ctx.params.reference}-${kind}"`);
  ctx.type = doc.contentType;
  ctx.body = doc.content;
}
const phone = {
  description: '申请时填写的手机号码（只能查看进度，证件号码和电话部分隐藏）',
  schema: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
};
const queryCode = {
  description: '提交申请时给出的查询码（10 位，不区分大小写）：查看完整申请',
  schema: { type: 'string', pattern: QUERY_CODE_PATTERN },
};
const reference = { description: '受理编号', schema: { type: 'string', pattern: '^\\d{9}-\\d{8}-\\d{4,}$' } };

export const submissionRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/public/submissions',
    tag: '网上申请',
    summary: '提交申请（一个或多个事项，一表申请）',
    description:
      '按所选事项已发布版本合并出的表单校验（与网页端同一套规则），通过后返回受理编号；data 中须有 mobile 以便查询。',
    access: 'public',
    rateLimit: 'submit',
    body: shape('SubmissionRequest'),
    responses: {
      201: { description: '已提交', schema: shape('SubmissionReceipt') },
      ...pick(404, 422),
    },
    async handle(ctx, { store }) {
      ctx.status = 201;
      ctx.body = await submit(store, ctx.request.body as SubmissionInput);
    },
  },
  {
    method: 'get',
    path: '/public/submissions/:reference',
    tag: '网上申请',
    summary: '申请人凭受理编号和查询码（完整申请）或手机号码（办理进度）查询',
    description: `给出 code 或 phone 之一。凭手机号码时证件号码和电话部分隐藏（masked: true），同一受理编号每小时输错手机号码超过 ${PHONE_GUESSES_PER_REFERENCE} 次后一小时内不能再凭手机号码查询（查询码不受影响）。`,
    access: 'public',
    rateLimit: 'lookup',
    params: { reference },
    query: { code: queryCode, phone },
    responses: {
      200: { description: '办理进度和申请内容', schema: shape('SubmissionStatusView') },
      ...pick(400, 404),
    },
    async handle(ctx, { store, limits }) {
      ctx.set('Cache-Control', 'private, no-store');
      const ref = ctx.params.reference!;
      const { code, phone } = ctx.query as { code?: string; phone?: string };
      if ((code === undefined) === (phone === undefined))
        throw badRequest({ zh: '请给出查询码或手机号码（二者之一）', en: 'Give either code or phone' }, [
          { path: '/code', message: '查询码和手机号码须给出一个' },
        ]);
      ctx.body = code
        ? await lookUp(store, ref, { queryCode: code })
        : await limits.byPhone(ref, () => lookUp(store, ref, { phone: phone! }));
    },
  },
  ...SUBMISSION_DOCUMENTS.map((kind): RouteSpec => ({
    method: 'get',
    path: `/public/submissions/:reference/${kind}`,
    tag: '网上申请',
    summary: `${documentTitle(kind)}：申请人凭查询码取得`,
    description: '凭受理编号和查询码取得（含完整证件号码，并印有查询码）；按提交时的表单版本生成。',
    access: 'public',
    rateLimit: 'lookup',
    params: { reference },
    query: { code: { ...queryCode, required: true } },
    responses: documentResponses(kind),
    async handle(ctx, { store, printer }) {
      const queryCode = String(ctx.query.code);
      sendDocument(
        ctx,
        kind,
        await submissionDocument(store, printer, ctx.params.reference!, kind, { queryCode }),
      );
    },
  })),
  ...SUBMISSION_DOCUMENTS.map((kind): RouteSpec => ({
    method: 'get',
    path: `/townships/:code/submissions/:reference/${kind}`,
    tag: '网上申请',
    summary: `${documentTitle(kind)}：乡镇工作人员打印`,
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam, reference },
    responses: { ...documentResponses(kind), ...pick(401, 403) },
    async handle(ctx, { store, printer }) {
      sendDocument(
        ctx,
        kind,
        await submissionDocument(store, printer, ctx.params.reference!, kind, {
          regionCode: ctx.params.code!,
        }),
      );
    },
  })),
  {
    method: 'get',
    path: '/townships/:code/submissions',
    tag: '网上申请',
    summary: '本乡镇收到的申请',
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam },
    query: {
      status: {
        description: SUBMISSION_STATUSES.join(' | '),
        schema: { type: 'string', enum: SUBMISSION_STATUSES },
      },
      q: {
        description:
          '受理编号（全部，或日期起的后半段，如 20261203-0001）、申请人手机号码，或申请人姓名（开头的字）',
        schema: { type: 'string', maxLength: 40 },
      },
    },
    responses: {
      200: { description: '申请（新的在前，至多 200 件）', schema: shape('ReceivedSubmissionList') },
      ...pick(400, 401, 403),
    },
    async handle(ctx, { store }) {
      ctx.body = await listSubmissions(
        store,
        ctx.params.code!,
        ctx.query.status as string | undefined,
        ctx.query.q as string | undefined,
      );
    },
  },
  {
    method: 'post',
    path: '/townships/:code/submissions/:reference/status',
    tag: '网上申请',
    summary: '受理、要求补正、不予受理或办结',
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam, reference },
    body: shape('SubmissionStatusRequest'),
    responses: {
      200: { description: '新状态', schema: shape('SubmissionStatusChanged') },
      ...pick(401, 403, 404, 409, 422),
    },
    async handle(ctx, { store }) {
      const { status, note } = ctx.request.body as { status: SubmissionStatus; note?: string };
      ctx.body = await updateStatus(
        store,
        ctx.state.principal!,
        ctx.params.code!,
        ctx.params.reference!,
        status,
        note,
      );
    },
  },
];
