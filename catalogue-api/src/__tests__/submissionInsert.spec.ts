import { asDate } from '../services/chinaDate';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

// The application row is inserted by a hand-written statement (the route's hot path): it must read back
// through the model exactly as a model-created row would, dates included, on both databases.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`the stored application (${DB_LABEL})`, () => {
  it('reads back through the model as it was submitted', async () => {
    const data = homesteadData();
    const before = Date.now() - 1000; // MySQL DATETIME keeps whole seconds
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: '450321100', items: ['0117302000'], data });
    expect(res.status).toBe(201);
    const after = Date.now();
    const row = await t.store.models.Submission.findByPk(res.body.reference as string);
    expect(row).not.toBeNull();
    expect(row!.regionCode).toBe('450321100');
    expect(row!.status).toBe('submitted');
    expect((row!.data as { form: unknown }).form).toEqual(data);
    expect((row!.items as { code: string }[]).map((i) => i.code)).toEqual(['0117302000']);
    expect((row!.history as { status: string }[]).map((h) => h.status)).toEqual(['submitted']);
    for (const at of [row!.createdAt, row!.updatedAt]) {
      expect(asDate(at).getTime()).toBeGreaterThanOrEqual(before);
      expect(asDate(at).getTime()).toBeLessThanOrEqual(after);
    }
    const staff = await t.api.get('/api/townships/450321100/submissions').set(await t.as('editor-450321100'));
    const listed = staff.body.find((s: { reference: string }) => s.reference === res.body.reference);
    expect(Date.parse(listed.submittedAt)).toBe(asDate(row!.createdAt).getTime());
  });
});
