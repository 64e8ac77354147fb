import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`health (${DB_LABEL})`, () => {
  it('answers ok and names the database', async () => {
    const res = await t.api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: DB_LABEL, writable: true });
  });
});
