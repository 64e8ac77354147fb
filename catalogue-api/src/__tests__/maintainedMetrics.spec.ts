import type { BaseItem, Item, ItemImplementation, MetricsReport, RegionMetrics } from '@oneseal/schemas';
import { aggregateMetrics, assessImplementation, metrics } from '@oneseal/schemas';
import fc from 'fast-check';
import type { Principal } from '../auth/roles';
import { getDraft, publishTownship, saveDraft, transition } from '../services/townshipItems';
import { inTransaction } from '../services/store';
import { recountTownships } from '../services/townshipMetrics';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Reform metrics are kept, not recomputed: each township's totals change in the transaction that publishes,
 * withdraws or cancels one of its items. Whatever happens, they must equal a full recomputation by the model
 * (`metrics` / `aggregateMetrics` over every published item document).
 */

const CITY = { code: '450300', name: '桂林市' };
const ADMIN: Principal = { username: 'admin', role: 'city-admin', regionCode: CITY.code };
// Four eyes: whoever edits and submits a draft may not approve it.
const REVIEWER: Principal = { username: 'city-reviewer', role: 'reviewer', regionCode: CITY.code };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every published item, read from the stored documents: the recomputation's input. */
async function publishedItems(): Promise<Item[]> {
  const rows = await t.store.models.PublishedItem.findAll({ attributes: ['item'] });
  return rows.map((r) => JSON.parse(r.item) as Item);
}

async function expectMaintainedEqualsRecomputed(): Promise<void> {
  const items = await publishedItems();
  const city = await t.api.get(`/api/public/regions/${CITY.code}/metrics`);
  expect(city.status).toBe(200);
  expect(publishing(city.body)).toEqual(metrics(items));
  expect(city.body.rollup).toEqual(rolledUp(city.body, aggregateMetrics(items, CITY)));
  const county = await t.api.get('/api/public/regions/450321/metrics');
  const countyItems = items.filter((i) => i.regionCode?.startsWith('450321'));
  expect(publishing(county.body)).toEqual(metrics(countyItems));
  expect(county.body.rollup).toEqual(
    rolledUp(county.body, aggregateMetrics(countyItems, { code: '450321', name: '阳朔县' })),
  );
}

/** The townships of a report that publish anything (the report lists the others too, with zeros). */
const publishing = (report: MetricsReport) => report.townships.filter((m) => m.itemCount > 0);

/** A region meets all targets only when every township in it publishes (and the whole meets them). */
const rolledUp = (report: MetricsReport, whole: RegionMetrics): RegionMetrics => ({
  ...whole,
  allTargetsMet: whole.allTargetsMet && publishing(report).length === report.townships.length,
});

/** The draft without one element: left unstated, as a real guide may (model v2). */
function without(draft: ItemImplementation, key: keyof ItemImplementation): ItemImplementation {
  const copy = { ...draft };
  delete copy[key];
  return copy;
}

/**
 * A variation of a township's draft that the model accepts: another promise, visits, hall or online offer —
 * or one of them left unstated (counted as not met, no ratio), or fewer elements stated (lower completeness).
 */
function vary(draft: ItemImplementation, base: BaseItem, pick: number): ItemImplementation {
  const statutory = base.statutoryLimit;
  const candidates: ItemImplementation[] = [
    ...(statutory?.value !== undefined
      ? [{ ...draft, promisedLimit: { ...statutory, value: Math.max(1, Math.floor(statutory.value / 2)) } }]
      : []),
    ...(statutory ? [{ ...draft, promisedLimit: statutory }] : []),
    { ...draft, promisedLimit: { none: 'immediate' } },
    without(draft, 'promisedLimit'),
    { ...draft, visits: Math.min(base.maxVisits ?? 1, 1) },
    ...(base.maxVisits !== undefined ? [{ ...draft, visits: base.maxVisits }] : []),
    without(draft, 'visits'),
    { ...draft, online: { available: false } },
    {
      ...draft,
      online: { available: true, url: 'https://zwfw.gxzf.gov.cn/', depth: '3' },
      handlingForms: [...new Set([...(draft.handlingForms ?? []), '2' as const])],
    },
    without(draft, 'online'),
    { ...draft, inHall: !draft.inHall },
    without(draft, 'inHall'),
    without(without(without(draft, 'place'), 'hours'), 'contacts'),
    { ...draft, materials: draft.materials.slice(0, Math.max(1, draft.materials.length - 1)) },
  ];
  const valid = candidates.filter((c) => assessImplementation(c, base).errors.length === 0);
  return valid[pick % Math.max(valid.length, 1)] ?? draft;
}

