/**
 * Issue 10 (CSP without 'unsafe-eval') and issue 11 (forms cached per set of item versions): the server compiles
 * each published form's field checks as an ES module the portal imports; the designer's preview gets a draft's the
 * same way; the portal's CSP no longer allows eval; HSTS under https; a CSP on /api/docs.
 */
import type { CompiledCheck, DataElement, ItemForm } from '@oneseal/schemas';
import { evaluateChecks, toIssues } from '@oneseal/schemas';
import * as runtime from '@oneseal/runtime';
import Koa from 'koa';
import request from 'supertest';
import { securityHeaders } from '../http/middleware';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

// Every merge the server makes is counted: a form is merged once per set of item versions, not per request.
jest.mock('@oneseal/runtime', () => {
  const actual = jest.requireActual('@oneseal/runtime');
  return { ...actual, mergeForms: jest.fn(actual.mergeForms) };
});

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const CHECKS = `/api/public/regions/${YANGSHUO}/form-checks.js?items=${HOMESTEAD}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The check of the field whose value schema satisfies `which`, and its verdict on `value` in zh-CN. */
function verdict(checks: Map<string, CompiledCheck>, which: (schema: Record<string, unknown>) => boolean) {
  const found = [...checks].find(([key]) => which(JSON.parse(key)));
  if (!found) throw new Error('no such check');
  const check = found[1];
  return (value: unknown) => (check(value) ? undefined : toIssues(check.errors)[0]!.message);
}

describe(`field checks compiled by the server (${DB_LABEL})`, () => {
  it('serves a published form’s checks as a same-origin JavaScript module, revalidated by its ETag', async () => {
    const res = await t.api.get(CHECKS);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.text).toMatch(/^\/\/ OneSeal form checks/);
    expect(res.text).not.toMatch(/\brequire\("(?!ajv\/dist\/runtime\/|@oneseal\/schemas\/formats)/);
    const again = await t.api.get(CHECKS).set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('checks answers as the server does, in Chinese: formats, lengths, the 2,000-character ceiling', async () => {
    const checks = evaluateChecks((await t.api.get(CHECKS)).text);
    const idNumber = verdict(checks, (s) => s.format === 'cn-id-card');
    expect(idNumber('450321197003120021')).toBe('不是有效的公民身份号码');
    expect(idNumber(homesteadData().idNumber)).toBeUndefined();
    const mobile = verdict(checks, (s) => s.format === 'cn-mobile');
    expect(mobile('12345')).toBe('不是有效的手机号码');
    const unbounded = verdict(checks, (s) => s.maxLength === 2000 && !s.format && !s.enum && !s.pattern);
    expect(unbounded('字'.repeat(2000))).toBeUndefined();
    expect(unbounded('字'.repeat(2001))).toBe('不应多于 2000 个字符');
  });

  it('refuses items not published in the township (422) and a malformed list (400)', async () => {
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/form-checks.js?items=9999999999`);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: '/items', message: '事项 9999999999 未在该乡镇发布' }]);
    expect((await t.api.get(`/api/public/regions/${YANGSHUO}/form-checks.js?items=1,2`)).status).toBe(400);
  });

  it('builds a form once per set of item versions, and anew when a data element it binds is saved', async () => {
    const merges = runtime.mergeForms as jest.Mock;
    merges.mockClear();
    const apply = () =>
      t.api
        .post('/api/public/submissions')
        .send({ region: YANGSHUO, items: [HOMESTEAD], data: homesteadData() });
    for (let i = 0; i < 3; i++) expect((await apply()).status).toBe(201);
    expect((await t.api.get(CHECKS)).status).toBe(200);
    expect(merges).toHaveBeenCalledTimes(0);

    const admin = await t.as('admin');
    const read = await t.api.get('/api/data-elements/applicantName').set(admin);
    const element = { ...(read.body.document as DataElement), maxLength: 20 };
    const saved = await t.api
      .put('/api/data-elements/applicantName')
      .set(admin)
      .set('If-Match', `"${read.body.revision}"`)
      .send(element);
    expect(saved.status).toBe(200);
    const name = verdict(
      evaluateChecks((await t.api.get(CHECKS)).text),
      (s) => s.minLength === 2 && !s.format,
    );
    expect(name('莫'.repeat(21))).toBe('不应多于 20 个字符');
    expect(merges).toHaveBeenCalledTimes(1);
    expect((await apply()).status).toBe(201);
    expect(merges).toHaveBeenCalledTimes(1);
  });

  it('compiles a draft form for the designer’s preview, and refuses an unsafe pattern in it (422)', async () => {
    const admin = await t.as('admin');
    const base = await t.api.get(`/api/base-items/${HOMESTEAD}`).set(admin);
    const form = base.body.baseItem.form as ItemForm;
    const ok = await t.api.post('/api/preview/form-checks.js').set(admin).send({ form });
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(evaluateChecks(ok.text).size).toBe(runtime.deriveForm(form).fieldSchemas.size);
    // A POST is never answered 304, whatever its If-None-Match says: the draft is compiled afresh.
    const conditional = await t.api
      .post('/api/preview/form-checks.js')
      .set(admin)
      .set('If-None-Match', ok.headers.etag!)
      .send({ form });
    expect(conditional.status).toBe(200);
    expect(conditional.text).toBe(ok.text);

    const hostile = structuredClone(form);
    hostile.properties.building!.properties!.reason!.pattern = '^(\\w+\\s?)*$';
    const refused = await t.api.post('/api/preview/form-checks.js').set(admin).send({ form: hostile });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { path: '/form/properties/building/properties/reason/pattern', message: expect.stringMatching(/回溯/) },
    ]);
    expect((await t.api.post('/api/preview/form-checks.js').send({ form })).status).toBe(401);
  });
});

describe('security headers', () => {
  it('gives the portal a CSP without eval; only the signed-in designer keeps it', async () => {
    const portal = (await t.api.get('/')).headers['content-security-policy'];
    expect(portal).toContain("script-src 'self';");
    expect(portal).not.toContain('unsafe-eval');
    const designer = (await t.api.get('/designer/')).headers['content-security-policy'];
    expect(designer).toContain("script-src 'self' 'unsafe-eval' blob:");
  });

  it('puts a CSP on /api/docs', async () => {
    const res = await t.api.get('/api/docs');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self';");
  });

  it('sends HSTS when the public address is https, and not over plain http', async () => {
    const app = (base: string) => {
      const koa = new Koa();
      koa.use(securityHeaders(base));
      koa.use((ctx) => void (ctx.body = 'ok'));
      return request(koa.callback());
    };
    expect((await app('https://ykb.guilin.gov.cn').get('/')).headers['strict-transport-security']).toBe(
      'max-age=31536000',
    );
    expect(
      (await app('http://localhost:3000').get('/')).headers['strict-transport-security'],
    ).toBeUndefined();
    expect((await t.api.get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  });
});
