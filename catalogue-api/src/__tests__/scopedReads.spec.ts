import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL, queriesOf } from './testApp';

// Editors' lists read what they show: a reviewer's queue reads its own region's drafts only, and neither it
// nor a township's list reads the drafts' documents — a province-wide database costs them nothing more.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const implementationsRead = (sql: string[]) => sql.filter((s) => /FROM [`"]?implementations/.test(s));

describe(`editors' lists (${DB_LABEL})`, () => {
  it('a county reviewer’s queue reads only the county’s drafts, without their documents', async () => {
    const editor = await t.as('editor-450323101');
    // A draft waiting in another county (大圩镇, 灵川县) that the 阳朔县 reviewer must not pay for.
    const list = await t.api.get('/api/townships/450323101/items').set(editor);
    const item = list.body[0].itemCode as string;
    await t.api.post(`/api/townships/450323101/items/${item}/submit`).set(editor);
    const reviewer = await t.as('reviewer-450321');
    let queue: { township: string }[] = [];
    const sql = implementationsRead(
      await queriesOf(t.store, async () => {
        queue = (await t.api.get('/api/review/items').set(reviewer)).body;
      }),
    );
    expect(queue.every((q) => q.township.startsWith('450321'))).toBe(true);
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/LIKE '450321%'/);
    expect(sql[0]).not.toMatch(/[`"]doc[`"]|SELECT \*/);
  });

  it('a township’s list does not read the documents', async () => {
    const editor = await t.as('editor-450321100');
    const sql = implementationsRead(
      await queriesOf(t.store, () => t.api.get('/api/townships/450321100/items').set(editor)),
    );
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(statement).not.toMatch(/[`"]doc[`"]|SELECT \*/);
  });
});
