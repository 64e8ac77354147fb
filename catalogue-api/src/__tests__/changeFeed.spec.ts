import type { ChangeEntry, ChangePage, ItemImplementation } from '@oneseal/schemas';
import { SaxesParser } from 'saxes';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const YANGSHUO_COUNTY = '450321';
const DAXU_COUNTY = '450323';
const HOMESTEAD = '0117302000';
const itemPath = (code: string) => `/api/townships/${YANGSHUO}/items/${code}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function changes(query: Record<string, string> = {}): Promise<ChangePage> {
  const res = await t.api.get('/api/public/changes').query(query);
  expect(res.status).toBe(200);
  return res.body as ChangePage;
}

/** Edits 阳朔镇's homestead item, takes it through review and publishes it with `reason`. */
async function republish(change: (impl: ItemImplementation) => void, reason: string) {
  const editor = await t.as(`editor-${YANGSHUO}`);
  const draft = await t.api.get(itemPath(HOMESTEAD)).set(editor);
  const implementation = draft.body.implementation as ItemImplementation;
  change(implementation);
  const saved = await t.api
    .put(itemPath(HOMESTEAD))
    .set(editor)
    .set('If-Match', `"${draft.body.revision}"`)
    .send(implementation);
  expect(saved.status).toBe(200);
  expect((await t.api.post(`${itemPath(HOMESTEAD)}/submit`).set(editor)).status).toBe(200);
  const reviewer = await t.as('reviewer-450321');
  expect(
    (
      await t.api
        .post(`${itemPath(HOMESTEAD)}/approve`)
        .set(reviewer)
        .send({})
    ).status,
  ).toBe(200);
  const published = await t.api
    .post(`/api/townships/${YANGSHUO}/publish`)
    .set(editor)
    .send({ reason, effectiveDate: '2027-01-01' });
  expect(published.status).toBe(200);
}

describe(`the change feed (${DB_LABEL})`, () => {
  let published: ChangeEntry;

  it('records a publish with the reason and a labelled zh summary of what changed', async () => {
    await republish((impl) => {
      impl.promisedLimit = { value: 7, unit: 'workday' };
      impl.materials = impl.materials.filter((m) => m.material !== 'HUKOU');
    }, '按县政务服务办通知压缩承诺时限');
    const { entries } = await changes({ region: YANGSHUO });
    published = entries[0]!;
    expect(published).toMatchObject({
      kind: 'publish',
      regionCode: YANGSHUO,
      regionName: '阳朔镇',
      itemCode: HOMESTEAD,
      fromVersion: 1,
      toVersion: 2,
      effectiveDate: '2027-01-01',
      reason: '按县政务服务办通知压缩承诺时限',
      summary: ['删除申请材料：居民户口簿', '承诺办结时限：9 个工作日 → 7 个工作日'],
    });
    expect(published.itemName).toContain('宅基地');
    expect(published.author).not.toBe('');
    expect(published.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finds a township entry under its county and city, and not under another county', async () => {
    const ids = async (region: string) => (await changes({ region })).entries.map((e) => e.eventId);
    expect(await ids(YANGSHUO_COUNTY)).toContain(published.eventId);
    expect(await ids('450300')).toContain(published.eventId);
    expect(await ids(DAXU_COUNTY)).not.toContain(published.eventId);
  });

  it('records a withdrawal with its reason, in the same transaction that takes the item off the list', async () => {
    const editor = await t.as(`editor-${YANGSHUO}`);
    const res = await t.api
      .post(`${itemPath(HOMESTEAD)}/withdraw`)
      .set(editor)
      .send({ reason: '暂停受理，待县自然资源局新办法出台' });
    expect(res.status).toBe(200);
    const [latest] = (await changes({ region: YANGSHUO })).entries;
    expect(latest).toMatchObject({
      kind: 'withdraw',
      fromVersion: 2,
      toVersion: null,
      reason: '暂停受理，待县自然资源局新办法出台',
      summary: [],
    });
    // A refused withdrawal (it is no longer published) writes no entry.
    const again = await t.api
      .post(`${itemPath(HOMESTEAD)}/withdraw`)
      .set(editor)
      .send({ reason: '重复' });
    expect(again.status).toBe(409);
    expect((await changes({ region: YANGSHUO })).entries[0]!.eventId).toBe(latest!.eventId);
  });

  it('records base-item publish and retirement under the owner region', async () => {
    const admin = await t.as('admin');
    const code = '2030014000';
    const retired = await t.api
      .post(`/api/base-items/${code}/retire`)
      .set(admin)
      .send({ reason: '上级取消' });
    expect(retired.status).toBe(200);
    const [latest] = (await changes({ region: '450300' })).entries;
    expect(latest).toMatchObject({
      kind: 'base-retire',
      itemCode: code,
      reason: '上级取消',
      toVersion: null,
    });
  });

  it('pages newest first with a cursor, without repeats, and bounds since', async () => {
    const all = (await changes({ limit: '100' })).entries.map((e) => e.eventId);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ChangePage = await changes({ limit: '1', ...(cursor ? { cursor } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(1);
      seen.push(...page.entries.map((e) => e.eventId));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await changes({ since: '2999-01-01' })).entries).toEqual([]);
    expect((await changes({ since: '2000-01-01', limit: '100' })).entries.map((e) => e.eventId)).toEqual(all);
    for (const bad of [{ limit: '0' }, { limit: '101' }, { cursor: 'abc' }, { since: '2026-13-45' }]) {
      const res = await t.api.get('/api/public/changes').query(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe(`/${Object.keys(bad)[0]}`);
    }
  });

  it('serves a township and a county as well-formed Atom 1.0 with zh text, escaped', async () => {
    const editor = await t.as(`editor-${YANGSHUO}`);
    // A reason with characters XML reserves, to see them escaped and read back as written.
    const reason = '依据《条例》第 3 条 <修订> & “一次办”';
    await t.api
      .post(`${itemPath('0520004000')}/withdraw`)
      .set(editor)
      .send({ reason })
      .expect(200);
    for (const region of [YANGSHUO, YANGSHUO_COUNTY]) {
      const res = await t.api.get(`/api/public/regions/${region}/changes.atom`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const xml = res.text;
      const names: string[] = [];
      const texts: string[] = [];
      const parser = new SaxesParser({ xmlns: true });
      parser.on('opentag', (tag) => names.push(`${tag.uri} ${tag.local}`));
      parser.on('text', (text) => texts.push(text));
      parser.write(xml).close(); // throws on anything not well-formed
      expect(names[0]).toBe('http://www.w3.org/2005/Atom feed');
      const entries = names.filter((n) => n.endsWith(' entry')).length;
      expect(entries).toBeGreaterThanOrEqual(2);
      // Every entry has the elements Atom requires: id, title, updated.
      for (const element of ['id', 'title', 'updated'])
        expect(names.filter((n) => n.endsWith(` ${element}`)).length).toBe(entries + 1);
      expect(texts.join('')).toContain(`理由：${reason}`);
      expect(texts.join('')).toContain('承诺办结时限：9 个工作日 → 7 个工作日');
      expect(xml).toContain('&lt;修订&gt; &amp;');
    }
    expect((await t.api.get('/api/public/regions/450399999/changes.atom')).status).toBe(404);
  });
});
