import type { IncomingHttpHeaders, Server } from 'node:http';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { ValidateFunction } from '@oneseal/schemas';
import { createAjv } from '@oneseal/schemas';
import { apiRoutes } from '../app';
import { TokenSigner } from '../auth/tokens';
import { createHttpServer } from '../http/httpServer';
import { RAW_BODIES } from '../http/middleware';
import { compileResponseChecks } from '../http/responseCheck';
import type { RouteSpec } from '../http/routeTable';
import { errorBody } from '../routes/common';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import { SUBMISSION_STATUSES } from '../services/submissions';
import { openDay, TEST_HOURS } from './bookingFixtures';
import type { Answer, Json, Outcome, Rng } from './fuzzInput';
import {
  descend,
  jsonText,
  judge,
  mutate,
  prng,
  randomJson,
  randomString,
  setKey,
  STRINGS,
} from './fuzzInput';
import { applicant, homesteadData } from './homesteadApplication';
import { PlaceholderPrinter } from './placeholderPrinter';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Every route of the route table × PER_ROUTE generated bad requests: wrong types, NUL characters, deep JSON, huge
 * strings, prototype keys, bad path and query parameters, odd content types and encodings, signed in as a role
 * that may call the route, one that may not, with a broken token, and anonymous. No answer may be a 5xx, every
 * 4xx is in the error shape, and /api/health keeps answering within 1 s throughout.
 *
 * The requests come from a seeded generator: FUZZ_SEED=<seed> (shown in the test names) sends the same ones
 * again. Routes run one after another and requests one at a time, so a whole run replays exactly; one route run
 * alone (-t) meets the state the earlier routes would have left only approximately.
 *
 * PDFs are "printed" by a placeholder (one empty page per guide): every printing route runs its own input
 * handling, rendering, caching and merging; only Chromium is left out.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const PER_ROUTE = 200;
const TOWNSHIP = '450321100'; // 阳朔镇: published items, one application
const ITEM = '0117302000'; // published in 阳朔镇
const USERS = ['admin', 'admin-450321', 'editor-450321100', 'editor-450323101', 'reviewer-450321'] as const;
const ONE_MB = 1024 * 1024;

interface FuzzRequest {
  method: string;
  /** Already encoded, sent as it is (no URL normalisation: `..` and `%2e` stay in). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
  /** What the request carries, for the failure report. */
  label: string;
}

let t: TestApp;
let server: Server;
let port: number;
const agent = new Agent({ keepAlive: true });
const healthAgent = new Agent({ keepAlive: true });

/**
 * Sends a request exactly as generated. A reused keep-alive connection the server has just closed (after an
 * answer to a body it did not read) is retried once on a new one, as HTTP clients do; an answer that does not
 * come within 60 s counts as a failure.
 */
async function send(req: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body' | 'chunked'>, via = agent) {
  try {
    return await sendOnce(req, via);
  } catch (error) {
    if (!(error as { reused?: boolean }).reused) throw error;
    return sendOnce(req, via);
  }
}

function sendOnce(req: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body' | 'chunked'>, via: Agent) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    // Node's client frames a GET body only when told how: a length, or chunked encoding named.
    if (req.body)
      headers[req.chunked ? 'Transfer-Encoding' : 'Content-Length'] = req.chunked
        ? 'chunked'
        : req.body.length;
    const sent = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: via, timeout: 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
        res.on('error', reject);
      },
    );
    sent.on('timeout', () => sent.destroy(new Error('no answer within 60 s')));
    sent.on('error', (error) => reject(Object.assign(error, { reused: sent.reusedSocket })));
    sent.end(req.body);
  });
}

function answer(status: number, headers: IncomingHttpHeaders, bytes: Buffer): Answer {
  const text = bytes.toString('utf8');
  let body: unknown;
  if (/^application\/json/.test(headers['content-type'] ?? ''))
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  return { status, headers: headers as Record<string, unknown>, body, text };
}

// ---------------------------------------------------------------------------------------------------------------
// What the generator draws from: real identifiers and documents of the seeded database, and bad values.

interface Known {
  /** Identifiers and query values that exist; each parameter takes those its own schema accepts. */
  values: string[];
  tokens: Record<(typeof USERS)[number], string>;
  /** Valid bodies by route ("post /auth/login"), changed one way or another by the generator. */
  bodies: Record<string, () => Json>;
  workbook: Buffer;
}
let known: Known;

