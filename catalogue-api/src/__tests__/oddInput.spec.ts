import type { BaseItem, FormField, Item } from '@oneseal/schemas';
import { MAX_FORM_DEPTH } from '@oneseal/schemas';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { MAX_BODY_DEPTH } from '../http/bodyChecks';
import { createHttpServer } from '../http/httpServer';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Odd input gets a clean 4xx naming what is wrong: NUL characters, paths out of the web apps' folders, bodies
 * and forms nested too deep, addresses that are not http(s), field names that are Object.prototype members.
 */

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000'; // published in 阳朔镇 by the seeds; its base item is the city's
const BASE = `/api/base-items/${ITEM}`;
const DRAFT = `/api/townships/${TOWNSHIP}/items/${ITEM}`;

let t: TestApp;
let admin: { Authorization: string };
let editor: { Authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  editor = await t.as('editor-450321100');
});
afterAll(() => t.close());

interface ErrorBody {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

/** The status and the error body, compared whole so a failure shows both. */
function refusal(res: Response): { status: number; error: ErrorBody } {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return { status: res.status, error: (res.body as { error: ErrorBody }).error };
}

const detail = (path: string, message: string | RegExp) => ({
  path,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

const postJson = (path: string, text: string, headers: Record<string, string> = {}) =>
  t.api.post(path).set(headers).set('Content-Type', 'application/json').send(text);

async function readBase(): Promise<{ revision: number; doc: BaseItem }> {
  const res = await t.api.get(BASE).set(admin);
  expect(res.status).toBe(200);
  return { revision: res.body.revision as number, doc: res.body.baseItem as BaseItem };
}

const saveBase = (doc: unknown, revision: number) =>
  t.api
    .put(BASE)
    .set(admin)
    .set('If-Match', String(revision))
    .send(doc as object);

/** A text field inside `levels - 1` nested sections: the text field is at level `levels`. */
function nestedField(levels: number): FormField {
  let field: FormField = { type: 'string', title: '最里层', 'x-component': 'text' };
  for (let i = 1; i < levels; i++)
    field = { type: 'void', title: `第 ${i} 层`, 'x-component': 'section', properties: { inner: field } };
  return field;
}

function withFormField(doc: BaseItem, key: string, field: FormField): BaseItem {
  if (!doc.form) throw new Error('the base item states no form');
  return {
    ...doc,
    form: {
      ...doc.form,
      properties: Object.defineProperty({ ...doc.form.properties }, key, { value: field, enumerable: true }),
    },
  };
}

describe(`NUL characters → 400 naming the parameter or field (${DB_LABEL})`, () => {
  it.each([
    ['/api/public/regions?q=%00', '/q'],
    [`/api/public/regions/${TOWNSHIP}/items?q=%E9%98%B3%00`, '/q'],
    [`/api/public/regions/${TOWNSHIP}/items?tag=%00&q=x`, '/tag'],
    ['/api/materials/ID%00CARD', '/code'],
  ])('GET %s', async (url, path) => {
    expect(refusal(await t.api.get(url).set(admin))).toEqual({
      status: 400,
      error: expect.objectContaining({ details: [detail(path, /空字符/)] }),
    });
  });

  it('in a login name or password', async () => {
    for (const body of [
      { username: 'ad\u0000min', password: 'oneseal-demo' },
      { username: 'admin', password: 'oneseal-demo\u0000' },
    ]) {
      const res = await t.api.post('/api/auth/login').send(body);
      expect(refusal(res)).toEqual({
        status: 400,
        error: expect.objectContaining({
          details: [detail(body.username === 'admin' ? '/password' : '/username', /空字符/)],
        }),
      });
    }
  });

  it('in any string or key of a body, however deep', async () => {
    const { revision, doc } = await readBase();
    const res = await saveBase({ ...doc, faq: [{ question: '可以吗？\u0000', answer: '可以' }] }, revision);
    expect(refusal(res)).toEqual({
      status: 400,
      error: expect.objectContaining({ details: [detail('/faq/0/question', /空字符/)] }),
    });
    const key = await postJson('/api/auth/login', '{"username":"admin","password":"x","a\\u0000":1}');
    expect(refusal(key).error.details).toEqual([detail('/a\u0000', /空字符/)]);
    expect((await readBase()).revision).toBe(revision);
  });
});

describe(`static paths out of a web app's folder → 404 (${DB_LABEL})`, () => {
  it.each([
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%2f..%2f..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%5c..%5cpackage.json',
    '/assets/a%00.js',
    '/assets/%E0%A4%A',
    '/designer/assets/..%2f..%2fpackage.json',
    '/designer/assets/..%2f..%2f..%2f..%2fpackage.json',
  ])('GET %s', async (url) => {
    const res = await t.api.get(url);
    expect(refusal(res)).toEqual({ status: 404, error: expect.objectContaining({ code: 'not-found' }) });
    expect(res.text).not.toMatch(/"workspaces"|"dependencies"/);
  });
});

describe(`bodies nested deeper than ${MAX_BODY_DEPTH} levels → 400 before validation (${DB_LABEL})`, () => {
  const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it(`reads a body of ${MAX_BODY_DEPTH} levels and validates it`, async () => {
    const res = await postJson(
      '/api/auth/login',
      `{"username":"admin","password":${nested(MAX_BODY_DEPTH - 1)}}`,
    );
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({ details: [detail('/password', /string/)] }),
    });
  });

  it.each([MAX_BODY_DEPTH + 1, 10_000, 500_000])('refuses %i levels', async (levels) => {
    const res = await postJson('/api/auth/login', `{"username":"admin","password":${nested(levels - 1)}}`);
    expect(refusal(res)).toEqual({
      status: 400,
      error: {
        code: 'too-deep',
        message: expect.stringContaining(`${MAX_BODY_DEPTH}`),
        details: [detail('/', /64/)],
      },
    });
  });

  it('counts only structure: brackets inside strings are text', async () => {
    const res = await postJson(
      '/api/auth/login',
      JSON.stringify({ username: 'admin', password: '['.repeat(150) }),
    );
    expect(res.status).toBe(401);
  });
});

describe(`forms nested deeper than ${MAX_FORM_DEPTH} levels are refused at save (${DB_LABEL})`, () => {
  it(`saves a form whose fields nest ${MAX_FORM_DEPTH} levels`, async () => {
    const { revision, doc } = await readBase();
    expect((await saveBase(withFormField(doc, 'deep', nestedField(MAX_FORM_DEPTH)), revision)).status).toBe(
      200,
    );
  });

  it(`refuses level ${MAX_FORM_DEPTH + 1} with 422 and the field's path; nothing is written`, async () => {
    const { revision, doc } = await readBase();
    const res = await saveBase(withFormField(doc, 'deep', nestedField(MAX_FORM_DEPTH + 1)), revision);
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({
        details: [detail(`/form/properties/deep${'/properties/inner'.repeat(MAX_FORM_DEPTH)}`, /16 层/)],
      }),
    });
    expect((await readBase()).revision).toBe(revision);
  });

