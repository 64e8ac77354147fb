import type { BookingSettings } from '..';
import { checkBookingSettings, createAjv, hoursOn, SCHEMA_REFS, slotAt, slotDays, slotsOn } from '..';

// A hall open Monday to Friday 08:30–12:00 and 14:30–17:30, half-hour slots of two people: test settings, not
// any township's real hours.
const weekday = [
  { from: '08:30', to: '12:00' },
  { from: '14:30', to: '17:30' },
];
const settings: BookingSettings = {
  weekdays: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  slotMinutes: 30,
  capacity: 2,
};

describe('the slots of a day', () => {
  it('cuts each period into slots from its start; 08:30–12:00 and 14:30–17:30 give 7 + 6 half hours', () => {
    const slots = slotsOn(settings, '2026-12-07'); // a Monday
    expect(slots).toHaveLength(13);
    expect(slots[0]).toEqual({ start: '2026-12-07T08:30', end: '09:00' });
    expect(slots[6]).toEqual({ start: '2026-12-07T11:30', end: '12:00' });
    expect(slots[7]).toEqual({ start: '2026-12-07T14:30', end: '15:00' });
    expect(slots[12]).toEqual({ start: '2026-12-07T17:00', end: '17:30' });
  });

  it('leaves out a remainder shorter than a slot (08:30–12:00 in 45-minute slots ends at 11:30)', () => {
    const slots = slotsOn({ ...settings, slotMinutes: 45 }, '2026-12-07');
    expect(slots.filter((s) => s.start < '2026-12-07T12:00').map((s) => s.end)).toEqual([
      '09:15',
      '10:00',
      '10:45',
      '11:30',
    ]);
  });

  it('opens no slot on a weekend day the settings leave out', () => {
    expect(slotsOn(settings, '2026-12-05')).toEqual([]); // Saturday
    expect(slotsOn(settings, '2026-12-06')).toEqual([]); // Sunday
  });

  it('closes on a public holiday that falls on a weekday (国庆节 2026-10-01, a Thursday)', () => {
    expect(hoursOn(settings, '2026-10-01')).toEqual([]);
    expect(hoursOn(settings, '2026-10-08')).toEqual(weekday); // the Thursday after 国庆节 (10-01…10-07)
  });

  it('opens on an adjusted working day (调休 Saturday 2026-10-10) with Monday’s hours, or adjustedWorkday’s', () => {
    expect(hoursOn(settings, '2026-10-10')).toEqual(weekday);
    const morningOnly = [{ from: '09:00', to: '11:00' }];
    expect(hoursOn({ ...settings, adjustedWorkday: morningOnly }, '2026-10-10')).toEqual(morningOnly);
  });

  it('closes on a day the township closed itself', () => {
    expect(slotsOn({ ...settings, closedDays: ['2026-12-07'] }, '2026-12-07')).toEqual([]);
  });

  it('lists only the days with slots across a range with a holiday and a 调休 day', () => {
    const days = slotDays(settings, '2026-09-28', '2026-10-11').map((d) => d.date);
    // 9-28…9-30 Mon–Wed open; 10-01…10-07 国庆节 closed; 10-08 Thu, 10-09 Fri open; 10-10 Sat 调休 open; 10-11 Sun.
    expect(days).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
  });

  it('finds a slot by its start, and nothing between slots or on a closed day', () => {
    expect(slotAt(settings, '2026-12-07T14:30')).toEqual({ start: '2026-12-07T14:30', end: '15:00' });
    expect(slotAt(settings, '2026-12-07T14:45')).toBeUndefined();
    expect(slotAt(settings, '2026-12-07T12:00')).toBeUndefined();
    expect(slotAt(settings, '2026-10-01T08:30')).toBeUndefined();
  });
});

describe('checking settings', () => {
  const validate = createAjv().getSchema(SCHEMA_REFS.BookingSettings)!;

  it('accepts the test settings', () => {
    expect(validate(settings)).toBe(true);
    expect(checkBookingSettings(settings)).toEqual([]);
  });

  it('refuses by schema a time that is not a clock time and a capacity of 0', () => {
    expect(validate({ ...settings, weekdays: { mon: [{ from: '8:30', to: '12:00' }] } })).toBe(false);
    expect(validate({ ...settings, capacity: 0 })).toBe(false);
  });

  it('names the period that ends before it starts, is shorter than a slot, or overlaps the one before', () => {
    expect(
      checkBookingSettings({
        ...settings,
        weekdays: {
          mon: [{ from: '12:00', to: '08:30' }],
          tue: [{ from: '08:30', to: '08:50' }],
          wed: [
            { from: '08:30', to: '12:00' },
            { from: '11:00', to: '17:00' },
          ],
        },
      }),
    ).toEqual([
      { path: '/weekdays/mon/0/to', message: '结束时间须晚于开始时间 12:00' },
      { path: '/weekdays/tue/0/to', message: '时段 08:30—08:50 短于一个预约时段（30 分钟）' },
      { path: '/weekdays/wed/1/from', message: '不能早于前一时段的结束时间（时段按先后排列，不能重叠）' },
    ]);
  });
});