/** Bad path segments and query values: sent encoded (encodeURIComponent). */
const BAD_TEXT = [
  ...STRINGS,
  '-1',
  '0',
  '999999999',
  '4503211000',
  '450321100 ',
  '０４５０３２１１００',
  '1.5',
  '0x10',
  '..',
  '../../package.json',
  '.env',
  'a'.repeat(10_000),
  '😀'.repeat(50),
  'prototype',
  '^(a+)+$',
  '(',
  'a'.repeat(40) + '!',
  'javascript:alert(6)',
  '\r\nX-Injected: 1',
];
/** Bad path segments and query values sent as they are: malformed or sneaky percent-encoding. */
const BAD_RAW = [
  '%00',
  'a%00b',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%80',
  '%ED%A0%80',
  '%FF%FE',
  '..%2f..%2fpackage.json',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%5c..%5cpackage.json',
  '%252e%252e',
];
const BAD_TOKENS = [
  'Bearer x',
  'Bearer ',
  'Bearer a.b.c',
  'Basic YWRtaW46b25lc2VhbC1kZW1v',
  'Token abc',
  'Bearer ' + 'A'.repeat(5000),
];
const IF_MATCH = [
  '1',
  '2',
  '3',
  '"4"',
  'W/"2"',
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  '*',
  'abc',
  '"',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16le',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'application/octet-stream',
  RAW_BODIES.xlsx.contentType,
  'application/json, text/plain',
  ';;;',
];

// ---------------------------------------------------------------------------------------------------------------
// The generator: one request for a route, each part valid or bad by chance.

const ajv = createAjv();
const paramCheck = new Map<object, ValidateFunction>();
const accepts = (schema: object, value: string) => {
  let validate = paramCheck.get(schema);
  if (!validate) paramCheck.set(schema, (validate = ajv.compile(schema)));
  return validate(value);
};

/** A parameter's value, encoded: one that exists and its schema accepts, or a bad one. */
function paramValue(r: Rng, schema: object | undefined): string {
  const good = schema ? known.values.filter((v) => accepts(schema, v)) : [];
  const roll = r.next();
  if (good.length > 0 && roll < 0.55) return encodeURIComponent(r.pick(good));
  if (roll < 0.8) return encodeURIComponent(r.next() < 0.3 ? randomString(r) : r.pick(BAD_TEXT));
  return r.pick(BAD_RAW);
}

function pathOf(r: Rng, route: RouteSpec): string {
  return `/api${route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => paramValue(r, route.params?.[name]?.schema) || '%20')}`;
}