  it('answers a 1,000-level form with a 4xx, not a stack overflow', async () => {
    const { revision, doc } = await readBase();
    // As text: JSON.stringify would itself recurse 2,000 levels deep.
    const section = '{"type":"void","title":"层","x-component":"section","properties":{"inner":';
    const deep = `${section.repeat(999)}{"type":"string","title":"最里层","x-component":"text"}${'}}'.repeat(999)}`;
    const text = JSON.stringify({ ...doc, form: { ...doc.form, properties: { deep: 0 } } }).replace(
      '"deep":0',
      `"deep":${deep}`,
    );
    const res = await t.api.put(BASE).set(admin).set('If-Match', String(revision)).type('json').send(text);
    expect(refusal(res)).toEqual({ status: 400, error: expect.objectContaining({ code: 'too-deep' }) });
  });
});

describe(`a process is bounded before it is laid out (${DB_LABEL})`, () => {
  it('a 120-step process sent to the flowchart preview → 422 at /item/process, not laid out', async () => {
    const { doc } = await readBase();
    const process = Array.from({ length: 120 }, (_, i) => ({
      id: `s${i}`,
      name: `第 ${i + 1} 个环节`,
      stage: 'review',
      post: '规划建设岗',
      ...(i < 119 ? { next: [`s${i + 1}`] } : {}),
    }));
    // Laid out, it took minutes of CPU; refused, it takes a validation.
    const res = await t.api
      .post('/api/preview/flowchart.svg')
      .set(admin)
      .send({ item: { ...doc, process } });
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({ details: [detail('/item/process', /30/)] }),
    });
  });
});

