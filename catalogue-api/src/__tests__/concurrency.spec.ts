import type { ItemImplementation } from '@oneseal/schemas';
import type { Response } from 'supertest';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Optimistic concurrency on the draft of one item: many editors save the same revision at the same moment.
 * The service promises that exactly one wins (one conditional UPDATE) and every other gets 409 with the
 * current draft, and that nothing of the losers reaches the row or the audit log.
 *
 * The burst is fired once (beforeAll); each `it` checks one promise about its outcome, so a failure names
 * the promise that was broken.
 */

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000';
const WRITERS = 20;
const EDITOR = 'editor-450321100';
const path = `/api/townships/${TOWNSHIP}/items/${ITEM}`;
const auditWhere = { action: 'save-draft', entityKey: `${TOWNSHIP}/${ITEM}` };

interface Draft {
  revision: number;
  status: string;
  implementation: ItemImplementation;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function readDraft(): Promise<{ draft: Draft; etag: string | undefined }> {
  const res = await t.api.get(path).set(await t.as(EDITOR));
  expect(res.status).toBe(200);
  return { draft: res.body as Draft, etag: res.headers.etag as string | undefined };
}

describe(`${WRITERS} concurrent saves of one draft with the same If-Match (${DB_LABEL})`, () => {
  let before: Draft;
  let bodies: ItemImplementation[];
  let responses: Response[];
  let auditBefore: number;

  beforeAll(async () => {
    const editor = await t.as(EDITOR);
    const read = await readDraft();
    before = read.draft;
    expect(read.etag).toBe(`"${before.revision}"`);
    auditBefore = await t.store.models.AuditEntry.count({ where: auditWhere });

    // Twenty different, valid documents: each writer has its own hours and place.
    bodies = Array.from({ length: WRITERS }, (_, i) => ({
      ...before.implementation,
      hours: `并发测试 ${i}：周一至周五 9:00—17:00`,
      place: `阳朔镇便民服务中心 ${i + 1} 号窗口`,
    }));

    // All requests are built first and started together; none waits for another.
    responses = await Promise.all(
      bodies.map((body) => t.api.put(path).set(editor).set('If-Match', String(before.revision)).send(body)),
    );
  }, 60_000);

  /** The index of the one writer that got 200 (the test fails when there is not exactly one). */
  function winner(): number {
    const winners = responses.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    return winners[0]!;
  }

  it('the varied fields really differ from the stored draft and between writers', () => {
    expect(new Set(bodies.map((b) => b.hours)).size).toBe(WRITERS);
    expect(new Set(bodies.map((b) => b.place)).size).toBe(WRITERS);
    expect(bodies.map((b) => b.hours)).not.toContain(before.implementation.hours);
    expect(bodies.map((b) => b.place)).not.toContain(before.implementation.place);
    expect(auditBefore).toBe(0);
  });

  it(`answers exactly one 200 and ${WRITERS - 1} × 409 stale-revision — no other status`, () => {
    // "status error-code" per response, sorted: a failure shows every unexpected answer.
    const summary = responses
      .map((r) => (r.status === 200 ? '200' : `${r.status} ${r.body?.error?.code}`))
      .sort();
    expect(summary).toEqual(['200', ...Array.from({ length: WRITERS - 1 }, () => '409 stale-revision')]);
  });

  it('the winner is told its new revision', () => {
    const won = responses[winner()]!;
    expect(won.body).toMatchObject({ revision: before.revision + 1, status: 'draft' });
    expect(won.headers.etag).toBe(`"${before.revision + 1}"`);
  });

  it("stores the winner's body, one revision on", async () => {
    const w = winner();
    const { draft: after, etag } = await readDraft();
    expect(after.revision).toBe(before.revision + 1);
    expect(etag).toBe(`"${before.revision + 1}"`);
    expect(after.status).toBe('draft');
    expect(after.implementation.hours).toBe(bodies[w]!.hours);
    expect(after.implementation.place).toBe(bodies[w]!.place);
  });

  it('writes exactly one save-draft audit entry, for the winner', async () => {
    const w = winner();
    const entries = await t.store.models.AuditEntry.findAll({ where: auditWhere });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.username).toBe(EDITOR);
    expect(entries[0]!.after).toMatchObject({ hours: bodies[w]!.hours, place: bodies[w]!.place });
    expect(entries[0]!.before).toMatchObject({
      hours: before.implementation.hours,
      place: before.implementation.place,
    });
  });

  it("every 409 carries the draft that won: currentRevision and current are the winner's", () => {
    const w = winner();
    const losers = responses.filter((r) => r.status === 409);
    expect(losers.length).toBeGreaterThan(0);
    // Compared as one list, so a failure shows how many losers were handed something other than the winner.
    const told = losers.map((r) => {
      const current = r.body.error.current as ItemImplementation;
      return { currentRevision: r.body.error.currentRevision, hours: current.hours, place: current.place };
    });
    const expected = {
      currentRevision: before.revision + 1,
      hours: bodies[w]!.hours,
      place: bodies[w]!.place,
    };
    expect(told).toEqual(losers.map(() => expected));
  });
});

describe(`a stale save, then a save with the revision from the 409 (${DB_LABEL})`, () => {
  it('the retry with currentRevision succeeds and is stored', async () => {
    const editor = await t.as(EDITOR);
    const { draft } = await readDraft();
    expect(draft.revision).toBeGreaterThan(1);

    const stale = await t.api
      .put(path)
      .set(editor)
      .set('If-Match', String(draft.revision - 1))
      .send({ ...draft.implementation, hours: '过期的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-revision');
    expect(stale.body.error.currentRevision).toBe(draft.revision);
    expect((await readDraft()).draft.implementation.hours).toBe(draft.implementation.hours);

    const retry = await t.api
      .put(path)
      .set(editor)
      .set('If-Match', String(stale.body.error.currentRevision))
      .send({ ...draft.implementation, hours: '重新比较后保存' });
    expect(retry.status).toBe(200);
    expect(retry.body.revision).toBe(draft.revision + 1);
    const { draft: after } = await readDraft();
    expect(after.revision).toBe(draft.revision + 1);
    expect(after.implementation.hours).toBe('重新比较后保存');
  });
});
