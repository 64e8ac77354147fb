import { randomBytes } from 'node:crypto';
import type {
  Booking,
  BookingSettings,
  BookingSettingsView,
  BookingSlots,
  DayBookings,
  StaffBooking,
} from '@oneseal/schemas';
import { addDays, checkBookingSettings, MAX_SLOT_RANGE_DAYS, slotAt, slotDays } from '@oneseal/schemas';
import { bookingCodeFromBytes, formatBookingCode } from '@oneseal/runtime';
import { Op, QueryTypes, UniqueConstraintError } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { BookingRow, Row } from '../db/models';
import { badRequest, conflict, invalid, notFound } from '../http/errors';
import { audit } from './audit';
import { asDate, chinaToday } from './chinaDate';
import type { Notice, Notifier } from './notifier';
import { maskedPhone } from './notifier';
import { requireRegion } from './publicCatalogue';
import type { Store } from './store';
import { inTransaction } from './store';

/**
 * 预约办理. A township's settings say when its window is open (slots come from the model's slotsOn, with the
 * holiday calendar); each booked slot has a counter row, and a booking takes a seat with one conditional UPDATE
 * (`taken < capacity`) inside the transaction that stores it, so however many people book the last seat at once,
 * the database lets exactly one through.
 */

/** How far ahead a slot may be booked: the portal shows this many days. */
export const BOOKING_HORIZON_DAYS = MAX_SLOT_RANGE_DAYS;

const STATUS_LABELS: Record<BookingRow['status'], string> = { booked: '已预约', cancelled: '已取消' };

const NOT_OFFERED = '本乡镇尚未开放网上预约，请到便民服务中心窗口办理或电话咨询';

// Beijing wall-clock time as the slots are written ("2026-12-07T08:30"), whatever the server's zone.
const CHINA_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
export const chinaNow = (now: Date): string => `${chinaToday(now)}T${CHINA_CLOCK.format(now)}`;

async function requireTownship(store: Store, code: string) {
  const region = await requireRegion(store, code);
  if (region.level !== 'township')
    throw badRequest({ zh: `${region.name} 不是乡镇（街道）`, en: `${region.name} is not a township` }, [
      { path: '/region', message: '应为 9 位乡镇（街道）代码' },
    ]);
  return region;
}

async function storedSettings(store: Store, regionCode: string) {
  return store.models.BookingSettings.findByPk(regionCode);
}