describe(`web addresses are http(s) only (${DB_LABEL})`, () => {
  it('refuses online.url "javascript:alert(6)" on a township draft', async () => {
    const read = await t.api.get(DRAFT).set(editor);
    const { implementation, revision } = read.body as {
      implementation: Record<string, unknown>;
      revision: number;
    };
    const res = await t.api
      .put(DRAFT)
      .set(editor)
      .set('If-Match', String(revision))
      .send({ ...implementation, online: { available: true, url: 'javascript:alert(6)' } });
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({
        details: [detail('/online/url', '网址须以 http:// 或 https:// 开头')],
      }),
    });
  });
});

describe(`Object.prototype member names (${DB_LABEL})`, () => {
  it.each(['constructor', 'prototype'])('refuses a form field named %s at save, naming it', async (name) => {
    const { revision, doc } = await readBase();
    const res = await saveBase(
      withFormField(doc, name, { type: 'string', title: '字段', 'x-component': 'text' }),
      revision,
    );
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({
        details: [detail(`/form/properties/${name}`, '不能使用 constructor、__proto__、prototype')],
      }),
    });
  });

  it('refuses a data element coded "constructor"', async () => {
    const [element] = (await t.api.get('/api/data-elements').set(admin)).body as { document: object }[];
    const { document } = element!;
    const res = await t.api
      .post('/api/data-elements')
      .set(admin)
      .send({ ...document, code: 'constructor' });
    expect(refusal(res)).toEqual({
      status: 422,
      error: expect.objectContaining({
        details: [detail('/code', '不能使用 constructor、__proto__、prototype')],
      }),
    });
  });

  it('a published form with a field named "constructor" (stored before the rule) asks for it like any field', async () => {
    const row = (await t.store.models.PublishedItem.findOne({
      where: { regionCode: TOWNSHIP, itemCode: ITEM },
    }))!;
    const item = JSON.parse(row.item) as Item;
    if (!item.form) throw new Error(`published item ${ITEM} states no form`);
    item.form.properties = Object.defineProperty({ ...item.form.properties }, 'constructor', {
      value: { type: 'string', title: '房屋结构', 'x-component': 'text', required: true },
      enumerable: true,
    });
    await row.update({ item: JSON.stringify(item) });
    const version = await t.store.models.ImplementationVersion.findOne({
      where: { regionCode: TOWNSHIP, baseCode: ITEM, version: row.version },
    });
    await version!.update({ item });

    const submit = (data: object) =>
      t.api.post('/api/public/submissions').send({ region: TOWNSHIP, items: [ITEM], data });
    const missing = await submit(homesteadData());
    expect(refusal(missing)).toEqual({
      status: 422,
      error: expect.objectContaining({ details: [detail(`/data/item_${ITEM}/constructor`, '必须填写')] }),
    });
    const data = homesteadData();
    const answered = await submit({
      ...data,
      [`item_${ITEM}`]: { ...data[`item_${ITEM}`], constructor: '砖混' },
    });
    expect(answered.status).toBe(201);
  });
});

describe(`requests Node refuses before the app (${DB_LABEL})`, () => {
  /** Writes raw bytes to a listening server and reads the whole answer. */
  async function raw(bytes: string): Promise<string> {
    const server = createHttpServer(t.app);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    } finally {
      server.close();
    }
  }

  const errorOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;

  it('an address past the 16 KB header limit → 431 in the error shape', async () => {
    const answer = await raw(`GET /api/public/regions?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 .*\r\nContent-Type: application\/json/s);
    expect(errorOf(answer)).toEqual({
      error: { code: 'headers-too-large', message: '请求头或地址过长', details: [] },
    });
  });

  it('malformed HTTP → 400 in the error shape', async () => {
    const answer = await raw(
      'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(errorOf(answer)).toEqual({ error: { code: 'bad-request', message: '请求格式有误', details: [] } });
  });
});
