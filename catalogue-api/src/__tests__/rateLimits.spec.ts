import request from 'supertest';
import type { Response } from 'supertest';
import { Workbook } from 'exceljs';
import { createApp } from '../app';
import type { ApiConfig } from '../config';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Issue 10, findings 3 and 4: nothing public was rate-limited (861 phone guesses a second), and the per-address
 * login limit believed any X-Forwarded-For. Each kind of public request now has a per-address limit, and the
 * address is the connection's unless it comes from a proxy named in TRUST_PROXY.
 */

const LIMITS: ApiConfig['rateLimits'] = {
  lookup: { points: 3, seconds: 60 },
  submit: { points: 2, seconds: 600 },
  login: { points: 4, seconds: 60 },
  upload: { points: 1, seconds: 600 },
};
const ZH = /[\u4e00-\u9fff]/;

let t: TestApp;
let config: ApiConfig;
beforeAll(async () => {
  t = await createTestApp({ configure: (c) => (config = { ...c, rateLimits: LIMITS }) });
});
afterAll(() => t.close());

/**
 * A fresh instance on the test database: counters start from nothing (on MySQL the shared table is emptied,
 * since every instance on the database shares it; on SQLite each instance counts in its own memory).
 */
async function instance(changes: Partial<ApiConfig> = {}) {
  if (t.store.dialect === 'mysql') await t.store.sequelize.query('DELETE FROM rate_limits');
  return request(createApp(t.store, { ...config, ...changes }, 'test-secret', t.printer).callback());
}

// A well-formed reference and phone that name no application: a guess, as an attacker sends them.
const lookUp = (api: request.Agent | ReturnType<typeof request>, forwardedFor?: string) => {
  const req = api.get('/api/public/submissions/450321100-20260101-0001').query({ phone: '13900000000' });
  return forwardedFor === undefined ? req : req.set('X-Forwarded-For', forwardedFor);
};

async function inTurn(requests: (() => PromiseLike<Response>)[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const send of requests) statuses.push((await send()).status);
  return statuses;
}

describe(`per-address rate limits (${DB_LABEL})`, () => {
  it('refuses the 4th look-up of a minute from one address: 429, Retry-After, the usual error body in zh', async () => {
    const api = await instance();
    expect(await inTurn([1, 2, 3].map(() => () => lookUp(api)))).toEqual([404, 404, 404]);
    const refused = await lookUp(api);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'too-many-requests',
        message: expect.stringMatching(/^查询过于频繁，请 \d+ 秒后再试$/),
        details: [],
      },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  });

  it('ignores a forged X-Forwarded-For when TRUST_PROXY is not set', async () => {
    const api = await instance();
    const forged = [1, 2, 3, 4].map((i) => () => lookUp(api, `198.51.100.${i}`));
    expect(await inTurn(forged)).toEqual([404, 404, 404, 429]);
  });

  it('ignores X-Forwarded-For from a connection that is not one of the proxies named', async () => {
    const api = await instance({ trustProxy: ['10.0.0.0/8', 'fd00::/8'] });
    const forged = [1, 2, 3, 4].map((i) => () => lookUp(api, `198.51.100.${i}`));
    expect(await inTurn(forged)).toEqual([404, 404, 404, 429]);
  });

  it('counts each client behind a proxy named in TRUST_PROXY by the address the proxy saw', async () => {
    // The test connects over loopback: here loopback is the proxy.
    const api = await instance({ trustProxy: ['127.0.0.1', '::1'] });
    const clients = [1, 2, 3, 4, 5, 6].map((i) => () => lookUp(api, `198.51.100.${i}`));
    expect(await inTurn(clients)).toEqual([404, 404, 404, 404, 404, 404]);
    // One client, whatever it writes in front of what the proxy appended, is one client.
    const oneClient = [1, 2, 3, 4].map((i) => () => lookUp(api, `203.0.113.${i}, 198.51.100.77`));
    expect(await inTurn(oneClient)).toEqual([404, 404, 404, 429]);
  });

  it('limits applications, sign-ins and uploads each on their own', async () => {
    // The editor signs in first: the sign-ins below are to spend this address's login limit.
    const editor = await t.as('editor-450321100');
    const api = await instance();
    const submit = () =>
      api
        .post('/api/public/submissions')
        .send({ region: '450321100', items: ['0117302000'], data: homesteadData() });
    expect(await inTurn([submit, submit, submit])).toEqual([201, 201, 429]);

    const login = () => api.post('/api/auth/login').send({ username: 'nobody', password: 'wrong' });
    expect(await inTurn([login, login, login, login, login])).toEqual([401, 401, 401, 401, 429]);

    const workbook = await new Workbook().xlsx.writeBuffer();
    const upload = () =>
      api
        .post('/api/townships/450321100/items/import')
        .set(editor)
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(Buffer.from(workbook));
    const [first, second] = await inTurn([upload, upload]);
    expect(first).toBe(400); // an empty workbook: counted all the same
    expect(second).toBe(429);

    // Look-ups are a kind of their own: still allowed.
    expect((await lookUp(api)).status).toBe(404);
  });

  it(
    DB_LABEL === 'mysql'
      ? 'are shared by every instance on the database (counted in rate_limits)'
      : 'are counted in the memory of the one embedded instance',
    async () => {
      const one = await instance();
      const two = request(createApp(t.store, config, 'test-secret', t.printer).callback());
      expect(await inTurn([1, 2, 3].map(() => () => lookUp(one)))).toEqual([404, 404, 404]);
      expect((await lookUp(two)).status).toBe(DB_LABEL === 'mysql' ? 429 : 404);
    },
  );

  it('document every limited route with its 429 in the OpenAPI document', async () => {
    const doc = (await t.api.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    for (const [path, method] of [
      ['/api/public/submissions', 'post'],
      ['/api/public/submissions/{reference}', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/townships/{code}/items/import', 'post'],
    ] as const)
      expect({ path, description: doc.paths[path]![method]!.responses['429']?.description }).toEqual({
        path,
        description: expect.stringMatching(ZH),
      });
  });
});