/** Edit, submit, approve and publish one item (the township's whole approved list goes out). */
async function republish(township: string, code: string, pick: number): Promise<void> {
  const draft = await getDraft(t.store, township, code);
  const body = vary(draft.implementation, draft.base, pick);
  await saveDraft(t.store, ADMIN, township, code, body, draft.revision);
  await transition(t.store, ADMIN, township, code, 'submit');
  await transition(t.store, REVIEWER, township, code, 'approve');
  await publishTownship(t.store, ADMIN, township, { reason: '调整办理要素' });
}

type Step = { op: 'republish' | 'withdraw' | 'cancel'; item: number; pick: number };

async function apply(step: Step, items: { regionCode: string; baseCode: string }[]): Promise<void> {
  const { regionCode, baseCode } = items[step.item % items.length]!;
  const row = await t.store.models.Implementation.findOne({ where: { regionCode, baseCode } });
  const status = row!.status;
  if (step.op === 'withdraw' && status === 'published')
    await transition(t.store, ADMIN, regionCode, baseCode, 'withdraw', { reason: '暂停受理' });
  else if (step.op === 'cancel' && ['draft', 'published', 'withdrawn'].includes(status))
    await transition(t.store, ADMIN, regionCode, baseCode, 'cancel', { reason: '事项已取消' });
  else if (status !== 'cancelled') await republish(regionCode, baseCode, step.pick);
}

describe(`township metrics kept at publish (${DB_LABEL})`, () => {
  it('equal a full recomputation on the seeds', async () => {
    await expectMaintainedEqualsRecomputed();
  });

  it('equal a full recomputation after any sequence of publishes, withdrawals and cancellations', async () => {
    // Items of two townships in one county and one of another county.
    const items = (
      await t.store.models.Implementation.findAll({
        where: { regionCode: ['450321100', '450323101', '450321101'] },
        attributes: ['regionCode', 'baseCode'],
        order: [
          ['regionCode', 'ASC'],
          ['baseCode', 'ASC'],
        ],
      })
    ).map((r) => ({ regionCode: r.regionCode, baseCode: r.baseCode }));
    expect(items.length).toBeGreaterThan(10);
    const step = fc.record({
      op: fc.constantFrom<Step['op']>('republish', 'republish', 'withdraw', 'withdraw', 'cancel'),
      item: fc.nat({ max: items.length - 1 }),
      pick: fc.nat({ max: 13 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) await apply(s, items);
        await expectMaintainedEqualsRecomputed();
      }),
      { numRuns: 6, seed: 20261203 },
    );
  }, 120_000);

  it('stay equal when many items of one township are withdrawn and published at the same moment', async () => {
    const township = '450323101';
    const rows = await t.store.models.Implementation.findAll({
      where: { regionCode: township, status: 'published' },
      attributes: ['baseCode'],
    });
    const codes = rows.map((r) => r.baseCode);
    expect(codes.length).toBeGreaterThan(6);
    const withdrawn = codes.slice(0, 6);
    // Another township's item is published at the same time.
    const other = await t.store.models.Implementation.findOne({
      where: { regionCode: '450321100', status: 'published' },
    });
    const before = (await t.api.get(`/api/public/regions/${township}/metrics`)).body.rollup as RegionMetrics;
    const outcomes = await Promise.allSettled([
      ...withdrawn.map((code) =>
        transition(t.store, ADMIN, township, code, 'withdraw', { reason: '暂停受理' }),
      ),
      republish('450321100', other!.baseCode, 3),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 'fulfilled'));
    const after = (await t.api.get(`/api/public/regions/${township}/metrics`)).body.rollup as RegionMetrics;
    expect(after.itemCount).toBe(before.itemCount - withdrawn.length);
    await expectMaintainedEqualsRecomputed();
  }, 60_000);

  it('are rebuilt from the published rows to the same figures', async () => {
    const city = (await t.api.get(`/api/public/regions/${CITY.code}/metrics`)).body;
    // Another process changes the totals: this instance's micro-cache is not what is being tested.
    const fresh = async () => {
      t.store.publicMetrics.forgetPrefix('');
      return (await t.api.get(`/api/public/regions/${CITY.code}/metrics`)).body;
    };
    await t.store.models.TownshipMetrics.update({ itemCount: 999 }, { where: {} });
    expect((await fresh()).rollup.itemCount).not.toBe(city.rollup.itemCount);
    await inTransaction(t.store, (tx) => recountTownships(t.store, tx));
    expect(await fresh()).toEqual(city);
  });

  it('answer 20 concurrent city requests with the same figures', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.api.get(`/api/public/regions/${CITY.code}/metrics`)),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const items = await publishedItems();
    for (const a of answers) expect(a.body.rollup).toEqual(rolledUp(a.body, aggregateMetrics(items, CITY)));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  });
});
