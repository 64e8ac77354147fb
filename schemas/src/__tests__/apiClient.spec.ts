import type { FetchLike, FetchResponse } from '../api';
import { ApiProblem, createClient, fillPath } from '../api';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fetch that records what it was asked and answers `status` with `body` (a string is sent as it is). */
function fakeFetch(status: number, body: unknown, sent: Sent[] = []): FetchLike {
  return async (url, init) => {
    sent.push({ url, ...init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const response: FetchResponse = {
      status,
      ok: status >= 200 && status < 300,
      headers: { get: () => null },
      text: async () => text,
      blob: async () => new Blob([text], { type: 'application/pdf' }),
    };
    return response;
  };
}

const page = {
  items: [{ code: '0117302000', name: '宅基地审批', version: 1, tags: [] }],
  total: 1,
  next: null,
};

describe('createClient', () => {
  it('fills path parameters, encodes the query, sends the token and language, and parses the JSON answer', async () => {
    const sent: Sent[] = [];
    const client = createClient(fakeFetch(200, page, sent), { baseUrl: 'http://api.test/api/', token: 'T' });
    const answer = await client.get('/public/regions/:code/items', {
      params: { code: '450321100' },
      query: { q: '宅基地 审批', limit: 20, cursor: undefined },
    });
    expect(answer).toEqual(page);
    expect(answer.items[0]!.name).toBe('宅基地审批');
    expect(sent).toEqual([
      {
        url: 'http://api.test/api/public/regions/450321100/items?q=%E5%AE%85%E5%9F%BA%E5%9C%B0+%E5%AE%A1%E6%89%B9&limit=20',
        method: 'GET',
        headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN', Authorization: 'Bearer T' },
        body: undefined,
        signal: undefined,
      },
    ]);
  });

  it('sends a JSON body and the declared headers, reading the token afresh on every call', async () => {
    const sent: Sent[] = [];
    let token: string | undefined = 'first';
    const client = createClient(fakeFetch(200, { revision: 3, status: 'draft', findings: [] }, sent), {
      baseUrl: '/api',
      token: () => token,
      language: 'en',
    });
    const body = { kind: 'implementation', baseCode: '0117302000', regionCode: '450321100' } as never;
    const saved = await client.put('/townships/:code/items/:itemCode', {
      params: { code: '450321100', itemCode: '0117302000' },
      headers: { 'If-Match': '"2"' },
      body,
    });
    expect(saved.revision).toBe(3);
    token = undefined;
    await client.post('/auth/login', { body: { username: 'a', password: 'b' } });
    expect(sent.map((s) => [s.method, s.url, s.headers, s.body])).toEqual([
      [
        'PUT',
        '/api/townships/450321100/items/0117302000',
        {
          Accept: 'application/json',
          'Accept-Language': 'en',
          'If-Match': '"2"',
          Authorization: 'Bearer first',
          'Content-Type': 'application/json',
        },
        JSON.stringify(body),
      ],
      [
        'POST',
        '/api/auth/login',
        { Accept: 'application/json', 'Accept-Language': 'en', 'Content-Type': 'application/json' },
        '{"username":"a","password":"b"}',
      ],
    ]);
  });

  it('uploads a file as it is with the media type the operation takes, and answers text and files as such', async () => {
    const sent: Sent[] = [];
    const importer = createClient(fakeFetch(200, { written: true }, sent), { baseUrl: '/api' });
    const file = new Uint8Array([80, 75, 3, 4]);
    await importer.post('/townships/:code/items/import', { params: { code: '450321100' }, body: file });
    expect(sent[0]!.headers['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sent[0]!.body).toBe(file);
    const client = createClient(fakeFetch(200, '<svg/>'), { baseUrl: '/api' });
    const svg: string = await client.get('/public/regions/:code/items/:itemCode/flowchart.svg', {
      params: { code: '450321100', itemCode: '0117302000' },
    });
    expect(svg).toBe('<svg/>');
    const pdf: Blob = await client.get('/public/regions/:code/book.pdf', { params: { code: '450321100' } });
    expect(pdf.type).toBe('application/pdf');
  });

  it('throws one ApiProblem with the error body’s code, message, details and extra, after telling onProblem', async () => {
    const seen: ApiProblem[] = [];
    const error = {
      code: 'stale-revision',
      message: '该事项已被他人修改，请比较后重新保存',
      details: [{ path: '/name', message: '必须填写' }],
      currentRevision: 4,
    };
    const client = createClient(fakeFetch(409, { error }), {
      baseUrl: '/api',
      onProblem: (p) => seen.push(p),
    });
    const failure = client.get('/base-items/:code', { params: { code: '0117302000' } });
    await expect(failure).rejects.toBeInstanceOf(ApiProblem);
    const problem = await failure.catch((p: ApiProblem) => p);
    expect({ ...problem, message: problem.message }).toEqual({
      name: 'ApiProblem',
      status: 409,
      code: 'stale-revision',
      message: error.message,
      details: error.details,
      extra: { currentRevision: 4 },
    });
    expect(seen).toEqual([problem]);
  });

  it('gives an answer that is not the error shape, and an unreachable server, a problem still', async () => {
    const proxy = createClient(fakeFetch(502, '<html>Bad Gateway</html>'), { baseUrl: '/api' });
    await expect(proxy.get('/health')).rejects.toMatchObject({ status: 502, code: 'http-502' });
    const offline = createClient(
      async () => {
        throw new TypeError('fetch failed');
      },
      { baseUrl: '/api' },
    );
    await expect(offline.get('/health')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('refuses a path the contract lacks, and a missing path parameter, before sending anything', async () => {
    const sent: Sent[] = [];
    const client = createClient(fakeFetch(200, {}, sent), { baseUrl: '/api' });
    const untyped = client.get as unknown as (path: string, options?: object) => Promise<unknown>;
    await expect(untyped('/no/such/route')).rejects.toThrow(
      'GET /no/such/route is not an operation of the API',
    );
    await expect(untyped('/base-items/:code', { params: {} })).rejects.toThrow('missing path parameter code');
    expect(sent).toEqual([]);
    expect(fillPath('/materials/:code', { code: 'a/b c' })).toBe('/materials/a%2Fb%20c');
  });
});