export async function bookingSettings(store: Store, regionCode: string): Promise<BookingSettingsView> {
  await requireTownship(store, regionCode);
  const row = await storedSettings(store, regionCode);
  if (!row) return { region: regionCode, settings: null };
  return {
    region: regionCode,
    settings: row.settings as BookingSettings,
    updatedAt: asDate(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Township staff set the window's hours, slot length and capacity; checked beyond the schema, audited. */
export async function saveBookingSettings(
  store: Store,
  actor: Principal,
  regionCode: string,
  settings: BookingSettings,
): Promise<BookingSettingsView> {
  await requireTownship(store, regionCode);
  const issues = checkBookingSettings(settings);
  if (issues.length > 0)
    throw invalid({ zh: '预约设置有误', en: 'The booking settings are invalid' }, issues);
  return inTransaction(store, async (t) => {
    const row = await store.models.BookingSettings.findByPk(regionCode, {
      transaction: t,
      lock: t.LOCK.UPDATE,
    });
    const now = new Date();
    const values = { regionCode, settings, updatedAt: now, updatedBy: actor.username };
    if (row) await row.update(values, { transaction: t });
    else await store.models.BookingSettings.create(values, { transaction: t });
    await audit(store, t, actor, {
      action: 'booking-settings',
      entityType: 'booking-settings',
      entityKey: regionCode,
      regionCode,
      before: row ? row.settings : null,
      after: settings,
    });
    return { region: regionCode, settings, updatedAt: now.toISOString(), updatedBy: actor.username };
  });
}

async function publishedItemName(store: Store, regionCode: string, itemCode: string): Promise<string> {
  const row = await store.models.PublishedItem.findOne({
    where: { regionCode, itemCode },
    attributes: ['name'],
  });
  if (!row) throw notFound({ zh: `本乡镇没有已发布的事项 ${itemCode}`, en: `No published item ${itemCode}` });
  return row.name;
}

/** Seats taken per slot start, for the slots of `from`…`to`. */
async function takenSeats(store: Store, regionCode: string, from: string, to: string) {
  const rows = await store.models.BookingSlot.findAll({
    where: { regionCode, slotStart: { [Op.between]: [`${from}T00:00`, `${to}T23:59`] } },
  });
  return new Map(rows.map((r) => [r.slotStart, r.taken]));
}

/**
 * The days from `from` to `to` with their slots and the seats left; slots already begun are left out. A
 * township without settings offers none, and says so.
 */
export async function bookableSlots(
  store: Store,
  regionCode: string,
  range: { from?: string; to?: string; item?: string },
  now = new Date(),
): Promise<BookingSlots> {
  const region = await requireTownship(store, regionCode);
  const today = chinaToday(now);
  const from = range.from ?? today;
  const to = range.to ?? addDays(from, 13);
  if (to < from)
    throw badRequest({ zh: '结束日期不能早于开始日期', en: 'to is before from' }, [
      { path: '/to', message: `不能早于 ${from}` },
    ]);
  if (to > addDays(from, MAX_SLOT_RANGE_DAYS - 1))
    throw badRequest(
      { zh: `一次最多查询 ${MAX_SLOT_RANGE_DAYS} 天`, en: `At most ${MAX_SLOT_RANGE_DAYS} days` },
      [{ path: '/to', message: `不能晚于 ${addDays(from, MAX_SLOT_RANGE_DAYS - 1)}` }],
    );
  const item = range.item
    ? { code: range.item, name: await publishedItemName(store, regionCode, range.item) }
    : undefined;
  const head = { region: regionCode, regionName: region.name, ...(item ? { item } : {}) };
  const row = await storedSettings(store, regionCode);
  if (!row) return { ...head, offered: false, message: NOT_OFFERED, days: [] };
  const settings = row.settings as BookingSettings;
  // Nothing before now, nothing beyond the horizon.
  const first = from < today ? today : from;
  const last = [to, addDays(today, BOOKING_HORIZON_DAYS)].sort()[0]!;
  const taken = first <= last ? await takenSeats(store, regionCode, first, last) : new Map<string, number>();
  const current = chinaNow(now);
  const days = (first <= last ? slotDays(settings, first, last) : [])
    .map((day) => ({
      date: day.date,
      slots: day.slots
        .filter((s) => s.start > current)
        .map((s) => ({ ...s, remaining: Math.max(0, settings.capacity - (taken.get(s.start) ?? 0)) })),
    }))
    .filter((day) => day.slots.length > 0);
  return { ...head, offered: true, days };
}

export interface BookingInput {
  region: string;
  item: string;
  start: string;
  name: string;
  phone: string;
}

// Makes the slot's counter row if it has none. On MySQL the duplicate-key path takes the row's exclusive lock
// (not a shared one, as a plain INSERT IGNORE would), so concurrent bookers queue on it instead of deadlocking
// on the UPDATE that follows; SQLite's writers take turns anyway (store.ts).
const ENSURE_SLOT = {
  mysql: `INSERT INTO booking_slots (region_code, slot_start, taken) VALUES (?, ?, 0)
          ON DUPLICATE KEY UPDATE taken = taken`,
  sqlite: `INSERT INTO booking_slots (region_code, slot_start, taken) VALUES (?, ?, 0)
           ON CONFLICT (region_code, slot_start) DO NOTHING`,
};
const TAKE_SEAT = `UPDATE booking_slots SET taken = taken + 1
                   WHERE region_code = ? AND slot_start = ? AND taken < ?`;
const FREE_SEAT = `UPDATE booking_slots SET taken = taken - 1
                   WHERE region_code = ? AND slot_start = ? AND taken > 0`;

const whenText = (start: string, end: string) => `${start.slice(0, 10)} ${start.slice(11)}—${end}`;

function bookingView(row: Row<BookingRow>, regionName: string): Booking {
  return {
    code: row.code,
    region: row.regionCode,
    regionName,
    item: { code: row.itemCode, name: row.itemName },
    start: row.slotStart,
    end: row.slotEnd,
    name: row.name,
    phone: maskedPhone(row.phone),
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    bookedAt: asDate(row.bookedAt).toISOString(),
    ...(row.cancelledAt ? { cancelledAt: asDate(row.cancelledAt).toISOString() } : {}),
  };
}

/** Sends a notice; a sender that fails is logged, never the caller's failure (the booking stands). */
async function tell(notifier: Notifier, notice: Notice): Promise<boolean> {
  try {
    await notifier.send(notice);
    return true;
  } catch (error) {
    console.error(`notice ${notice.template} to ${maskedPhone(notice.to)} not sent:`, error);
    return false;
  }
}

/** Books a seat of a slot for an item; 409 when the slot is full, 422 when it is no slot or past. */
export async function book(
  store: Store,
  notifier: Notifier,
  input: BookingInput,
  now = new Date(),
): Promise<Booking> {
  const region = await requireTownship(store, input.region);
  const row = await storedSettings(store, input.region);
  if (!row) throw conflict('booking-not-offered', { zh: NOT_OFFERED, en: 'This township takes no bookings' });
  const settings = row.settings as BookingSettings;
  const itemName = await publishedItemName(store, input.region, input.item);
  const slot = slotAt(settings, input.start);
  if (!slot)
    throw invalid({ zh: '所选时刻不是可预约的时段', en: 'No slot starts then' }, [
      { path: '/start', message: '不是本乡镇窗口的预约时段（可能是节假日或非办公时间）' },
    ]);
  if (slot.start <= chinaNow(now))
    throw invalid({ zh: '该时段已过，请选择其他时段', en: 'This slot has begun' }, [
      { path: '/start', message: '该时段已过' },
    ]);
  if (slot.start.slice(0, 10) > addDays(chinaToday(now), BOOKING_HORIZON_DAYS))
    throw invalid({ zh: `只能预约 ${BOOKING_HORIZON_DAYS} 天以内的时段`, en: 'Too far ahead' }, [
      { path: '/start', message: `不能晚于 ${addDays(chinaToday(now), BOOKING_HORIZON_DAYS)}` },
    ]);

  const takeSeat = () =>
    inTransaction(store, async (t) => {
      const key = [input.region, slot.start];
      await store.sequelize.query(ENSURE_SLOT[store.dialect], { replacements: key, transaction: t });
      const took = await store.sequelize.query(TAKE_SEAT, {
        replacements: [...key, settings.capacity],
        transaction: t,
        type: QueryTypes.BULKUPDATE,
      });
      if (took !== 1)
        throw conflict('slot-full', {
          zh: `${whenText(slot.start, slot.end)} 已约满，请选择其他时段`,
          en: 'This slot is fully booked',
        });
      return store.models.Booking.create(
        {
          code: bookingCodeFromBytes(randomBytes(8)),
          regionCode: input.region,
          itemCode: input.item,
          itemName,
          slotStart: slot.start,
          slotEnd: slot.end,
          name: input.name.trim(),
          phone: input.phone,
          status: 'booked',
          bookedAt: now,
          cancelledAt: null,
          remindedAt: null,
        },
        { transaction: t },
      );
    });
  // Two equal codes among 2^40 are unlikely but not impossible: the primary key refuses the second, which
  // then books again with a new code (its seat was rolled back with it).
  let booked: Row<BookingRow> | undefined;
  for (let attempt = 1; !booked; attempt++) {
    try {
      booked = await takeSeat();
    } catch (error) {
      if (!(error instanceof UniqueConstraintError) || attempt === 3) throw error;
    }
  }
  await tell(notifier, {
    to: booked.phone,
    template: 'booking-confirmed',
    data: {
      code: formatBookingCode(booked.code),
      regionName: region.name,
      itemName,
      when: whenText(slot.start, slot.end),
    },
  });
  return bookingView(booked, region.name);
}

/** The booking whose code and phone both match; the same 404 for a wrong phone as for no such code. */
async function applicantsBooking(store: Store, code: string, phone: string, lock?: object) {
  const row = await store.models.Booking.findByPk(code.toUpperCase(), lock);
  if (!row || row.phone !== phone)
    throw notFound({
      zh: '没有找到该预约，请核对预约码和手机号码',
      en: 'No booking with this code and phone',
    });
  return row;
}

export async function findBooking(store: Store, code: string, phone: string): Promise<Booking> {
  const row = await applicantsBooking(store, code, phone);
  return bookingView(row, (await requireRegion(store, row.regionCode)).name);
}

/** The applicant cancels before the slot begins; the seat is free again at once. */
export async function cancelBooking(
  store: Store,
  code: string,
  phone: string,
  now = new Date(),
): Promise<Booking> {
  const row = await inTransaction(store, async (t) => {
    const row = await applicantsBooking(store, code, phone, { transaction: t, lock: t.LOCK.UPDATE });
    if (row.status === 'cancelled')
      throw conflict('booking-cancelled', { zh: '该预约已经取消', en: 'This booking is already cancelled' });
    if (row.slotStart <= chinaNow(now))
      throw conflict('booking-past', { zh: '预约时段已到或已过，不能再取消', en: 'The slot has begun' });
    await store.sequelize.query(FREE_SEAT, { replacements: [row.regionCode, row.slotStart], transaction: t });
    await row.update({ status: 'cancelled', cancelledAt: now }, { transaction: t });
    return row;
  });
  return bookingView(row, (await requireRegion(store, row.regionCode)).name);
}

/** A township's bookings of one day, in slot order (cancelled ones too, marked). */
export async function dayBookings(store: Store, regionCode: string, date: string): Promise<DayBookings> {
  await requireTownship(store, regionCode);
  const rows = await store.models.Booking.findAll({
    where: { regionCode, slotStart: { [Op.between]: [`${date}T00:00`, `${date}T23:59`] } },
    order: [
      ['slotStart', 'ASC'],
      ['bookedAt', 'ASC'],
    ],
  });
  return {
    region: regionCode,
    date,
    bookings: rows.map((r): StaffBooking => ({
      code: r.code,
      item: { code: r.itemCode, name: r.itemName },
      start: r.slotStart,
      end: r.slotEnd,
      name: r.name,
      phone: r.phone,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      bookedAt: asDate(r.bookedAt).toISOString(),
    })),
  };
}

/**
 * Reminds everyone booked for tomorrow (China date) once: each booking is claimed by setting `reminded_at`
 * where it is still empty before its message goes out, so running it again — or on two servers at once — sends
 * nothing twice. A message the sender could not take is released for the next run.
 */
export async function remindBookings(
  store: Store,
  notifier: Notifier,
  now = new Date(),
): Promise<{ date: string; sent: number; failed: number }> {
  const date = addDays(chinaToday(now), 1);
  const due = await store.models.Booking.findAll({
    where: {
      status: 'booked',
      remindedAt: null,
      slotStart: { [Op.between]: [`${date}T00:00`, `${date}T23:59`] },
    },
    order: [['slotStart', 'ASC']],
  });
  const names = new Map<string, string>();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const [claimed] = await store.models.Booking.update(
      { remindedAt: now },
      { where: { code: row.code, remindedAt: null, status: 'booked' } },
    );
    if (claimed !== 1) continue;
    if (!names.has(row.regionCode))
      names.set(row.regionCode, (await requireRegion(store, row.regionCode)).name);
    const ok = await tell(notifier, {
      to: row.phone,
      template: 'booking-reminder',
      data: {
        code: formatBookingCode(row.code),
        regionName: names.get(row.regionCode)!,
        itemName: row.itemName,
        when: whenText(row.slotStart, row.slotEnd),
      },
    });
    if (ok) sent++;
    else {
      failed++;
      await store.models.Booking.update({ remindedAt: null }, { where: { code: row.code } });
    }
  }
  return { date, sent, failed };
}
