import Koa from 'koa';
import request from 'supertest';
import { errorBody, pick, shape } from '../../routes/common';
import type { ApiState, Deps } from '../context';
import { badRequest } from '../errors';
import { errorHandler, locale } from '../middleware';
import { responseCheck } from '../responseCheck';
import type { RouteSpec } from '../routeTable';
import { buildRouter } from '../routeTable';

/** What the throwaway route answers in the current test. */
let answer: (ctx: Koa.ParameterizedContext<ApiState>) => void = () => undefined;

/** One app (ajv compiles the model once) with a throwaway route declaring BaseItemSaved ({ revision, status }). */
const api = (() => {
  const spec: RouteSpec = {
    method: 'get',
    path: '/throwaway',
    tag: 'test',
    summary: 'test',
    access: 'public',
    responses: { 200: { description: 'saved', schema: shape('BaseItemSaved') }, ...pick(400) },
    async handle(ctx) {
      answer(ctx);
    },
  };
  const app = new Koa<ApiState>();
  app.use(responseCheck(errorBody));
  app.use(errorHandler);
  app.use(locale);
  app.use(buildRouter([spec], {} as Deps).routes());
  return request(app.callback());
})();

function appAnswering(handler: typeof answer) {
  answer = handler;
  return api;
}

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('responseCheck (installed by createApp under NODE_ENV=test)', () => {
  it('is active in this test run', () => {
    expect(process.env.NODE_ENV).toBe('test');
  });

  it('passes an answer that matches its declared schema', async () => {
    const res = await appAnswering((ctx) => {
      ctx.body = { revision: 2, status: 'draft' };
    }).get('/api/throwaway');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revision: 2, status: 'draft' });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('fails loudly when a route returns a field its schema lacks: 500 naming route, path and the ajv error', async () => {
    const res = await appAnswering((ctx) => {
      ctx.body = { revision: 2, status: 'draft', secret: 'not in the schema' };
    }).get('/api/throwaway');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('response-mismatch');
    expect(res.body.error.message).toContain('GET /throwaway');
    expect(res.body.error.message).toContain('/api/throwaway');
    expect(res.body.error.message).toMatch(/additionalProperty.*secret/);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('does not match its schema'));
  });

  it('fails a missing required field and a wrong type', async () => {
    const missing = await appAnswering((ctx) => {
      ctx.body = { status: 'draft' };
    }).get('/api/throwaway');
    expect(missing.status).toBe(500);
    expect(missing.body.error.message).toMatch(/missingProperty.*revision/);
    const wrong = await appAnswering((ctx) => {
      ctx.body = { revision: '2', status: 'draft' };
    }).get('/api/throwaway');
    expect(wrong.status).toBe(500);
    expect(wrong.body.error.message).toMatch(/\/revision type .*integer.*got "2"/);
  });

  it('fails a success status the route does not declare', async () => {
    const res = await appAnswering((ctx) => {
      ctx.status = 201;
      ctx.body = { revision: 2, status: 'draft' };
    }).get('/api/throwaway');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toContain('status 201 is not declared');
  });

  it('holds error answers to the one error schema: the error middleware’s pass, a hand-made one fails', async () => {
    const thrown = await appAnswering(() => {
      throw badRequest({ zh: '参数无效', en: 'Invalid' }, [{ path: '/q', message: '太长' }]);
    }).get('/api/throwaway');
    expect(thrown.status).toBe(400);
    expect(thrown.body).toEqual({
      error: { code: 'bad-request', message: '参数无效', details: [{ path: '/q', message: '太长' }] },
    });
    const handMade = await appAnswering((ctx) => {
      ctx.status = 400;
      ctx.body = { message: 'bad' };
    }).get('/api/throwaway');
    expect(handMade.status).toBe(500);
    expect(handMade.body.error.message).toMatch(/missingProperty.*error/);
  });

  it('checks answers of no route too (404 in the error shape)', async () => {
    const res = await appAnswering(() => undefined).get('/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
  });
});
