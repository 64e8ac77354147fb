import type { Role } from '../auth/roles';
import type { RouteSpec } from '../http/routeTable';
import { createUser, listAudit, listUsers } from '../services/users';
import { pick, shape } from './common';

const ADMINS: readonly Role[] = ['city-admin', 'county-admin'];

export const adminRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/audit',
    tag: '管理',
    summary: '审计记录：辖区内每一次写操作（谁、何时、做了什么、修改前后）',
    access: ADMINS,
    query: {
      entityType: {
        description:
          'base-item | implementation | township-list | material | data-element | bundle | user | submission | booking-settings',
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
