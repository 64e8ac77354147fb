import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './testApp';
import { createTestApp } from './testApp';

// The API serves the built portal at / and the designer at /designer (npm run build makes them).
const PORTAL = join(__dirname, '..', '..', '..', 'runtime', 'dist-web', 'portal');
const DESIGNER = join(__dirname, '..', '..', '..', 'designer', 'dist');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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

  it('sends hashed assets compressed and cached for good', async () => {
    const script = readdirSync(join(PORTAL, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await t.api.get(`/assets/${script}`).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.text).toBe(readFileSync(join(PORTAL, 'assets', script), 'utf8'));
  });

  it('leaves /api to the API and refuses writes to app paths', async () => {
    expect((await t.api.get('/api/no-such-route')).body.error.code).toBe('not-found');
    expect((await t.api.get('/assets/no-such-file.js')).status).toBe(404);
    expect((await t.api.post('/regions/450321100').send({})).status).toBe(404);
  });
});
