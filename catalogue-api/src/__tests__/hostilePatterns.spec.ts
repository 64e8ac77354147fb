/**
 * Issue 10, finding 1: one form pattern must not hang the server. At save, every pattern is proved safe (422 naming
 * the field otherwise); at run time, patterns already stored run on RE2, so `^(a+)+$` against 50,000 × "a" + "!"
 * answers at once and an unrelated request is not held up; a stored pattern no engine can run is left out and
 * logged, never a 500.
 */
import type { BaseItem, FormField, Item } from '@oneseal/schemas';
import { evaluateChecks, formFieldEntries, SCHEMA_VERSION } from '@oneseal/schemas';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const HOSTILE = '^(a+)+$';
const INVALID = '(';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The field `key` of a form (at any depth). */
function fieldOf(form: Item['form'], key: string): FormField {
  if (!form) throw new Error('the item states no form');
  const entry = formFieldEntries(form).find((e) => e.path.split('.').pop() === key);
  if (!entry) throw new Error(`no field ${key}`);
  return entry.field;
}

async function timed<T>(run: () => PromiseLike<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

describe(`patterns at save (${DB_LABEL})`, () => {
  async function saveWithPattern(pattern: string) {
    const admin = await t.as('admin');
    const read = await t.api.get(`/api/base-items/${HOMESTEAD}`).set(admin);
    const doc = structuredClone(read.body.baseItem) as BaseItem;
    fieldOf(doc.form, 'reason').pattern = pattern;
    return t.api
      .put(`/api/base-items/${HOMESTEAD}`)
      .set(admin)
      .set('If-Match', `"${read.body.revision}"`)
      .send(doc);
  }

  it.each([
    [HOSTILE, /灾难性回溯/],
    ['(a|aa)+$', /灾难性回溯/],
    [INVALID, /不是有效的正则表达式/],
    ['^(.{1,100}){1,10}$', /重复次数过多/],
  ])('refuses a form field pattern %s with 422 naming the field', async (pattern, message) => {
    const res = await saveWithPattern(pattern);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('表单中的正则表达式不安全或无效');
    expect(res.body.error.details).toEqual([
      {
        path: '/form/properties/building/properties/reason/pattern',
        message: expect.stringMatching(message),
      },
    ]);
    const stored = await t.store.models.BaseItem.findByPk(HOMESTEAD);
    expect(JSON.stringify(stored!.doc)).not.toContain(JSON.stringify(pattern));
  });

  it('saves a safe pattern', async () => {
    expect((await saveWithPattern('^[\\u4e00-\\u9fa5，。0-9]{4,50}$')).status).toBe(200);
  });

  it('refuses a data element whose pattern backtracks catastrophically', async () => {
    const res = await t.api
      .post('/api/data-elements')
      .set(await t.as('admin'))
      .send({
        kind: 'data-element',
        schemaVersion: SCHEMA_VERSION,
        code: 'contractNumber',
        name: '合同编号',
        group: 'other',
        type: 'string',
        component: 'text',
        pattern: '^(\\w+\\s?)*$',
      });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: '/pattern', message: expect.stringMatching(/回溯/) }]);
  });

  it('refuses to publish a draft stored with a hostile pattern before the rule existed', async () => {
    const row = await t.store.models.BaseItem.findByPk(HOMESTEAD);
    const doc = structuredClone(row!.doc) as BaseItem;
    fieldOf(doc.form, 'reason').pattern = HOSTILE;
    await row!.update({ doc, status: 'draft' });
    const res = await t.api
      .post(`/api/base-items/${HOMESTEAD}/publish`)
      .set(await t.as('admin'))
      .send({ reason: '调整申请表的填写规则' });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toBe('/form/properties/building/properties/reason/pattern');
  });
});

describe(`patterns already stored, at run time (${DB_LABEL})`, () => {
  const warnings: string[] = [];
  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.join(' '));
    });
    // An old database: the published homestead item holds a catastrophic pattern and an invalid one.
    const row = await t.store.models.PublishedItem.findOne({
      where: { regionCode: YANGSHUO, itemCode: HOMESTEAD },
    });
    const item = JSON.parse(row!.item) as Item;
    fieldOf(item.form, 'reason').pattern = HOSTILE;
    fieldOf(item.form, 'siteLocation').pattern = INVALID;
    await row!.update({ item: JSON.stringify(item) });
  });
  afterAll(() => jest.restoreAllMocks());

  const apply = (reason: string) =>
    t.api.post('/api/public/submissions').send({
      region: YANGSHUO,
      items: [HOMESTEAD],
      data: { ...homesteadData(), item_0117302000: { ...homesteadData().item_0117302000, reason } },
    });

  it('answers 50,000 × "a" + "!" against ^(a+)+$ within 1 s, and /api/health meanwhile within 1 s', async () => {
    const [application, health] = await Promise.all([
      timed(() => apply(`${'a'.repeat(50_000)}!`)),
      new Promise((resolve) => setTimeout(resolve, 5)).then(() => timed(() => t.api.get('/api/health'))),
    ]);
    console.log(
      `ReDoS case on ${DB_LABEL}: application ${application.ms.toFixed(0)} ms, health ${health.ms.toFixed(0)} ms`,
    );
    expect(application.result.status).toBe(422);
    expect(application.result.body.error.details).toEqual([
      { path: '/data/item_0117302000/reason', message: '不应多于 500 个字符' },
      { path: '/data/item_0117302000/reason', message: '应当匹配模式 "^(a+)+$"' },
    ]);
    expect(health.result.status).toBe(200);
    expect(application.ms).toBeLessThan(1000);
    expect(health.ms).toBeLessThan(1000);
  });

  it('still applies the stored pattern, on RE2: 400 × "a" + "!" is refused at once, "aaaa" taken', async () => {
    const { result, ms } = await timed(() => apply(`${'a'.repeat(400)}!`));
    expect(result.status).toBe(422);
    expect(result.body.error.details).toEqual([
      { path: '/data/item_0117302000/reason', message: '应当匹配模式 "^(a+)+$"' },
    ]);
    expect(ms).toBeLessThan(1000);
    expect((await apply('aaaa')).status).toBe(201);
  });

  it('leaves a stored pattern not proved safe out of the portal’s checks, so no page can freeze on it', async () => {
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/form-checks.js?items=${HOMESTEAD}`);
    expect(res.status).toBe(200);
    // The keys name each field's rules as stored; the compiled code holds no RegExp of it.
    expect(res.text.slice(0, res.text.lastIndexOf('return ['))).not.toContain('(a+)+');
    const checks = evaluateChecks(res.text);
    const [, reason] = [...checks].find(([key]) => key.includes(JSON.stringify(HOSTILE)))!;
    const { ms } = await timed(async () => reason(`${'a'.repeat(40)}!`));
    expect(ms).toBeLessThan(100);
    // The field keeps its other rules.
    expect(reason('字'.repeat(501))).toBe(false);
  });

  it('leaves out a stored pattern no engine can run, says so in the log, and never answers 500', async () => {
    expect(warnings.some((w) => w.includes(`pattern "${INVALID}" left out`))).toBe(true);
    expect(warnings.some((w) => w.includes(`${YANGSHUO}/${HOMESTEAD}`))).toBe(true);
  });
});
