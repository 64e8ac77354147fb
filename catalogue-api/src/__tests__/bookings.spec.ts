import crypto from 'node:crypto';
import { addDays } from '@oneseal/schemas';
import { remindCommand } from '../cli/bookings';
import { chinaToday } from '../services/chinaDate';
import { remindBookings } from '../services/bookings';
import { openDay, RecordingNotifier, TEST_HOURS } from './bookingFixtures';
import type { TestApp } from './testApp';
import { createTestApp } from './testApp';

/** 预约办理 on SQLite: settings (RBAC, audit, validation), slots, booking, look-up, cancel, staff list, reminders. */

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000';
const EDITOR = 'editor-450321100';
const settingsPath = `/api/townships/${TOWNSHIP}/booking-settings`;
const slotsPath = `/api/public/regions/${TOWNSHIP}/slots`;
const PHONE = '13800001234';

let t: TestApp;
const notifier = new RecordingNotifier();
let itemName: string;
beforeAll(async () => {
  t = await createTestApp({ notifier });
  itemName = (await t.api.get(`/api/public/regions/${TOWNSHIP}/items/${ITEM}`)).body.name as string;
});
afterAll(() => t.close());

const day = openDay(2);

/** The DB_URL of the test's own database, for the command line. */
function dbUrlOf(app: TestApp): string {
  const sequelize = app.store.sequelize;
  if (sequelize.getDialect() === 'sqlite') return `sqlite:${sequelize.options.storage}`;
  const { username, password, host, port, database } = sequelize.config;
  return `mysql://${username}${password ? `:${password}` : ''}@${host}:${port}/${database}`;
}
const booking = (start: string, extra: object = {}) => ({
  region: TOWNSHIP,
  item: ITEM,
  start,
  name: '李秀英',
  phone: PHONE,
  ...extra,
});

describe('a township without settings', () => {
  it('offers no slots and says so', async () => {
    const res = await t.api.get(slotsPath).query({ item: ITEM });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ region: TOWNSHIP, regionName: '阳朔镇', offered: false, days: [] });
    expect(res.body.message).toMatch(/尚未开放网上预约/);
    expect(res.body.item).toEqual({ code: ITEM, name: itemName });
  });

  it('refuses a booking with 409 and a zh message', async () => {
    const res = await t.api.post('/api/public/bookings').send(booking(`${day}T08:30`));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'booking-not-offered' });
    expect(res.body.error.message).toMatch(/尚未开放网上预约/);
  });

  it('reads as settings: null for its staff', async () => {
    const res = await t.api.get(settingsPath).set(await t.as(EDITOR));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ region: TOWNSHIP, settings: null });
  });
});

describe('settings: who may write them, what is refused, the audit', () => {
  it('401 without a token, 403 for a reviewer and for another township’s editor', async () => {
    expect((await t.api.put(settingsPath).send(TEST_HOURS)).status).toBe(401);
    const reviewer = await t.api
      .put(settingsPath)
      .set(await t.as('reviewer-450321'))
      .send(TEST_HOURS);
    expect(reviewer.status).toBe(403);
    const other = await t.api
      .put(settingsPath)
      .set(await t.as('editor-450323101'))
      .send(TEST_HOURS);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/辖区以外/);
  });

  it('422 naming the field, in zh, for a bad clock time and for a period shorter than a slot', async () => {
    const editor = await t.as(EDITOR);
    const badTime = await t.api
      .put(settingsPath)
      .set(editor)
      .send({ ...TEST_HOURS, weekdays: { mon: [{ from: '8:30', to: '12:00' }] } });
    expect(badTime.status).toBe(422);
    expect(badTime.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/weekdays/mon/0/from' })]),
    );
    const short = await t.api
      .put(settingsPath)
      .set(editor)
      .send({ ...TEST_HOURS, weekdays: { tue: [{ from: '08:30', to: '08:45' }] } });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({
      message: '预约设置有误',
      details: [{ path: '/weekdays/tue/0/to', message: '时段 08:30—08:45 短于一个预约时段（30 分钟）' }],
    });
    const capacity = await t.api
      .put(settingsPath)
      .set(editor)
      .send({ ...TEST_HOURS, capacity: 0 });
    expect(capacity.status).toBe(422);
    expect(capacity.body.error.details[0].path).toBe('/capacity');
    expect(capacity.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the township editor saves them; the audit keeps who, before and after', async () => {
    const res = await t.api
      .put(settingsPath)
      .set(await t.as(EDITOR))
      .send(TEST_HOURS);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ region: TOWNSHIP, settings: TEST_HOURS, updatedBy: EDITOR });
    const entries = await t.store.models.AuditEntry.findAll({ where: { action: 'booking-settings' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      username: EDITOR,
      regionCode: TOWNSHIP,
      before: null,
      after: TEST_HOURS,
    });
    expect((await t.api.get(settingsPath).set(await t.as(EDITOR))).body.settings).toEqual(TEST_HOURS);
  });
});

