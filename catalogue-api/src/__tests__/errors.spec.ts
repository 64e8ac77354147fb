import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { isUscc } from '@oneseal/schemas';
import type { Response } from 'supertest';
import { TokenSigner } from '../auth/tokens';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import type { Json, Outcome, Rng } from './fuzzInput';
import { jsonText, judge, mutate, prng, randomJson, randomString } from './fuzzInput';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/** POSTs bytes exactly as given, through a listening server (supertest re-encodes some bodies). */
async function postOverSocket(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const server = (await import('node:http')).createServer(t.app.callback());
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { ...headers, 'Content-Length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    server.close();
  }
}

/**
 * "Bad input never yields a 500": real requests against a seeded app. Every error answer, whatever caused it,
 * is `{ error: { code, message, details: [{ path, message }] } }`.
 */

type JsonObject = Record<string, unknown>;
type Headers = Record<string, string>;

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000'; // a published item of 阳朔镇 in the seeds
const DRAFT = `/api/townships/${TOWNSHIP}/items/${ITEM}`;
const PUBLIC_ITEMS = `/api/public/regions/${TOWNSHIP}/items`;
const ONE_MB = 1024 * 1024;
/** The secret createTestApp signs tokens with. */
const TEST_SECRET = 'test-secret';
const HAN = /\p{Script=Han}/u;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

let t: TestApp;
let editor: { Authorization: string };
let admin: { Authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  // Sign in before anything counts failed logins against this client's address.
  editor = await t.as('editor-450321100');
  admin = await t.as('admin');
});
afterAll(() => t.close());

