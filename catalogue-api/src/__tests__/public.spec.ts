import type { Item, RegionMetrics } from '@oneseal/schemas';
import { aggregateMetrics, metrics, serviceTags } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const seeds = loadSeedCatalogue();
// Expected answers come from the seed files and the model's own functions, never from the API.
const seedItems = resolveSeedItems(seeds);
const yangshuo = seedItems
  .filter((i) => i.regionCode === YANGSHUO)
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.code.localeCompare(b.code));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function allPages(query: string): Promise<{ codes: string[]; totals: number[] }> {
  const codes: string[] = [];
  const totals: number[] = [];
  let next: string | null = null;
  do {
    const res = await t.api.get(
      `/api/public/regions/${YANGSHUO}/items?${query}${next ? `&cursor=${next}` : ''}`,
    );
    expect(res.status).toBe(200);
    codes.push(...res.body.items.map((i: { code: string }) => i.code));
    totals.push(res.body.total);
    next = res.body.next;
  } while (next);
  return { codes, totals };
}

describe(`public catalogue (${DB_LABEL})`, () => {
  it('pages through a township’s whole published list in list order', async () => {
    const { codes, totals } = await allPages('limit=10');
    expect(codes).toEqual(yangshuo.map((i) => i.code));
    expect(new Set(totals)).toEqual(new Set([yangshuo.length]));
  });

  it.each([
    ['type=01', (i: Item) => i.type === '01'],
    [`tag=${encodeURIComponent('网上办')}`, (i: Item) => serviceTags(i).includes('网上办')],
    [`tag=${encodeURIComponent('一次办')}`, (i: Item) => serviceTags(i).includes('一次办')],
    [
      `object=${encodeURIComponent('法人')}`,
      (i: Item) => (i.serviceObjects ?? []).some((o) => o !== '1' && o !== '5'),
    ],
    [
      `object=${encodeURIComponent('自然人')}&type=05`,
      (i: Item) => (i.serviceObjects ?? []).includes('1') && i.type === '05',
    ],
  ])('filters by %s', async (query, keep) => {
    const { codes, totals } = await allPages(`${query}&limit=7`);
    expect(codes).toEqual(yangshuo.filter(keep).map((i) => i.code));
    expect(totals[0]).toBe(codes.length);
  });

  it.each(['宅基地', 'zjd', 'zhaijidi'])('finds 农村村民宅基地和建房审批 by “%s”', async (q) => {
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/items`).query({ q });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toContain('0117302000');
    for (const item of res.body.items as { name: string }[]) expect(item.name).not.toBe('');
  });

  it('finds items by their aliases (keywords) too', async () => {
    const withKeyword = yangshuo.find((i) => i.keywords?.some((k) => !i.name.includes(k)))!;
    const keyword = withKeyword.keywords!.find((k) => !withKeyword.name.includes(k))!;
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/items`).query({ q: keyword });
    expect(res.body.items.map((i: { code: string }) => i.code)).toContain(withKeyword.code);
  });

  it('serves one resolved item with an ETag, and 304 when unchanged', async () => {
    const expected = yangshuo.find((i) => i.code === '0117302000')!;
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/items/0117302000`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.headers.etag).toBe(`"${YANGSHUO}-0117302000-v${expected.version}"`);
    const again = await t.api
      .get(`/api/public/regions/${YANGSHUO}/items/0117302000`)
      .set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('serves a published version as immutable', async () => {
    const expected = yangshuo.find((i) => i.code === '0117302000')!;
    const res = await t.api.get(
      `/api/public/regions/${YANGSHUO}/items/0117302000/versions/${expected.version}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.name).toBe(expected.name);
  });

  it('answers 404 with a zh message for an item the township does not publish', async () => {
    const res = await t.api.get('/api/public/regions/450302003/items/0117302000');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/没有已发布的事项/);
  });

  it('reports a township’s metrics as the model computes them', async () => {
    const res = await t.api.get(`/api/public/regions/${YANGSHUO}/metrics`);
    expect(res.status).toBe(200);
    expect(res.body.townships).toEqual(metrics(yangshuo));
    expect(res.body.rollup).toEqual(aggregateMetrics(yangshuo, { code: YANGSHUO, name: '阳朔镇' }));
  });

  it('rolls metrics up for a county and for the city, listing the townships that publish nothing as not meeting', async () => {
    const townships = await t.api.get('/api/public/regions').query({ parent: '450321', level: 'township' });
    const county = await t.api.get('/api/public/regions/450321/metrics');
    // Every township of 阳朔县 is listed; only 阳朔镇 publishes, the others count zero items and do not meet.
    expect(county.body.townships.map((m: RegionMetrics) => m.regionCode)).toEqual(
      townships.body.map((r: { code: string }) => r.code).sort(),
    );
    expect(townships.body.length).toBeGreaterThan(1);
    for (const m of county.body.townships as RegionMetrics[])
      if (m.regionCode !== YANGSHUO) expect(m).toMatchObject({ itemCount: 0, allTargetsMet: false });
    // So the county does not meet all targets, whatever its one publishing township's shares.
    expect(county.body.rollup.allTargetsMet).toBe(false);

    const city = await t.api.get('/api/public/regions/450300/metrics');
    const publishing = (city.body.townships as RegionMetrics[]).filter((m) => m.itemCount > 0);
    expect(publishing).toEqual(metrics(seedItems));
    expect(city.body.townships.length).toBeGreaterThan(publishing.length);
    expect(city.body.rollup).toEqual({
      ...aggregateMetrics(seedItems, { code: '450300', name: '桂林市' }),
      allTargetsMet: false,
    });
    expect(city.body.townships.some((m: { allTargetsMet: boolean }) => !m.allTargetsMet)).toBe(true);
  });

  it('finds regions by name, pinyin and parent', async () => {
    const byPinyin = await t.api.get('/api/public/regions').query({ q: 'yangshuo' });
    expect(byPinyin.body.map((r: { name: string }) => r.name)).toEqual(['阳朔县', '阳朔镇']);
    const byInitials = await t.api.get('/api/public/regions').query({ q: 'dxz', level: 'township' });
    expect(byInitials.body.map((r: { name: string }) => r.name)).toContain('大圩镇');
    const children = await t.api.get('/api/public/regions').query({ parent: '450321' });
    expect(children.body).toHaveLength(seeds.regions.filter((r) => r.parentCode === '450321').length);
  });

  it('publishes the bundles and the data-element dictionary', async () => {
    const bundles = await t.api.get('/api/public/bundles');
    expect(bundles.body.map((b: { code: string }) => b.code).sort()).toEqual(
      seeds.bundles.map((b) => b.code).sort(),
    );
    const elements = await t.api.get('/api/public/data-elements');
    expect(elements.body).toHaveLength(seeds.dataElements.length);
  });
});