describe('slots', () => {
  it('lists the open days with every slot and its seats; weekends and past slots are not there', async () => {
    const res = await t.api
      .get(slotsPath)
      .query({ from: chinaToday(), to: addDays(chinaToday(), 13), item: ITEM });
    expect(res.status).toBe(200);
    expect(res.body.offered).toBe(true);
    const dates = (res.body.days as { date: string }[]).map((d) => d.date);
    expect(dates).toContain(day);
    for (const date of dates) expect(new Date(`${date}T00:00:00Z`).getUTCDay()).not.toBe(0);
    const open = (res.body.days as { date: string; slots: { start: string; remaining: number }[] }[]).find(
      (d) => d.date === day,
    )!;
    expect(open.slots).toHaveLength(13);
    expect(open.slots[0]).toEqual({ start: `${day}T08:30`, end: '09:00', remaining: 2 });
  });

  it('400 naming `to` for a range over 31 days or backwards', async () => {
    const long = await t.api.get(slotsPath).query({ from: day, to: addDays(day, 31) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ message: '一次最多查询 31 天', details: [{ path: '/to' }] });
    const backwards = await t.api.get(slotsPath).query({ from: day, to: addDays(day, -1) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('/to');
  });

  it('404 for an item the township has not published', async () => {
    expect((await t.api.get(slotsPath).query({ item: '9999999999' })).status).toBe(404);
  });
});

describe('booking, looking up, cancelling', () => {
  let code: string;

  it('201 with a short code of unambiguous characters; the seat is taken; the confirmation goes out', async () => {
    const res = await t.api.post('/api/public/bookings').send(booking(`${day}T09:00`));
    expect(res.status).toBe(201);
    code = res.body.code as string;
    expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
    expect(res.body).toMatchObject({
      region: TOWNSHIP,
      regionName: '阳朔镇',
      item: { code: ITEM, name: itemName },
      start: `${day}T09:00`,
      end: '09:30',
      name: '李秀英',
      phone: '138****1234',
      status: 'booked',
      statusLabel: '已预约',
    });
    const slots = await t.api.get(slotsPath).query({ from: day, to: day });
    expect(slots.body.days[0].slots[1]).toEqual({ start: `${day}T09:00`, end: '09:30', remaining: 1 });
    const confirmation = notifier.sent.at(-1)!;
    expect(confirmation).toMatchObject({ to: PHONE, template: 'booking-confirmed' });
    expect(confirmation.data.code).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
    expect(confirmation.data.when).toBe(`${day} 09:00—09:30`);
  });

  it('two codes are never the same', async () => {
    const other = await t.api
      .post('/api/public/bookings')
      .send(booking(`${day}T09:30`, { phone: '13900005678' }));
    expect(other.status).toBe(201);
    expect(other.body.code).not.toBe(code);
  });

  it('shows the booking to its code and phone (code in any case), 404 to a wrong phone', async () => {
    const res = await t.api.get(`/api/public/bookings/${code.toLowerCase()}`).query({ phone: PHONE });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'booked', start: `${day}T09:00` });
    const wrong = await t.api.get(`/api/public/bookings/${code}`).query({ phone: '13800009999' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('没有找到该预约，请核对预约码和手机号码');
  });

  it('staff see the day’s bookings in slot order; another township’s editor may not', async () => {
    const res = await t.api
      .get(`/api/townships/${TOWNSHIP}/bookings`)
      .query({ date: day })
      .set(await t.as(EDITOR));
    expect(res.status).toBe(200);
    expect(res.body.bookings.map((b: { start: string; name: string }) => [b.start, b.name])).toEqual([
      [`${day}T09:00`, '李秀英'],
      [`${day}T09:30`, '李秀英'],
    ]);
    expect(res.body.bookings[0]).toMatchObject({ code, phone: PHONE, item: { code: ITEM, name: itemName } });
    const other = await t.api
      .get(`/api/townships/${TOWNSHIP}/bookings`)
      .query({ date: day })
      .set(await t.as('editor-450323101'));
    expect(other.status).toBe(403);
  });

  it('cancels with code and phone: the seat is free again; a second cancel is 409', async () => {
    const wrong = await t.api.post(`/api/public/bookings/${code}/cancel`).send({ phone: '13800009999' });
    expect(wrong.status).toBe(404);
    const res = await t.api.post(`/api/public/bookings/${code}/cancel`).send({ phone: PHONE });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'cancelled', statusLabel: '已取消' });
    expect(res.body.cancelledAt).toBeDefined();
    const slots = await t.api.get(slotsPath).query({ from: day, to: day });
    expect(slots.body.days[0].slots[1].remaining).toBe(2);
    const again = await t.api.post(`/api/public/bookings/${code}/cancel`).send({ phone: PHONE });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该预约已经取消');
  });
});