/** The one error shape, with `details` made of `{ path, message }` strings. */
function expectErrorShape(res: Response): void {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual({
    error: expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      details: expect.any(Array),
    }),
  });
  const error = (res.body as { error: { message: string; details: unknown[] } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  for (const d of error.details) expect(d).toEqual({ path: expect.any(String), message: expect.any(String) });
}

function expectError(
  res: Response,
  status: number,
  code?: string,
): { code: string; message: string; details: { path: string; message: string }[] } {
  expect({ status: res.status, body: res.body as unknown }).toEqual({ status, body: expect.anything() });
  expectErrorShape(res);
  const error = (
    res.body as { error: { code: string; message: string; details: { path: string; message: string }[] } }
  ).error;
  if (code) expect(error.code).toBe(code);
  return error;
}

/** A shallow copy without one key. */
function without(value: JsonObject, key: string): JsonObject {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

const isClientError = (status: number) => status >= 400 && status < 500;

async function readDraft() {
  const res = await t.api.get(DRAFT).set(editor);
  expect(res.status).toBe(200);
  return res.body as { revision: number; status: string; implementation: JsonObject };
}

// ---------------------------------------------------------------------------------------------------------------
describe(`request bodies (${DB_LABEL})`, () => {
  const sendRaw = (path: string, body: string | Buffer, contentType: string, headers: Headers = {}) =>
    t.api.post(path).set(headers).set('Content-Type', contentType).send(body);

  it.each([
    ['an unterminated object', '{"username":'],
    ['an unterminated array', '[1,'],
    ['an unquoted key', '{username: "admin"}'],
    ['single quotes', "{'username': 'admin'}"],
    ['a trailing comma', '{"username": "admin", "password": "x",}'],
  ])('malformed JSON (%s) → 400 malformed-json', async (_label, body) => {
    const login = await sendRaw('/api/auth/login', body, 'application/json');
    expectError(login, 400, 'malformed-json');
    const put = await t.api
      .put(DRAFT)
      .set(editor)
      .set('If-Match', '1')
      .set('Content-Type', 'application/json')
      .send(body);
    expectError(put, 400, 'malformed-json');
  });

  it.each([
    ['a string', '"admin"'],
    ['a number', '42'],
    ['null', 'null'],
    ['whitespace only', '   '],
  ])('a JSON body that is %s where an object is expected → a 4xx, never a 500', async (_label, body) => {
    const res = await sendRaw('/api/auth/login', body, 'application/json');
    expect({ body, status: res.status, client: isClientError(res.status) }).toEqual({
      body,
      status: res.status,
      client: true,
    });
    expectErrorShape(res);
  });

  it('a JSON object with a "__proto__" key → a 4xx, never a 500', async () => {
    const res = await sendRaw(
      '/api/auth/login',
      '{"username":"admin","password":"x","__proto__":{"isAdmin":true}}',
      'application/json',
    );
    expect(isClientError(res.status)).toBe(true);
    expectErrorShape(res);
  });

  it('a body over 1 MB → 413 too-large; one just under the limit is read and validated', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(ONE_MB) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(ONE_MB);
    expectError(await sendRaw('/api/auth/login', big, 'application/json'), 413, 'too-large');

    const justUnder = JSON.stringify({ username: 'admin', password: 'x'.repeat(ONE_MB - 100) });
    expect(Buffer.byteLength(justUnder)).toBeLessThan(ONE_MB);
    // Read, then refused by the body schema (password has at most 200 characters).
    const details = expectError(await sendRaw('/api/auth/login', justUnder, 'application/json'), 422).details;
    expect(details.map((d) => d.path)).toContain('/password');
  });

  it.each([
    ['text/plain', '{"username":"admin","password":"oneseal-demo"}'],
    ['application/x-www-form-urlencoded', 'username=admin&password=oneseal-demo'],
    ['application/xml', '<login><username>admin</username></login>'],
  ])('a %s body on a JSON route → a 4xx in the error shape, and no sign-in', async (type, body) => {
    const res = await sendRaw('/api/auth/login', body, type);
    expect(isClientError(res.status)).toBe(true);
    expectErrorShape(res);
    expect(res.body).not.toHaveProperty('token');
  });

  it('a non-JSON content type is refused as such (415, or 400), not read as an empty JSON object', async () => {
    // The login credentials are in the body, correctly spelt; only the content type is wrong. Answering
    // "username 必须填写" (422) tells the client the wrong thing.
    const login = await sendRaw(
      '/api/auth/login',
      `{"username":"admin","password":"${DEMO_PASSWORD}"}`,
      'text/plain',
    );
    expect([400, 415]).toContain(login.status);
    expectErrorShape(login);
    // On a route whose body is all optional, a text body must not be silently dropped and the action run.
    // publish takes { reason, effectiveDate?: date }; the date below is invalid, so as JSON this is a 422.
    const asJson = await sendRaw(
      `/api/townships/${TOWNSHIP}/publish`,
      '{"reason":"调整","effectiveDate":"2024-13-45"}',
      'application/json',
      editor,
    );
    expectError(asJson, 422, 'invalid');
    const asText = await sendRaw(
      `/api/townships/${TOWNSHIP}/publish`,
      '{"effectiveDate":"2024-13-45"}',
      'text/plain',
      editor,
    );
    expect([400, 415]).toContain(asText.status);
    expectErrorShape(asText);
  });

  it('an unsupported or corrupt Content-Encoding → a 4xx, never a 500', async () => {
    const json = JSON.stringify({ username: 'admin', password: 'wrong-password' });
    const unknown = await sendRaw('/api/auth/login', json, 'application/json', {
      'Content-Encoding': 'x-unknown',
    });
    expect({
      case: 'unknown encoding',
      status: unknown.status,
      client: isClientError(unknown.status),
    }).toEqual({
      case: 'unknown encoding',
      status: unknown.status,
      client: true,
    });
    expectErrorShape(unknown);
    const corrupt = await sendRaw('/api/auth/login', 'this is not gzip', 'application/json', {
      'Content-Encoding': 'gzip',
    });
    expect({ case: 'corrupt gzip', status: corrupt.status, client: isClientError(corrupt.status) }).toEqual({
      case: 'corrupt gzip',
      status: corrupt.status,
      client: true,
    });
    expectErrorShape(corrupt);
    // A well-formed gzip body is read (the user does not exist → 401), so the encoding itself is supported.
    // Sent over a real socket: superagent does not pass a gzipped Buffer through unchanged.
    const good = await postOverSocket(
      '/api/auth/login',
      gzipSync(JSON.stringify({ username: 'no-such-user-gzip', password: 'x' })),
      {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      },
    );
    expect(good.status).toBe(401);
    expect((good.body as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`unknown fields and invalid values (${DB_LABEL})`, () => {
  const put = (body: unknown, revision: number, headers: Headers = {}) =>
    t.api
      .put(DRAFT)
      .set(editor)
      .set(headers)
      .set('If-Match', String(revision))
      .send(body as object);

  it('PUT a draft with an extra top-level field → 422 naming /extraField; nothing stored changes', async () => {
    const before = await readDraft();
    const res = await put({ ...before.implementation, extraField: 'x' }, before.revision);
    const error = expectError(res, 422, 'invalid');
    expect(error.details).toContainEqual({ path: '/extraField', message: '不是允许的字段' });
    const after = await readDraft();
    expect(after.revision).toBe(before.revision);
    expect(after.status).toBe(before.status);
    expect(after.implementation).toEqual(before.implementation);
  });

  it('an unknown nested field is named by its full path', async () => {
    const before = await readDraft();
    const body = structuredClone(before.implementation);
    (body.implementingBody as JsonObject).secretNote = 'x';
    const error = expectError(await put(body, before.revision), 422, 'invalid');
    expect(error.details).toContainEqual({ path: '/implementingBody/secretNote', message: '不是允许的字段' });
    expect((await readDraft()).revision).toBe(before.revision);
  });

  it('an unknown field in the login body → 422 naming it', async () => {
    const res = await t.api
      .post('/api/auth/login')
      .send({ username: 'admin', password: DEMO_PASSWORD, remember: true });
    const error = expectError(res, 422, 'invalid');
    expect(error.details).toContainEqual({ path: '/remember', message: '不是允许的字段' });
  });

  it('a bad USCC → 422 at /implementingBody/uscc with the zh message; English with Accept-Language: en', async () => {
    const before = await readDraft();
    const body = structuredClone(before.implementation);
    // The seeds state no credit code (none was published); the editor types one with a wrong check character.
    const uscc = '11450321MB1957744C';
    expect(isUscc(uscc)).toBe(true);
    // Same length and alphabet, wrong check character.
    const last = uscc.slice(-1);
    const bad = uscc.slice(0, -1) + (last === '0' ? '1' : '0');
    expect(isUscc(bad)).toBe(false);
    (body.implementingBody as JsonObject).uscc = bad;

    const zh = expectError(await put(body, before.revision), 422, 'invalid');
    expect(zh.details).toContainEqual({
      path: '/implementingBody/uscc',
      message: '不是有效的统一社会信用代码',
    });
    expect(zh.message).toMatch(HAN);

    const en = expectError(await put(body, before.revision, { 'Accept-Language': 'en' }), 422, 'invalid');
    expect(en.message).toMatch(ASCII_ONLY);
    const usccIssue = en.details.find((d) => d.path === '/implementingBody/uscc');
    expect(usccIssue?.message).toMatch(/unified social credit code/i);
    for (const d of en.details) expect(d.message).toMatch(ASCII_ONLY);

    expect((await readDraft()).implementation).toEqual(before.implementation);
  });

  it('several invalid values at once → one issue per path, zh by default, English on request', async () => {
    const before = await readDraft();
    const body = {
      ...structuredClone(before.implementation),
      visits: 11, // 0–10
      handlingForms: ['8'], // a code of the list
      inHall: 'yes', // a boolean
    };
    const zh = expectError(await put(body, before.revision), 422, 'invalid');
    const paths = zh.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/visits', '/handlingForms/0', '/inHall']));
    for (const d of zh.details) expect(d.message).toMatch(HAN);

    const en = expectError(
      await put(body, before.revision, { 'Accept-Language': 'en-GB,en;q=0.9' }),
      422,
      'invalid',
    );
    expect(en.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['/visits', '/handlingForms/0', '/inHall']),
    );
    for (const d of [...en.details, { path: '', message: en.message }]) expect(d.message).toMatch(ASCII_ONLY);

    expect((await readDraft()).revision).toBe(before.revision);
  });

  it('a missing required field → 422 "必须填写" at that field', async () => {
    const before = await readDraft();
    const body = without(before.implementation, 'materials');
    const error = expectError(await put(body, before.revision), 422, 'invalid');
    expect(error.details).toContainEqual({ path: '/materials', message: '必须填写' });
  });

  it('regionCode/baseCode that disagree with the address → 422 naming them', async () => {
    const before = await readDraft();
    const body = { ...before.implementation, regionCode: '450321101' };
    const error = expectError(await put(body, before.revision), 422);
    expect(error.details.map((d) => d.path)).toContain('/regionCode');
    expect((await readDraft()).revision).toBe(before.revision);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`path and query parameters, routes and methods (${DB_LABEL})`, () => {
  const expectBadParam = (res: Response, name: string) => {
    const error = expectError(res, 400, 'bad-request');
    expect(error.details.map((d) => d.path)).toContain(`/${name}`);
    return error;
  };

  it('a township code that is not 9 digits → 400 naming code', async () => {
    expectBadParam(await t.api.get('/api/public/regions/12345/items'), 'code');
    expectBadParam(await t.api.get(`/api/public/regions/12345/items/${ITEM}`), 'code');
    expectBadParam(await t.api.get(`/api/townships/12345/items/${ITEM}`).set(editor), 'code');
  });

  it('an item code outside the basic-code alphabet → 400 naming itemCode', async () => {
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}/abc`), 'itemCode');
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}/${'1'.repeat(13)}`), 'itemCode');
  });

  it('the zh error message names the parameter; so does the English one', async () => {
    const zh = expectBadParam(await t.api.get('/api/public/regions/12345/items'), 'code');
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('code');
    const en = expectBadParam(
      await t.api.get('/api/public/regions/12345/items').set('Accept-Language', 'en'),
      'code',
    );
    expect(en.message).toMatch(ASCII_ONLY);
    expect(en.message).toContain('code');
  });

  it.each(['0', '101', '-1', 'abc', '1.5', ''])('limit=%j → 400 naming limit', async (limit) => {
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}?limit=${encodeURIComponent(limit)}`), 'limit');
  });

  it('limit given twice → 400 naming limit', async () => {
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}?limit=1&limit=2`), 'limit');
  });

  it('limits 1 and 100 are accepted (the bounds of 1–100)', async () => {
    for (const limit of [1, 100]) {
      const res = await t.api.get(`${PUBLIC_ITEMS}?limit=${limit}`);
      expect(res.status).toBe(200);
      expect((res.body as { items: unknown[] }).items.length).toBeLessThanOrEqual(limit);
    }
  });

  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['not base64 JSON', 'not-a-cursor!!'],
    ['JSON of the wrong shape', b64('{"order":1}')],
    ['an array of the wrong types', b64('["1",2]')],
    ['longer than allowed', 'A'.repeat(201)],
    ['a non-finite sort order (1e400)', b64('[1e400,"0117302000"]')],
    ['a negative non-finite sort order', b64('[-1e400,"0117302000"]')],
  ])('an invalid cursor (%s) → 400 naming cursor', async (_label, cursor) => {
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}?cursor=${cursor}`), 'cursor');
  });

  it('a cursor from the previous page is accepted', async () => {
    const first = await t.api.get(`${PUBLIC_ITEMS}?limit=2`);
    expect(first.status).toBe(200);
    const next = (first.body as { next: string | null }).next;
    expect(typeof next).toBe('string');
    expect((await t.api.get(`${PUBLIC_ITEMS}?limit=2&cursor=${next}`)).status).toBe(200);
  });

  it.each([
    ['tag', 'unknown'],
    ['tag', 'toString'],
    ['tag', 'valueOf'],
    ['object', '法人以外'],
    ['object', 'toString'],
    ['object', 'valueOf'],
  ])('an unknown %s value (%s) → 400 naming it', async (name, value) => {
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}?${name}=${encodeURIComponent(value)}`), name);
  });

  it('diff without from/to, or with a version of 0 → 400 naming the parameter', async () => {
    expectBadParam(await t.api.get(`${DRAFT}/diff?to=1`).set(editor), 'from');
    expectBadParam(await t.api.get(`${DRAFT}/diff?from=1&to=0`).set(editor), 'to');
    expectBadParam(await t.api.get(`${PUBLIC_ITEMS}/${ITEM}/versions/0`), 'version');
  });

  it('an unknown route → 404 in the JSON error shape', async () => {
    expectError(await t.api.get('/api/no-such-route'), 404, 'not-found');
    expectError(await t.api.post('/api/no-such-route').send({}), 404, 'not-found');
    // Other paths belong to the portal's single-page app, which answers GET only.
    expectError(await t.api.post('/no-api-prefix').send({}), 404, 'not-found');
  });

  it('a known path with a method it does not have → 405 with Allow listing the methods it has', async () => {
    const del = await t.api.delete('/api/health');
    expect(del.status).toBe(405);
    expect(del.headers.allow?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET']));
    const patch = await t.api.patch(DRAFT).set(editor).send({});
    expect(patch.status).toBe(405);
    expect(patch.headers.allow?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'PUT']));
  });

  it('method errors are in the JSON error shape too (405; and unknown methods are not a 5xx)', async () => {
    const del = await t.api.delete('/api/health');
    expect(del.status).toBe(405);
    expectErrorShape(del);
    const propfind = await t.api.propfind('/api/health');
    expect({ method: 'PROPFIND', status: propfind.status, client: isClientError(propfind.status) }).toEqual({
      method: 'PROPFIND',
      status: propfind.status,
      client: true,
    });
    expectErrorShape(propfind);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`If-Match (${DB_LABEL})`, () => {
  it('missing → 428 revision-required naming If-Match; nothing stored changes', async () => {
    const before = await readDraft();
    const res = await t.api.put(DRAFT).set(editor).send(before.implementation);
    const error = expectError(res, 428, 'revision-required');
    expect(error.details.map((d) => d.path)).toContain('/If-Match');
    expect((await readDraft()).revision).toBe(before.revision);
  });

  it.each(['abc', '0', '-1', '1.5', '"x"'])('If-Match: %s → 400 naming If-Match', async (value) => {
    const before = await readDraft();
    const res = await t.api.put(DRAFT).set(editor).set('If-Match', value).send(before.implementation);
    const error = expectError(res, 400, 'bad-request');
    expect(error.details.map((d) => d.path)).toContain('/If-Match');
    expect((await readDraft()).revision).toBe(before.revision);
  });

  it('a revision that is not the current one → 409 stale-revision; nothing stored changes', async () => {
    const before = await readDraft();
    const res = await t.api
      .put(DRAFT)
      .set(editor)
      .set('If-Match', String(before.revision + 100))
      .send(before.implementation);
    expectError(res, 409, 'stale-revision');
    const after = await readDraft();
    expect(after.revision).toBe(before.revision);
    expect(after.implementation).toEqual(before.implementation);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`tokens (${DB_LABEL})`, () => {
  const me = (authorization: string) => t.api.get('/api/auth/me').set('Authorization', authorization);
  const principal = { username: 'editor-450321100', role: 'township-editor', regionCode: TOWNSHIP } as const;

  it('a token signed with the app secret but expired → 401 with WWW-Authenticate: Bearer', async () => {
    const signer = new TokenSigner(TEST_SECRET, 60);
    // Control: the same signer, now, is accepted, so the refusal below is the expiry and nothing else.
    expect((await me(`Bearer ${signer.issue(principal).token}`)).status).toBe(200);
    const expired = signer.issue(principal, Date.now() - 2 * 60 * 1000).token;
    const res = await me(`Bearer ${expired}`);
    expectError(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('a real token with one character changed → 401, wherever the change is', async () => {
    const token = editor.Authorization.replace(/^Bearer /, '');
    expect((await me(`Bearer ${token}`)).status).toBe(200);
    const dot = token.indexOf('.');
    expect(dot).toBeGreaterThan(0);
    const positions = [
      0,
      Math.floor(dot / 2),
      dot - 1,
      dot + 1,
      Math.floor((dot + token.length) / 2),
      token.length - 1,
    ];
    for (const i of positions) {
      const c = token[i]!;
      const tampered = token.slice(0, i) + (c === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(tampered).not.toBe(token);
      const res = await me(`Bearer ${tampered}`);
      expect({ position: i, status: res.status }).toEqual({ position: i, status: 401 });
      expectErrorShape(res);
    }
  });

  it('a token signed with another secret, a malformed header or no token → 401', async () => {
    const foreign = new TokenSigner('another-secret', 3600).issue(principal).token;
    for (const header of [
      `Bearer ${foreign}`,
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46b25lc2VhbC1kZW1v',
      'Bearer a.b.c',
      'Bearer ..',
    ]) {
      const res = await me(header);
      expect({ header, status: res.status }).toEqual({ header, status: 401 });
      expectErrorShape(res);
    }
    expectError(await t.api.get('/api/auth/me'), 401, 'unauthorized');
  });

  it('a tampered token is refused on a write route and changes nothing', async () => {
    const before = await readDraft();
    const token = editor.Authorization.replace(/^Bearer /, '');
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const res = await t.api
      .put(DRAFT)
      .set('Authorization', `Bearer ${tampered}`)
      .set('If-Match', String(before.revision))
      .send({ ...before.implementation, hours: '全天' });
    expectError(res, 401, 'unauthorized');
    expect((await readDraft()).revision).toBe(before.revision);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`login rate limit (${DB_LABEL})`, () => {
  // A user no other test signs in as. The rule: 5 failures for one user name within 15 minutes lock it.
  const USER = 'editor-450323101';
  const WINDOW_SECONDS = 15 * 60;
  const login = (password: string) => t.api.post('/api/auth/login').send({ username: USER, password });

  it('5 wrong passwords → the 6th attempt, even with the right password, is 429 with Retry-After', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await login(`wrong-password-${attempt}`);
      expect({ attempt, status: res.status }).toEqual({ attempt, status: 401 });
      expectErrorShape(res);
    }
    const sixth = await login(DEMO_PASSWORD);
    expectError(sixth, 429);
    expect(sixth.body).not.toHaveProperty('token');
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Still locked on the next try; in English on request.
    const seventh = await login(DEMO_PASSWORD).set('Accept-Language', 'en');
    expectError(seventh, 429);
    expect((seventh.body as { error: { message: string } }).error.message).toMatch(ASCII_ONLY);
  });

  it('the lock is per user: another user signs in from the same client', async () => {
    const res = await t.api.post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(typeof (res.body as { token?: unknown }).token).toBe('string');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`fuzz: no bad input yields a 5xx (${DB_LABEL})`, () => {
  const SEED = 0x0ee5ea1;
  const RUNS = 50;

  async function fuzz(
    seed: number,
    send: (r: Rng, i: number) => Promise<{ request: string; res: Response }>,
  ) {
    const r = prng(seed);
    const problems: Outcome[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < RUNS; i++) {
      const { request, res } = await send(r, i);
      statuses.add(res.status);
      const problem = judge(request, res);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    // The run reached the server with requests it had to refuse, not only one repeated answer.
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  }

  it('POST /api/auth/login with 50 random JSON bodies', async () => {
    await fuzz(SEED + 1, async (r, i) => {
      const body: Json =
        i % 2 === 0
          ? randomJson(r)
          : mutate(r, { username: r.pick(['admin', 'nobody', randomString(r)]), password: randomString(r) })
              .body;
      const text = jsonText(body);
      // A distinct forwarded address per request, so the per-address limit does not mask what the body does.
      const res = await t.api
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.9.${Math.floor(i / 250)}.${i % 250}`)
        .set('Content-Type', 'application/json')
        .send(text);
      return { request: `POST /api/auth/login ${text.slice(0, 200)}`, res };
    });
  });

  it(`PUT ${DRAFT} with 50 random changes to the stored draft`, async () => {
    const start = await readDraft();
    let revision = start.revision;
    await fuzz(SEED + 2, async (r, i) => {
      const { body, change } =
        i % 5 === 4 ? { body: randomJson(r), change: 'whole body' } : mutate(r, start.implementation as Json);
      const text = jsonText(body);
      const res = await t.api
        .put(DRAFT)
        .set(editor)
        .set('If-Match', String(revision))
        .set('Content-Type', 'application/json')
        .send(text);
      if (res.status === 200) revision = (res.body as { revision: number }).revision;
      return {
        request: `PUT ${DRAFT} ${change === 'whole body' ? text.slice(0, 200) : `(stored draft, ${change})`}`,
        res,
      };
    });
  });

  it(`POST /api/townships/${TOWNSHIP}/items (adopt) with 50 random JSON bodies`, async () => {
    await fuzz(SEED + 3, async (r, i) => {
      const body = i % 2 === 0 ? randomJson(r) : mutate(r, { baseCode: randomString(r) }).body;
      const text = jsonText(body);
      const res = await t.api
        .post(`/api/townships/${TOWNSHIP}/items`)
        .set(editor)
        .set('Content-Type', 'application/json')
        .send(text);
      return { request: `POST /api/townships/${TOWNSHIP}/items ${text.slice(0, 200)}`, res };
    });
  });

  it(`GET ${PUBLIC_ITEMS} with 50 random query strings`, async () => {
    const names = ['type', 'tag', 'object', 'q', 'cursor', 'limit', 'other'];
    const numbers = ['0', '1', '-1', '1.5', '1e999', '-1e999', '9007199254740993', '"1"', 'null'];
    await fuzz(SEED + 4, async (r) => {
      const pairs: string[] = [];
      for (let n = 1 + r.int(3); n > 0; n--) {
        const name = r.pick(names);
        let value = randomString(r);
        // Cursors are base64url JSON: half of them are well-formed text around random pieces.
        if (name === 'cursor' && r.next() < 0.5)
          value = Buffer.from(`[${r.pick(numbers)},${JSON.stringify(randomString(r))}]`).toString(
            'base64url',
          );
        pairs.push(`${name}=${encodeURIComponent(value)}`);
      }
      const url = `${PUBLIC_ITEMS}?${pairs.join('&')}`;
      return { request: `GET ${url}`, res: await t.api.get(url) };
    });
  });

  it('GET /api/public/regions/{code}/items/{itemCode}[/versions/{version}] with 50 random path parameters', async () => {
    await fuzz(SEED + 5, async (r) => {
      const code = r.pick([TOWNSHIP, '450321000', randomString(r)]);
      const item = r.pick([ITEM, randomString(r)]);
      const tail =
        r.next() < 0.4
          ? `/versions/${encodeURIComponent(r.pick(['0', '1', '999999', '1000000', randomString(r)]))}`
          : '';
      const url = `/api/public/regions/${encodeURIComponent(code) || '%20'}/items/${encodeURIComponent(item) || '%20'}${tail}`;
      return { request: `GET ${url}`, res: await t.api.get(url) };
    });
  });

  it(`GET ${DRAFT}/diff and /api/audit with 50 random query strings`, async () => {
    await fuzz(SEED + 6, async (r, i) => {
      const v = () => encodeURIComponent(r.pick(['1', '2', '0', '999999', randomString(r)]));
      const url =
        i % 2 === 0
          ? `${DRAFT}/diff?from=${v()}&to=${v()}`
          : `/api/audit?${r.pick(['entityType', 'entityKey', 'before', 'limit'])}=${v()}&${r.pick(['before', 'limit'])}=${v()}`;
      return { request: `GET ${url}`, res: await t.api.get(url).set(i % 2 === 0 ? editor : admin) };
    });
  });
});
