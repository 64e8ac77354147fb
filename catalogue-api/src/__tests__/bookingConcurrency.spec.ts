import type { Response } from 'supertest';
import { openDay, RecordingNotifier, TEST_HOURS } from './bookingFixtures';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL, raisedRateLimits } from './testApp';

/**
 * No double booking: many people book the last free seat of a slot at the same moment. The database decides
 * (a conditional UPDATE of the slot's counter row), so exactly one gets 201 and every other a 409 in zh — on
 * SQLite and on MariaDB (DB_URL=mysql://…). The bursts are fired in beforeAll; each `it` checks one promise.
 */

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000';
const BOOKERS = 50;
const day = openDay(1);

let t: TestApp;
const notifier = new RecordingNotifier();
beforeAll(async () => {
  t = await createTestApp({ configure: raisedRateLimits, notifier });
  const saved = await t.api
    .put(`/api/townships/${TOWNSHIP}/booking-settings`)
    .set(await t.as('editor-450321100'))
    .send({ ...TEST_HOURS, capacity: 3 });
  expect(saved.status).toBe(200);
}, 60_000);
afterAll(() => t.close());

const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;
const book = (start: string, i: number) =>
  t.api
    .post('/api/public/bookings')
    .send({ region: TOWNSHIP, item: ITEM, start, name: `预约人${i}`, phone: phoneOf(i) });

/** "status error-code" per answer, sorted: a failure shows every unexpected answer. */
const summary = (responses: Response[]) =>
  responses.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body?.error?.code}`)).sort();
const oneWinner = ['201', ...Array.from({ length: BOOKERS - 1 }, () => '409 slot-full')];

describe(`${BOOKERS} concurrent bookings of the last free seat of a slot (${DB_LABEL})`, () => {
  const start = `${day}T08:30`;
  let responses: Response[];

  beforeAll(async () => {
    // Two of three seats taken first, one at a time.
    for (const i of [1000, 1001]) expect((await book(start, i)).status).toBe(201);
    notifier.sent.length = 0;
    // All requests are built first and started together; none waits for another.
    responses = await Promise.all(Array.from({ length: BOOKERS }, (_, i) => book(start, i)));
  }, 120_000);

  it(`answers exactly one 201 and ${BOOKERS - 1} × 409 slot-full — no other status`, () => {
    expect(summary(responses)).toEqual(oneWinner);
  });

  it('every refusal says so in zh', () => {
    for (const r of responses.filter((r) => r.status === 409))
      expect(r.body.error.message).toBe(`${day} 08:30—09:00 已约满，请选择其他时段`);
  });

  it('the slot holds exactly its capacity: three bookings, the counter at 3, none left', async () => {
    expect(await t.store.models.Booking.count({ where: { regionCode: TOWNSHIP, slotStart: start } })).toBe(3);
    const counter = await t.store.models.BookingSlot.findOne({
      where: { regionCode: TOWNSHIP, slotStart: start },
    });
    expect(counter!.taken).toBe(3);
    const slots = await t.api.get(`/api/public/regions/${TOWNSHIP}/slots`).query({ from: day, to: day });
    expect(slots.body.days[0].slots[0]).toMatchObject({ start, remaining: 0 });
  });

  it('only the winner is sent a confirmation', () => {
    const winner = responses.find((r) => r.status === 201)!;
    expect(notifier.sent).toHaveLength(1);
    const i = Number((winner.body.name as string).replace('预约人', ''));
    expect(notifier.sent[0]!.to).toBe(phoneOf(i));
  });
});

describe(`${BOOKERS} concurrent first bookings of a slot of one seat, before it has a counter row (${DB_LABEL})`, () => {
  const start = `${day}T09:00`;
  let responses: Response[];

  beforeAll(async () => {
    const saved = await t.api
      .put(`/api/townships/${TOWNSHIP}/booking-settings`)
      .set(await t.as('editor-450321100'))
      .send({ ...TEST_HOURS, capacity: 1 });
    expect(saved.status).toBe(200);
    expect(
      await t.store.models.BookingSlot.count({ where: { regionCode: TOWNSHIP, slotStart: start } }),
    ).toBe(0);
    responses = await Promise.all(Array.from({ length: BOOKERS }, (_, i) => book(start, 100 + i)));
  }, 120_000);

  it(`answers exactly one 201 and ${BOOKERS - 1} × 409 slot-full — no deadlock, no duplicate row`, async () => {
    expect(summary(responses)).toEqual(oneWinner);
    expect(await t.store.models.Booking.count({ where: { regionCode: TOWNSHIP, slotStart: start } })).toBe(1);
    expect(
      await t.store.models.BookingSlot.count({ where: { regionCode: TOWNSHIP, slotStart: start } }),
    ).toBe(1);
  });
});
