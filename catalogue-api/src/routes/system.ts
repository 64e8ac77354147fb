import { DEMO_PASSWORD } from '../services/seedDatabase';
import { login } from '../services/users';
import type { RouteSpec } from '../http/routeTable';
import { errorBody, pick } from './common';

const user = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
    regionCode: { type: 'string' },
  },
  required: ['username', 'displayName', 'role', 'regionCode'],
};

export const systemRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/health',
    tag: '系统',
    summary: '健康检查（含数据库连通性）',
    access: 'public',
    responses: {
      200: {
        description: '正常',
        schema: {
          type: 'object',
          properties: { status: { const: 'ok' }, db: { enum: ['sqlite', 'mysql'] } },
          required: ['status', 'db'],
        },
      },
    },
    async handle(ctx, { store }) {
      await store.sequelize.query('SELECT 1');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: 'ok', db: store.dialect };
    },
  },
  {
    method: 'post',
    path: '/auth/login',
    tag: '登录',
    summary: '登录，得到 Bearer 令牌',
    description: `同一用户名 15 分钟内连续输错 5 次（或同一地址 50 次）后暂时锁定（429）。演示账号密码：${DEMO_PASSWORD}`,
    access: 'public',
    rateLimit: 'login',
    body: {
      type: 'object',
      properties: {
        username: { type: 'string', minLength: 1, maxLength: 64 },
        password: { type: 'string', minLength: 1, maxLength: 200 },
      },
      required: ['username', 'password'],
      additionalProperties: false,
    },
    responses: {
      200: {
        description: '令牌和用户',
        schema: {
          type: 'object',
          properties: { token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, user },
          required: ['token', 'expiresAt', 'user'],
        },
      },
      ...pick(401, 422),
      429: { description: '失败次数过多，稍后再试（Retry-After）', schema: errorBody },
    },
    async handle(ctx, { store, signer }) {
      const { username, password } = ctx.request.body as { username: string; password: string };
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await login(store, signer, username, password, ctx.ip);
    },
  },
  {
    method: 'get',
    path: '/auth/me',
    tag: '登录',
    summary: '当前用户',
    access: 'signed-in',
    responses: {
      200: {
        description: '当前用户',
        schema: {
          type: 'object',
          properties: {
            username: { type: 'string' },
            role: { type: 'string' },
            regionCode: { type: 'string' },
          },
        },
      },
      ...pick(401),
    },
    async handle(ctx) {
      ctx.body = ctx.state.principal;
    },
  },
];
