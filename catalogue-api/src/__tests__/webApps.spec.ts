import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { TestApp } from './testApp';
import { createTestApp } from './testApp';

// The API serves the built portal at / and the designer at /designer (npm run build makes them).
const PORTAL = join(__dirname, '..', '..', '..', 'portal', 'dist');
const DESIGNER = join(__dirname, '..', '..', '..', 'designer', 'dist');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The bytes exactly as sent (supertest would decode them). */
async function rawGet(path: string, acceptEncoding: string) {
  const server = createServer(t.app.callback());
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', fail);
    });
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

describe('the web apps beside the API', () => {
  it('answers every portal path with the portal page, so a QR code’s deep link opens the item', async () => {
    for (const path of ['/', '/regions/450321100/items/0117302000', '/track']) {
      const res = await t.api.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toBe(readFileSync(join(PORTAL, 'index.html'), 'utf8'));
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers designer paths with the designer page', async () => {
    const res = await t.api.get('/designer/townships/450321100');
    expect(res.text).toBe(readFileSync(join(DESIGNER, 'index.html'), 'utf8'));
  });

  it('sends hashed assets precompressed from disk, as the browser accepts them, and cached for good', async () => {
    const script = readdirSync(join(PORTAL, 'assets')).find((f) => f.endsWith('.js'))!;
    const file = readFileSync(join(PORTAL, 'assets', script));
    const variants = [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const;
    for (const [accepted, encoding, decode] of variants) {
      const res = await rawGet(`/assets/${script}`, accepted);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toContain('immutable');
      const sent = res.body;
      // The bytes are the file the build wrote beside the asset, and decode to the asset.
      expect(
        sent.equals(readFileSync(join(PORTAL, 'assets', `${script}.${encoding === 'br' ? 'br' : 'gz'}`))),
      ).toBe(true);
      expect(decode(sent).equals(file)).toBe(true);
    }
    const plain = await t.api.get(`/assets/${script}`).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.text).toBe(file.toString('utf8'));
  });

  it('has a .br and a .gz beside every large script and style sheet of both builds', () => {
    for (const assets of [join(PORTAL, 'assets'), join(DESIGNER, 'assets')]) {
      const names = readdirSync(assets);
      const large = names.filter((f) => /\.(js|css)$/.test(f) && statSync(join(assets, f)).size > 10_000);
      expect(large.length).toBeGreaterThan(0);
      for (const f of large) expect(names).toEqual(expect.arrayContaining([`${f}.br`, `${f}.gz`]));
    }
  });

  it('leaves /api to the API and refuses writes to app paths', async () => {
    expect((await t.api.get('/api/no-such-route')).body.error.code).toBe('not-found');
    expect((await t.api.get('/assets/no-such-file.js')).status).toBe(404);
    expect((await t.api.post('/regions/450321100').send({})).status).toBe(404);
  });
});
