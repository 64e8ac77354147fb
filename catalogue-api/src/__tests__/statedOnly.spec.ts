import type { RegionMetrics } from '@oneseal/schemas';
import { bareBaseItem, publishInYangshuo } from './bareItem';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Issue 12 with issues 10 and 11: an item that states only what a real guide states (no type, form, process,
 * limits, visits or channels) goes through the whole server — publish, the stored summary and maintained
 * metrics, the server-compiled field checks, an application, the guide — and nothing unstated shows anywhere.
 */

const YANGSHUO = '450321100';
const CODE = '0529903000';
const base = bareBaseItem(CODE, '八十周岁以上老年人高龄补贴');

let t: TestApp;
let before: RegionMetrics;
beforeAll(async () => {
  t = await createTestApp();
  before = (await t.api.get(`/api/public/regions/${YANGSHUO}/metrics`)).body.rollup;
  await publishInYangshuo(t, base);
});
afterAll(() => t.close());

describe(`an item that states little, end to end (${DB_LABEL})`, () => {
  it('is listed with what it states, and nothing of what it leaves out', async () => {
    const page = JSON.parse(
      (await t.api.get(`/api/public/regions/${YANGSHUO}/items`).query({ q: '高龄补贴' })).text,
    );
    const entry = page.items.find((i: { code: string }) => i.code === CODE);
    expect(entry).toMatchObject({ code: CODE, name: base.name, tags: [] });
    for (const unstated of ['type', 'visits', 'online', 'promisedLimit', 'statutoryLimit', 'serviceObjects'])
      expect(entry).not.toHaveProperty(unstated);
  });

  it('counts in the maintained metrics as not meeting what it does not state', async () => {
    const after: RegionMetrics = (await t.api.get(`/api/public/regions/${YANGSHUO}/metrics`)).body.rollup;
    expect(after.itemCount).toBe(before.itemCount + 1);
    expect(after.atMostOneVisit.count).toBe(before.atMostOneVisit.count);
    expect(after.online.count).toBe(before.online.count);
    expect(after.promisedRatioCount).toBe(before.promisedRatioCount);
    expect(after.meanCompleteness).toBeLessThan(before.meanCompleteness!);
  });

  it('has field checks compiled for the form it does not state, and takes an application with a mobile number', async () => {
    const checks = await t.api.get(`/api/public/regions/${YANGSHUO}/form-checks.js`).query({ items: CODE });
    expect(checks.status).toBe(200);
    expect(checks.headers['content-type']).toMatch(/javascript/);
    const apply = (data: object) =>
      t.api.post('/api/public/submissions').send({ region: YANGSHUO, items: [CODE], data });
    const without = await apply({});
    expect(without.status).toBe(422);
    expect(without.body.error.details).toEqual([{ path: '/data/mobile', message: '必须填写' }]);
    expect((await apply({ mobile: '13907731234' })).status).toBe(201);
  });

  it('prints a guide that says 未载明 where a standard section has nothing, and has no flowchart', async () => {
    const guide = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${CODE}/guide.html`);
    expect(guide.status).toBe(200);
    expect(guide.text).toContain('未载明');
    expect(guide.text).not.toContain('<figure class="flowchart">');
    const flowchart = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${CODE}/flowchart.svg`);
    expect(flowchart.status).toBe(404);
    expect(flowchart.body.error.message).toBe('该事项没有载明办理流程，没有流程图');
  });
});
