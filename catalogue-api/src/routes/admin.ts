import type { Role } from '../auth/roles';
import type { RouteSpec } from '../http/routeTable';
import type { WebhookRequest } from '@oneseal/schemas';
import { createUser, listAudit, listUsers } from '../services/users';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook } from '../services/webhooks';
import { pick, shape } from './common';

const ADMINS: readonly Role[] = ['city-admin', 'county-admin'];
// A subscription may take every region's changes and names an outside address: the city's to decide.
const WEBHOOK_ADMINS: readonly Role[] = ['city-admin'];
const webhookId = {
  id: { description: 'Webhook 编号', schema: { type: 'string', pattern: '^[1-9]\\d{0,9}$' } },
};
const webhookDescription =
  '每条变更记录（ChangeEntry）POST 到 url；X-OneSeal-Event 为事件编号（接收方据此去重，同一事件可能重发），X-OneSeal-Signature 为 sha256=正文的 HMAC-SHA256（密钥为 secret）。失败时按 5 秒起、每次加倍、最长 1 小时重试，直到返回 2xx。';

const webhookRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/admin/webhooks',
    tag: '管理',
    summary: 'Webhook 订阅（变更记录推送）',
    description: webhookDescription,
    access: WEBHOOK_ADMINS,
    responses: { 200: { description: '订阅（不含密钥）', schema: shape('WebhookList') }, ...pick(401, 403) },
    async handle(ctx, { store }) {
      ctx.body = await listWebhooks(store);
    },
  },
  {
    method: 'post',
    path: '/admin/webhooks',
    tag: '管理',
    summary: '建立 Webhook 订阅',
    description: webhookDescription,
    access: WEBHOOK_ADMINS,
    body: shape('WebhookRequest'),
    responses: { 201: { description: '已建立', schema: shape('Webhook') }, ...pick(401, 403, 422) },
    async handle(ctx, { store }) {
      ctx.status = 201;
      ctx.body = await createWebhook(store, ctx.state.principal!, ctx.request.body as WebhookRequest);
    },
  },
  {
    method: 'put',
    path: '/admin/webhooks/:id',
    tag: '管理',
    summary: '修改 Webhook 订阅（停用：active 为 false）',
    access: WEBHOOK_ADMINS,
    params: webhookId,
    body: shape('WebhookRequest'),
    responses: { 200: { description: '已修改', schema: shape('Webhook') }, ...pick(400, 401, 403, 404, 422) },
    async handle(ctx, { store }) {
      ctx.body = await updateWebhook(
        store,
        ctx.state.principal!,
        Number(ctx.params.id),
        ctx.request.body as WebhookRequest,
      );
    },
  },
  {
    method: 'delete',
    path: '/admin/webhooks/:id',
    tag: '管理',
    summary: '删除 Webhook 订阅及其待投递的事件',
    access: WEBHOOK_ADMINS,
    params: webhookId,
    responses: {
      200: { description: '已删除的订阅', schema: shape('Webhook') },
      ...pick(400, 401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await deleteWebhook(store, ctx.state.principal!, Number(ctx.params.id));
    },
  },
];

export const adminRoutes: RouteSpec[] = [
  ...webhookRoutes,
  {
    method: 'get',
    path: '/audit',
    tag: '管理',
    summary: '审计记录：辖区内每一次写操作（谁、何时、做了什么、修改前后）',
    access: ADMINS,
    query: {
      entityType: {
        description:
          'base-item | implementation | township-list | material | data-element | bundle | user | webhook | submission | booking-settings',
        schema: { type: 'string', maxLength: 30 },
      },
      entityKey: { description: '如 450321100/0117302000', schema: { type: 'string', maxLength: 80 } },
      before: {
        description: '只看编号小于此值的记录（翻页）',
        schema: { type: 'string', pattern: '^\\d{1,12}$' },
      },
      limit: {
        description: '条数（1–200，默认 50）',
        schema: { type: 'string', pattern: '^(200|1\\d\\d|[1-9]\\d?)$' },
      },
    },
    responses: {
      200: { description: '审计记录（新的在前）', schema: shape('AuditList') },
      ...pick(400, 401, 403),
    },
    async handle(ctx, { store }) {
      const q = ctx.query as Record<string, string | undefined>;
      ctx.body = await listAudit(store, ctx.state.principal!, {
        entityType: q.entityType,
        entityKey: q.entityKey,
        before: q.before ? Number(q.before) : undefined,
        limit: q.limit ? Number(q.limit) : undefined,
      });
    },
  },
  {
    method: 'get',
    path: '/users',
    tag: '管理',
    summary: '辖区内的用户',
    access: ADMINS,
    responses: {
      200: { description: '用户', schema: shape('UserList') },
      ...pick(401, 403),
    },
    async handle(ctx, { store }) {
      ctx.body = await listUsers(store, ctx.state.principal!);
    },
  },
  {
    method: 'post',
    path: '/users',
    tag: '管理',
    summary: '为辖区新建用户',
    access: ADMINS,
    scope: (ctx) => (ctx.request.body as { regionCode?: string } | undefined)?.regionCode ?? '',
    body: shape('NewUser'),
    responses: { 201: { description: '已建立', schema: shape('User') }, ...pick(401, 403, 409, 422) },
    async handle(ctx, { store }) {
      ctx.status = 201;
      ctx.body = await createUser(
        store,
        ctx.state.principal!,
        ctx.request.body as Parameters<typeof createUser>[2],
      );
    },
  },
];