describe('a code drawn twice', () => {
  it('books again with a new code instead of failing', async () => {
    const existing = (await t.api.post('/api/public/bookings').send(booking(`${day}T11:00`))).body
      .code as string;
    // The next 8 random bytes drawn are those of the existing code (one byte per character of the alphabet).
    const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    const again = Buffer.from([...existing].map((c) => alphabet.indexOf(c)));
    const real = crypto.randomBytes.bind(crypto) as (size: number) => Buffer;
    let drawn = 0;
    const draw = jest
      .spyOn(crypto, 'randomBytes')
      .mockImplementation(((size: number) =>
        size === 8 && drawn++ === 0 ? again : real(size)) as typeof crypto.randomBytes);
    try {
      const res = await t.api
        .post('/api/public/bookings')
        .send(booking(`${day}T11:00`, { phone: '13700000009' }));
      expect(res.status).toBe(201);
      expect(res.body.code).not.toBe(existing);
      expect(drawn).toBe(2);
      expect(
        (await t.store.models.BookingSlot.findOne({ where: { slotStart: `${day}T11:00` } }))!.taken,
      ).toBe(2);
    } finally {
      draw.mockRestore();
    }
  });
});

describe('bookings refused', () => {
  it('422 at /start for a time between slots, in the lunch break, or in the past', async () => {
    for (const start of [`${day}T09:15`, `${day}T12:00`, `${addDays(chinaToday(), -1)}T09:00`]) {
      const res = await t.api.post('/api/public/bookings').send(booking(start));
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].path).toBe('/start');
    }
  });

  it('422 naming /name and /phone for a blank name and a number that is no mobile', async () => {
    const res = await t.api
      .post('/api/public/bookings')
      .send(booking(`${day}T10:00`, { name: ' ', phone: '12345' }));
    expect(res.status).toBe(422);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/phone']));
  });

  it('404 for an item the township has not published', async () => {
    const res = await t.api
      .post('/api/public/bookings')
      .send(booking(`${day}T10:00`, { item: '9999999999' }));
    expect(res.status).toBe(404);
  });

  it('409 with a zh message once a slot is full', async () => {
    const start = `${day}T10:30`;
    for (const phone of ['13700000001', '13700000002'])
      expect((await t.api.post('/api/public/bookings').send(booking(start, { phone }))).status).toBe(201);
    const full = await t.api.post('/api/public/bookings').send(booking(start, { phone: '13700000003' }));
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({
      code: 'slot-full',
      message: `${day} 10:30—11:00 已约满，请选择其他时段`,
    });
  });
});

