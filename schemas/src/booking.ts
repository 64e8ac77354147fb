import type { BookingSettings, WindowHours } from './generated/types';
import type { IsoDate } from './calendar';
import { addDays, holidayStatus } from './calendar';

/**
 * 预约办理: which slots a township's settings open on a day. Pure, so the API, the portal and the tests read the
 * same rules. Times are Beijing wall-clock times ("2026-12-07T08:30"), never instants: a slot is a place in the
 * hall's day, and the calendar's days are China's.
 */

export type WeekdayKey = keyof BookingSettings['weekdays'];
/** In the order of Date.getUTCDay(): Sunday first. */
const WEEKDAYS: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const WEEKDAY_LABELS: Readonly<Record<WeekdayKey, string>> = {
  mon: '星期一',
  tue: '星期二',
  wed: '星期三',
  thu: '星期四',
  fri: '星期五',
  sat: '星期六',
  sun: '星期日',
};

/** The longest range of days one request for slots may cover. */
export const MAX_SLOT_RANGE_DAYS = 31;

export interface DaySlot {
  /** "2026-12-07T08:30" */
  start: string;
  /** "09:00" */
  end: string;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

export const weekdayOf = (date: IsoDate): WeekdayKey => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/**
 * The hall's hours on `date`: none on a public holiday or a day the township closed; on an adjusted working day
 * (调休, a weekend day worked) those of `adjustedWorkday`, or Monday's when it is not given — the State Council's
 * notices name no weekday for those days; otherwise the weekday's own.
 */
export function hoursOn(settings: BookingSettings, date: IsoDate): WindowHours {
  if (settings.closedDays?.includes(date)) return [];
  const status = holidayStatus(date);
  if (status === 'off') return [];
  if (status === 'work') return settings.adjustedWorkday ?? settings.weekdays.mon ?? [];
  return settings.weekdays[weekdayOf(date)] ?? [];
}

/** The slots of `date`: each period cut into `slotMinutes` from its start; a remainder too short is no slot. */
export function slotsOn(settings: BookingSettings, date: IsoDate): DaySlot[] {
  const slots: DaySlot[] = [];
  for (const period of hoursOn(settings, date))
    for (
      let at = minutes(period.from);
      at + settings.slotMinutes <= minutes(period.to);
      at += settings.slotMinutes
    )
      slots.push({ start: `${date}T${clock(at)}`, end: clock(at + settings.slotMinutes) });
  return slots;
}

/** The days from `from` to `to` (inclusive) that have slots, each with them. */
export function slotDays(
  settings: BookingSettings,
  from: IsoDate,
  to: IsoDate,
): { date: IsoDate; slots: DaySlot[] }[] {
  const days: { date: IsoDate; slots: DaySlot[] }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const slots = slotsOn(settings, date);
    if (slots.length > 0) days.push({ date, slots });
  }
  return days;
}

/** The slot that starts at `start`, when the settings open one then. */
export function slotAt(settings: BookingSettings, start: string): DaySlot | undefined {
  return slotsOn(settings, start.slice(0, 10)).find((s) => s.start === start);
}

/**
 * What the schema cannot say about settings: each period ends after it starts and holds at least one slot,
 * and a day's periods come in order without overlapping. Paths are JSON pointers into the settings.
 */
export function checkBookingSettings(settings: BookingSettings): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const days: [string, WindowHours | undefined][] = [
    ...WEEKDAYS.map((d): [string, WindowHours | undefined] => [`/weekdays/${d}`, settings.weekdays[d]]),
    ['/adjustedWorkday', settings.adjustedWorkday],
  ];
  for (const [path, hours] of days) {
    let previousEnd = -1;
    hours?.forEach((period, i) => {
      const from = minutes(period.from);
      const to = minutes(period.to);
      if (to <= from)
        issues.push({ path: `${path}/${i}/to`, message: `结束时间须晚于开始时间 ${period.from}` });
      else if (to - from < settings.slotMinutes)
        issues.push({
          path: `${path}/${i}/to`,
          message: `时段 ${period.from}—${period.to} 短于一个预约时段（${settings.slotMinutes} 分钟）`,
        });
      if (from < previousEnd)
        issues.push({
          path: `${path}/${i}/from`,
          message: '不能早于前一时段的结束时间（时段按先后排列，不能重叠）',
        });
      previousEnd = Math.max(previousEnd, to);
    });
  }
  return issues;
}