function queryOf(r: Rng, route: RouteSpec): string {
  const pairs: string[] = [];
  for (const [name, spec] of Object.entries(route.query ?? {}))
    if (spec.required ? r.next() < 0.9 : r.next() < 0.5) pairs.push(`${name}=${paramValue(r, spec.schema)}`);
  const names = Object.keys(route.query ?? {});
  if (r.next() < 0.25) {
    const extra = r.pick([...names, ...names, '__proto__', 'constructor', 'toString', 'x', 'q[]', '']);
    pairs.push(`${extra}=${paramValue(r, undefined)}`);
  }
  if (r.next() < 0.03) pairs.push(`q=${'x'.repeat(8000)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : r.next() < 0.05 ? '?' : '';
}

function who(r: Rng): { label: string; header?: string } {
  const roll = r.next();
  if (roll < 0.2) return { label: 'anonymous' };
  if (roll < 0.3) {
    const header = r.pick([
      ...BAD_TOKENS,
      `Bearer ${new TokenSigner('another-secret', 3600).issue({ username: 'admin', role: 'city-admin', regionCode: '450300' }).token}`,
      `Bearer ${known.tokens.admin.slice(0, -2)}xx`,
    ]);
    return { label: `token "${header.slice(0, 30)}…"`, header };
  }
  const user = r.pick(USERS);
  return { label: user, header: `Bearer ${known.tokens[user]}` };
}

/**
 * A string that replaces or joins a valid body somewhere: NUL, huge, a lone surrogate, a regular expression that
 * backtracks catastrophically or does not compile (where a pattern is stored) and the answer that makes such a
 * pattern hang, a script address, or just odd.
 */
function oddString(r: Rng): string {
  return r.pick([
    '\u0000',
    `阳朔${'\u0000'}镇`,
    'x'.repeat(200_000),
    '镇'.repeat(3000),
    '\ud800',
    '^(a+)+$',
    '(',
    `${'a'.repeat(50_000)}!`,
    'javascript:alert(6)',
    randomString(r),
  ]);
}

/** A valid body with one odd string set at a random place inside it. */
function withOddString(r: Rng, doc: Json): { body: Json; change: string } {
  const copy = structuredClone(doc);
  const { node, at } = descend(r, copy, 5);
  if (node === null || typeof node !== 'object') return { body: copy, change: 'none' };
  const value = oddString(r);
  const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
  const key = keys.length > 0 && r.next() < 0.8 ? r.pick(keys) : r.pick(['__proto__', 'constructor', 'x']);
  if (Array.isArray(node)) node[Number(key) || 0] = value;
  else setKey(node, key, value);
  return { body: copy, change: `set ${at}/${key} = ${JSON.stringify(value.slice(0, 20))}…(${value.length})` };
}

/** JSON text nested `levels` deep inside a valid body. */
function deepInside(r: Rng, doc: Json, levels: number): string {
  const deep = `${'['.repeat(levels)}${']'.repeat(levels)}`;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return deep;
  const keys = Object.keys(doc);
  const key = keys.length > 0 ? r.pick(keys) : 'x';
  return jsonText({ ...doc, [key]: 0 }).replace(`${JSON.stringify(key)}:0`, `${JSON.stringify(key)}:${deep}`);
}

const PROTO_KEYS = [
  '"__proto__":{"role":"city-admin"}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"__proto__":null',
  '"prototype":[]',
];

/** A JSON body for a route that takes one: the valid body changed, or something else altogether. */
function jsonBody(r: Rng, valid: Json): { text: string | Buffer; label: string } {
  const roll = r.int(20);
  if (roll < 7) {
    const { body, change } = mutate(r, valid);
    return { text: jsonText(body), label: `valid body, ${change}` };
  }
  if (roll < 8) return { text: jsonText(valid), label: 'valid body' };
  if (roll < 10) {
    const body = randomJson(r);
    return { text: jsonText(body), label: `random ${jsonText(body).slice(0, 120)}` };
  }
  if (roll < 12) {
    const { body, change } = withOddString(r, valid);
    return { text: jsonText(body), label: `valid body, ${change}` };
  }
  if (roll < 13) {
    const levels = r.pick([63, 65, 200, 10_000, 100_000]);
    return { text: deepInside(r, valid, levels), label: `valid body with ${levels} nested arrays` };
  }
  if (roll < 14) {
    const text = jsonText(valid);
    const extra = r.pick(PROTO_KEYS);
    return {
      text: text.startsWith('{') ? `{${extra},${text.slice(1)}` : text,
      label: `valid body + ${extra}`,
    };
  }
  if (roll < 15) {
    const size = r.pick([ONE_MB - 200, ONE_MB + 10]);
    return { text: jsonText({ x: 'x'.repeat(size) }), label: `a ${size}-character string` };
  }
  const text = jsonText(valid);
  const broken = r.pick<[string, string | Buffer]>([
    ['truncated', text.slice(0, Math.max(1, r.int(text.length)))],
    ['empty', ''],
    ['whitespace', ' \n'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['a BOM first', `\ufeff${text}`],
    ['invalid UTF-8', Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xff, 0xfe, 0x22, 0x7d])])],
    ['a lone surrogate escape', text.replace(/"([^"]*)"/, '"\\ud800$1"')],
    ['a NUL escape in a key', text.replace(/^\{"/, '{"\\u0000')],
    ['duplicate keys', text.replace(/^\{/, '{"a":1,"a":2,')],
    ['numbers past double', text.replace(/^\{/, '{"n":1e400,"m":-0,"k":123456789012345678901234567890,')],
  ]);
  return { text: broken[1], label: `valid body, ${broken[0]}` };
}

/** An xlsx upload: the exported workbook, damaged, or not a workbook at all. */
function workbookBody(r: Rng): { bytes: Buffer; label: string } {
  const book = known.workbook;
  const flipped = Buffer.from(book);
  for (let i = 1 + r.int(20); i > 0; i--) flipped[r.int(flipped.length)] = r.int(256);
  return r.pick([
    { bytes: book, label: 'the exported workbook' },
    { bytes: book.subarray(0, r.int(book.length)), label: 'a truncated workbook' },
    { bytes: flipped, label: 'a workbook with bytes changed' },
    { bytes: Buffer.from(Array.from({ length: 2000 }, () => r.int(256))), label: 'random bytes' },
    { bytes: Buffer.from('PK\u0003\u0004garbage'), label: 'a zip header and garbage' },
    { bytes: Buffer.alloc(0), label: 'nothing' },
    { bytes: Buffer.alloc(RAW_BODIES.xlsx.maxBytes + 1), label: 'one byte over the limit' },
  ]);
}

/** Content-Type and Content-Encoding for a body: mostly JSON as it is, sometimes odd. */
function encoded(
  r: Rng,
  raw: Buffer,
  type: string,
): { body: Buffer; headers: Record<string, string>; label: string } {
  const roll = r.int(12);
  if (roll < 8) return { body: raw, headers: { 'Content-Type': type }, label: '' };
  if (roll < 10) {
    const odd = r.pick(CONTENT_TYPES);
    return { body: raw, headers: { 'Content-Type': odd }, label: ` as ${odd}` };
  }
  const [name, body] = r.pick<[string, Buffer]>([
    ['gzip', gzipSync(raw)],
    ['deflate', deflateSync(raw)],
    ['br', brotliCompressSync(raw)],
    ['gzip', raw],
    ['gzip', gzipSync(Buffer.alloc(3 * ONE_MB, 0x20))],
    ['compress', raw],
    ['identity', raw],
    ['gzip, gzip', gzipSync(gzipSync(raw))],
  ]);
  return {
    body,
    headers: { 'Content-Type': type, 'Content-Encoding': name },
    label: ` with Content-Encoding ${name}`,
  };
}

function generate(r: Rng, route: RouteSpec): FuzzRequest {
  const method =
    r.next() < 0.05
      ? r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
      : route.method.toUpperCase();
  const path = pathOf(r, route) + queryOf(r, route);
  const identity = who(r);
  const headers: Record<string, string> = {};
  const notes: string[] = [identity.label];
  if (identity.header) headers.Authorization = identity.header;
  if (route.headers?.['If-Match'] ? r.next() < 0.85 : r.next() < 0.05) {
    headers['If-Match'] = r.pick(IF_MATCH);
    notes.push(`If-Match ${headers['If-Match']}`);
  }
  if (r.next() < 0.1)
    headers['Accept-Language'] = r.pick(['en', 'en-US,en;q=0.9', 'zh-CN', '*', 'xx', 'e'.repeat(500)]);
  if (r.next() < 0.05)
    headers['If-None-Match'] = r.pick(['*', '"x"', 'W/"450321100-0117302000-v1"', '"', 'x'.repeat(2000)]);
  if (r.next() < 0.05) headers['X-Forwarded-For'] = r.pick(['1.2.3.4', 'nonsense', '::1, 10.0.0.1', '']);

  let body: Buffer | undefined;
  const takesBody = route.body !== undefined || r.next() < 0.1;
  if (route.rawBody) {
    const { bytes, label } = workbookBody(r);
    const out = encoded(r, bytes, RAW_BODIES[route.rawBody].contentType);
    body = out.body;
    Object.assign(headers, out.headers);
    notes.push(`${label}${out.label}`);
  } else if (takesBody && r.next() < 0.9) {
    const key = `${route.method} ${route.path}`;
    const valid = known.bodies[key]?.() ?? randomJson(r);
    const { text, label } = jsonBody(r, valid);
    const out = encoded(r, Buffer.isBuffer(text) ? text : Buffer.from(text), 'application/json');
    body = out.body;
    Object.assign(headers, out.headers);
    notes.push(`${label}${out.label}`);
  }
  return {
    method,
    path,
    headers,
    body,
    chunked: body !== undefined && r.next() < 0.1,
    label: notes.join('; '),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** Each /api/health answer: the route being fuzzed, how long the answer took, and the time since the previous one. */
const health: { route: string; ms: number; gap: number; status: number | string }[] = [];
let fuzzing = 'setup';
let polling: Promise<void> | undefined;
let stopPolling = false;

/** Asks /api/health every 100 ms while the fuzz runs (on its own connection). */
async function pollHealth(): Promise<void> {
  let last = performance.now();
  while (!stopPolling) {
    const start = performance.now();
    let status: number | string;
    try {
      status = (await send({ method: 'GET', path: '/api/health', headers: {} }, healthAgent)).status;
    } catch (error) {
      status = String(error);
    }
    const end = performance.now();
    health.push({ route: fuzzing, ms: Math.round(end - start), gap: Math.round(end - last), status });
    last = end;
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

beforeAll(async () => {
  t = await createTestApp({ printer: new PlaceholderPrinter() });
  server = createHttpServer(t.app);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;

  const tokens = {} as Known['tokens'];
  for (const user of USERS) tokens[user] = (await t.as(user)).Authorization.slice('Bearer '.length);
  const admin = { Authorization: `Bearer ${tokens.admin}` };
  const editor = { Authorization: `Bearer ${tokens['editor-450321100']}` };

  const items = (await t.api.get(`/api/public/regions/${TOWNSHIP}/items?limit=3`)).body as {
    items: { code: string }[];
    next: string | null;
  };
  const baseItems = (await t.api.get('/api/base-items').set(admin)).body as {
    code: string;
    status: string;
  }[];
  const baseItem = (await t.api.get(`/api/base-items/${ITEM}`).set(admin)).body.baseItem as {
    [key: string]: Json;
  };
  const draft = (await t.api.get(`/api/townships/${TOWNSHIP}/items/${ITEM}`).set(editor)).body
    .implementation as Json;
  const library = async (path: string) =>
    ((await t.api.get(path).set(admin)).body as { document: Json & { code: string } }[]).map(
      (e) => e.document,
    );
  const [materials, elements, bundles] = await Promise.all([
    library('/api/materials'),
    library('/api/data-elements'),
    library('/api/bundles'),
  ]);
  const submitted = await t.api
    .post('/api/public/submissions')
    .send({ region: TOWNSHIP, items: [ITEM], data: homesteadData() });
  expect(submitted.status).toBe(201);
  const { reference, receiptKey } = submitted.body as { reference: string; receiptKey: string };
  const workbook = await t.api
    .get(`/api/townships/${TOWNSHIP}/items.xlsx`)
    .set(editor)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  const pickOne =
    <T>(list: T[]) =>
    () =>
      structuredClone(list[0]!);
  known = {
    tokens,
    workbook: workbook.body as Buffer,
    values: [
      TOWNSHIP,
      '450323101',
      '450300',
      '450321',
      ...items.items.map((i) => i.code),
      ...baseItems.slice(0, 4).map((b) => b.code),
      ...[materials, elements, bundles].flatMap((l) => l.slice(0, 2).map((d) => d.code)),
      '1',
      '2',
      reference,
      receiptKey,
      applicant.mobile,
      items.next ?? '',
      '阳朔',
      'zjd',
      '网上办',
      '自然人',
      '01',
      '20',
      'township',
      'published',
      'draft',
      'all',
      'valid',
      'base-item',
      `${TOWNSHIP}/${ITEM}`,
      'swagger-ui.css',
      ...SUBMISSION_STATUSES,
    ].filter(Boolean),
    bodies: {
      'post /auth/login': () => ({ username: 'editor-450321100', password: DEMO_PASSWORD }),
      'post /preview/flowchart.svg': () => ({ item: structuredClone(baseItem) }),
      'post /preview/guide.html': () => ({ item: structuredClone(baseItem) }),
      'post /preview/form-checks.js': () => ({ form: structuredClone(baseItem.form!) }),
      'post /public/submissions': () => ({ region: TOWNSHIP, items: [ITEM], data: homesteadData() }),
      'post /public/bookings': () => ({
        region: TOWNSHIP,
        item: ITEM,
        start: `${openDay(1)}T08:30`,
        name: '李秀英',
        phone: '13800001234',
      }),
      'post /public/bookings/:code/cancel': () => ({ phone: '13800001234' }),
      'put /townships/:code/booking-settings': () => structuredClone(TEST_HOURS) as unknown as Json,
      'post /townships/:code/submissions/:reference/status': () => ({
        status: 'accepted',
        note: '材料齐全，予以受理',
      }),
      'post /townships/:code/items': () => ({
        baseCode: baseItems.find((b) => b.status === 'published')!.code,
      }),
      'put /townships/:code/items/:itemCode': () => structuredClone(draft),
      'post /townships/:code/items/:itemCode/approve': () => ({ comment: '同意' }),
      'post /townships/:code/items/:itemCode/return': () => ({ comment: '请补充办理地点' }),
      'post /townships/:code/items/:itemCode/withdraw': () => ({ reason: '暂停受理' }),
      'post /townships/:code/items/:itemCode/cancel': () => ({ reason: '事项已取消' }),
      'post /townships/:code/publish': () => ({ effectiveDate: '2027-01-01', reason: '例行发布' }),
      'post /base-items': () => ({
        ...structuredClone(baseItem),
        code: '0199998000',
      }),
      'put /base-items/:code': () => structuredClone(baseItem),
      'post /base-items/:code/publish': () => ({ effectiveDate: '2027-01-01', reason: '例行发布' }),
      'post /base-items/:code/retire': () => ({ reason: '上级取消该事项' }),
      'post /materials': pickOne(materials),
      'put /materials/:code': pickOne(materials),
      'post /data-elements': pickOne(elements),
      'put /data-elements/:code': pickOne(elements),
      'post /bundles': pickOne(bundles),
      'put /bundles/:code': pickOne(bundles),
      'post /admin/webhooks': () => ({ url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-sixteen+' }),
      'put /admin/webhooks/:id': () => ({
        url: 'http://127.0.0.1:9/hook',
        secret: 'a-secret-of-sixteen+',
        active: false,
      }),
      'post /users': () => ({
        username: 'fuzz-editor',
        displayName: '测试编辑',
        role: 'township-editor',
        regionCode: TOWNSHIP,
        password: 'a-long-password',
      }),
    },
  };
  // The answers are checked against their schemas in tests; compiling those checks is not the server's latency.
  compileResponseChecks(routes, errorBody);
  polling = pollHealth();
});

afterAll(async () => {
  stopPolling = true;
  await polling;
  agent.destroy();
  healthAgent.destroy();
  await new Promise((closed) => server.close(closed));
  await t.close();
});

const routes = apiRoutes();
const name = (route: RouteSpec) => `${route.method.toUpperCase()} /api${route.path}`;

describe(`route-table fuzz, seed ${SEED} (${DB_LABEL})`, () => {
  it('has a valid body for every route that takes JSON, to change', () => {
    const missing = routes
      .filter((route) => route.body !== undefined && !route.rawBody)
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => !(key in known.bodies));
    expect(missing).toEqual([]);
  });

  it.each(routes.map((route, i) => [name(route), route, i] as const))(
    `%s × ${PER_ROUTE}`,
    async (label, route, i) => {
      fuzzing = label;
      const r = prng(SEED + i);
      const problems: Outcome[] = [];
      const statuses = new Set<number>();
      for (let n = 0; n < PER_ROUTE; n++) {
        const req = generate(r, route);
        const request = `#${n} ${req.method} ${req.path.slice(0, 200)} [${req.label}]`;
        let res: Answer;
        try {
          res = await send(req);
        } catch (error) {
          problems.push({ request, status: 0, problem: String(error) });
          continue;
        }
        statuses.add(res.status);
        const problem = judge(request, res);
        if (problem) problems.push(problem);
      }
      expect({ seed: SEED + i, problems: problems.slice(0, 10) }).toEqual({ seed: SEED + i, problems: [] });
      // The requests reached the route with things it had to refuse.
      expect([...statuses].some((s) => s >= 400 && s < 500)).toBe(true);
    },
    // A township's first book renders every guide (about 10 s on a busy machine); the rest take a few seconds.
    300_000,
  );

  it('/api/health answered 200 within 1 s throughout', () => {
    // A stalled server shows as a slow answer, or as a gap between answers (the poller itself was stalled).
    const late = health.filter((h) => h.status !== 200 || h.ms >= 1000 || h.gap >= 1000 + 100);
    expect(late.slice(0, 10)).toEqual([]);
    expect(health.length).toBeGreaterThan(routes.length);
  });
});