describe('reminders the day before', () => {
  it('reminds each booking of tomorrow once, however often it runs', async () => {
    // The service with a clock of the day before `day`: what the cron job does that evening.
    const evening = new Date(`${addDays(day, -1)}T12:00:00Z`); // 20:00 in China
    const first = new RecordingNotifier();
    expect(await remindBookings(t.store, first, evening)).toEqual({ date: day, sent: 5, failed: 0 });
    expect(new Set(first.sent.map((n) => n.template))).toEqual(new Set(['booking-reminder']));
    // Cancelled bookings are not reminded: 09:00 was cancelled; 09:30, 10:30 × 2 and 11:00 × 2 stand.
    expect(first.sent.map((n) => n.data.when)).toEqual([
      `${day} 09:30—10:00`,
      `${day} 10:30—11:00`,
      `${day} 10:30—11:00`,
      `${day} 11:00—11:30`,
      `${day} 11:00—11:30`,
    ]);
    const second = new RecordingNotifier();
    expect(await remindBookings(t.store, second, evening)).toEqual({ date: day, sent: 0, failed: 0 });
    expect(second.sent).toEqual([]);
  });

  it('a reminder the sender could not take is sent on the next run', async () => {
    const tomorrow = addDays(chinaToday(), 1);
    await t.store.models.Booking.create({
      code: 'RMND2345',
      regionCode: TOWNSHIP,
      itemCode: ITEM,
      itemName,
      slotStart: `${tomorrow}T08:30`,
      slotEnd: '09:00',
      name: '王芳',
      phone: '13600001111',
      status: 'booked',
      bookedAt: new Date(),
      cancelledAt: null,
      remindedAt: null,
    });
    const failing = { send: () => Promise.reject(new Error('SMS gateway down')) };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await remindBookings(t.store, failing)).toMatchObject({ sent: 0, failed: 1 });
    error.mockRestore();
    // `oneseal remind-bookings` against this database: sends it now, then nothing.
    const previous = process.env.DB_URL;
    process.env.DB_URL = dbUrlOf(t);
    try {
      const out: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
      expect(await remindCommand([], io)).toBe(0);
      expect(out.join('\n')).toMatch(/booking-reminder → 136\*\*\*\*1111: 【一章通】提醒：您预约了明天/);
      expect(out.at(-1)).toBe(`${tomorrow} 的预约：已发送提醒 1 条`);
      out.length = 0;
      expect(await remindCommand([], io)).toBe(0);
      expect(out).toEqual([`${tomorrow} 的预约：已发送提醒 0 条`]);
    } finally {
      if (previous === undefined) delete process.env.DB_URL;
      else process.env.DB_URL = previous;
    }
  });
});

describe('rate limits', () => {
  it('bookings count against the submission limit of the address (429 past it)', async () => {
    const limited = await createTestApp({
      configure: (config) => ({
        ...config,
        rateLimits: { ...config.rateLimits, submit: { points: 1, seconds: 600 } },
      }),
    });
    try {
      const first = await limited.api.post('/api/public/bookings').send(booking(`${day}T08:30`));
      expect(first.status).toBe(409); // counted, then refused: no settings there
      const second = await limited.api.post('/api/public/bookings').send(booking(`${day}T08:30`));
      expect(second.status).toBe(429);
      expect(second.body.error.message).toMatch(/^提交申请过于频繁/);
    } finally {
      await limited.close();
    }
  });
});
