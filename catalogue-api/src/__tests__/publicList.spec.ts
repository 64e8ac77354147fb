import type { Item } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL, queriesOf } from './testApp';

/**
 * The public list and search at province scale: they read stored summaries (never an item document), search
 * through the term index with exact and prefix name matches first, and are cached like the item route.
 */

const YANGSHUO = '450321100';
const list = `/api/public/regions/${YANGSHUO}/items`;
// Expected answers come from the seed files, never from the API.
const yangshuo = resolveSeedItems(loadSeedCatalogue())
  .filter((i) => i.regionCode === YANGSHUO)
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.code.localeCompare(b.code));

/** What a search by Chinese words must answer: items holding every word, the name itself, then its start. */
function expectedSearch(q: string): string[] {
  const words = q.split(/\s+/);
  const rank = (i: Item) => (i.name === q ? 0 : i.name.startsWith(q) ? 1 : 2);
  return yangshuo
    .filter((i) => words.every((w) => [i.name, ...(i.keywords ?? [])].some((text) => text.includes(w))))
    .map((i, position) => ({ code: i.code, rank: rank(i), position }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((i) => i.code);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function allPages(query: Record<string, string>): Promise<string[]> {
  const codes: string[] = [];
  let next: string | null = null;
  do {
    const res = await t.api.get(list).query({ ...query, limit: '2', ...(next ? { cursor: next } : {}) });
    expect(res.status).toBe(200);
    codes.push(...res.body.items.map((i: { code: string }) => i.code));
    next = res.body.next;
  } while (next);
  return codes;
}

// A statement that reads the whole item: names the `item` column, or selects every column.
const readsDocument = (sql: string) => /\bitem\b|SELECT \*|\.\*/.test(sql) && /published_items/.test(sql);

describe(`public list and search (${DB_LABEL})`, () => {
  it('never read an item document, while the item route does', async () => {
    const listing = await queriesOf(t.store, async () => {
      await t.api.get(list).query({ limit: '5', q: 'doc-log' });
      await t.api.get(list).query({ limit: '7' });
      const first = await t.api.get(list).query({ limit: '3', tag: '一次办' });
      await t.api.get(list).query({ limit: '3', tag: '一次办', cursor: first.body.next });
      for (const q of ['宅基地', 'zjd', 'zhaijidi', '补贴 高龄', '农']) await t.api.get(list).query({ q });
      await t.api.get(`/api/public/regions/450300/metrics`);
    });
    // One statement a page, searches included, the count in it.
    expect(listing.filter((sql) => /published_items/.test(sql))).toHaveLength(9);
    expect(listing.filter(readsDocument)).toEqual([]);
    // The detector itself works: the item route reads the document.
    const detail = await queriesOf(t.store, () => t.api.get(`${list}/0520004000`));
    expect(detail.filter(readsDocument)).toHaveLength(1);
  });

  it.each(['农村', '就业', '补贴', '低保', '就业登记', '补贴 高龄', '证'])(
    'finds “%s” as a substring search would, exact and prefix name matches first',
    async (q) => {
      const expected = expectedSearch(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(await allPages({ q })).toEqual(expected);
      const first = await t.api.get(list).query({ q, limit: '100' });
      expect(first.body.total).toBe(expected.length);
    },
  );

  it('puts an exact name first even when it comes late in the list', async () => {
    const codes = await allPages({ q: '就业登记' });
    expect(codes[0]).toBe('2030004000');
    const prefix = await allPages({ q: '农村' });
    // Names that start with 农村 come before 最低生活保障审核确认 (alias 农村低保), which is earlier in the list.
    expect(prefix.indexOf('0520001000')).toBeGreaterThan(prefix.indexOf('2017309000'));
  });

  it('finds by full pinyin and initials, names that start with them first', async () => {
    expect(await allPages({ q: 'zjd' })).toEqual(expect.arrayContaining(['0117302000', '0117315000']));
    const byPinyin = await allPages({ q: 'nongcun' });
    const startsWith = yangshuo.filter((i) => i.name.startsWith('农村')).map((i) => i.code);
    expect(byPinyin.slice(0, startsWith.length)).toEqual(startsWith);
    // 就业登记 (jydj) exactly, before 就业困难人员认定 (jyknryrd), which comes first in the list.
    expect((await allPages({ q: 'jydj' }))[0]).toBe('2030004000');
    expect((await allPages({ q: 'jy' })).slice(0, 2)).toEqual(['0730006000', '2030004000']);
  });

  it('combines a search with filters and answers nothing found as an empty page', async () => {
    const res = await t.api.get(list).query({ q: '补贴', type: '05' });
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(
      expectedSearch('补贴').filter((code) => yangshuo.find((i) => i.code === code)!.type === '05'),
    );
    const none = await t.api.get(list).query({ q: '没有这样的事项' });
    expect(none.body).toEqual({ items: [], total: 0, next: null });
  });

  it('refuses a forged cursor with a 400 naming it', async () => {
    for (const cursor of ['nonsense', Buffer.from('[1e400,"x"]').toString('base64url')]) {
      const res = await t.api.get(list).query({ cursor });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('/cursor');
    }
    // A list cursor is not a search cursor.
    const page = await t.api.get(list).query({ limit: '2' });
    expect((await t.api.get(list).query({ q: '农村', cursor: page.body.next })).status).toBe(400);
  });

  it('answers a page with an ETag and 304 when it has not changed', async () => {
    const res = await t.api.get(list).query({ limit: '4' });
    expect(res.headers.etag).toMatch(/^"list-/);
    expect(res.headers['cache-control']).toContain('max-age');
    const again = await t.api.get(list).query({ limit: '4' }).set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
    const other = await t.api.get(list).query({ limit: '5' });
    expect(other.headers.etag).not.toBe(res.headers.etag);
  });

  it('forgets the cached pages of a township the moment one of its items is withdrawn', async () => {
    const editor = await t.as('editor-450321100');
    const before = await t.api.get(list).query({ q: '医疗救助' });
    expect(before.body.items.map((i: { code: string }) => i.code)).toEqual(['0520004000']);
    const withdrawn = await t.api
      .post(`/api/townships/${YANGSHUO}/items/0520004000/withdraw`)
      .set(editor)
      .send({ reason: '暂停受理' });
    expect(withdrawn.status).toBe(200);
    // Within the micro-cache's lifetime: this instance must not answer from it.
    const after = await t.api.get(list).query({ q: '医疗救助' }).set('If-None-Match', before.headers.etag!);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ items: [], total: 0, next: null });
  });
});
