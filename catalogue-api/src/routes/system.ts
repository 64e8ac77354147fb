import { health } from '../services/health';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import { DELAY_AFTER_FAILURES, LOCK_AFTER_FAILURES } from '../services/loginLockout';
import { login } from '../services/users';
import type { RouteSpec } from '../http/routeTable';
import { errorBody, pick, shape } from './common';

export const systemRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/health',
    tag: '系统',
    summary: '健康检查（数据库能否读、能否写）',
    description:
      '数据库可读时答 200：能写入时 status 为 ok；只读或空间已满时为 degraded（writable: false，cause 说明原因），此时查询照常、写入答 503，故障排除后自动恢复写入。数据库无法读取时答 5xx。',
    access: 'public',
    responses: {
      200: {
        description: '数据库可读；writable 说明能否写入',
        schema: shape('Health'),
      },
    },
    async handle(ctx, { store }) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await health(store);
    },
  },
  {
    method: 'post',
    path: '/auth/login',
    tag: '登录',
    summary: '登录，得到 Bearer 令牌',
    description: `同一账号在同一地址 15 分钟内输错 ${LOCK_AFTER_FAILURES} 次后，该地址对该账号锁定 15 分钟（429）；其他地址不受影响。账号在各地址累计输错超过 ${DELAY_AFTER_FAILURES} 次后，每个输错的地址须等待递增的时间（2、4、8… 秒，至多 5 分钟）再试。演示账号密码：${DEMO_PASSWORD}`,
    access: 'public',
    rateLimit: 'login',
    body: shape('Credentials'),
    responses: {
      200: { description: '令牌和用户', schema: shape('Session') },
      ...pick(401, 422),
      429: { description: '失败次数过多，稍后再试（Retry-After）', schema: errorBody },
    },
    async handle(ctx, { store, signer, lockout }) {
      const { username, password } = ctx.request.body as { username: string; password: string };
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await login(store, signer, lockout, username, password, ctx.ip);
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
        schema: shape('Principal'),
      },
      ...pick(401),
    },
    async handle(ctx) {
      ctx.body = ctx.state.principal;
    },
  },
];
