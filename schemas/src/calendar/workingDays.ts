import type { HolidayYear } from './holidays';
import { HOLIDAY_YEARS } from './holidays';

/**
 * Working days in China: Monday to Friday, less the public holidays, plus the weekend days worked instead, by the
 * published calendar of each year (holidays.ts). Dates are calendar dates ("2026-10-08"), never times: a deadline
 * is a day in Beijing time whatever the server's zone.
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;
const toDay = (date: IsoDate): number => {
  const day = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day)) throw new RangeError(`not a date: ${date}`);
  return day / DAY_MS;
};
const fromDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface YearDays {
  off: Set<IsoDate>;
  work: Set<IsoDate>;
}

const expanded = new Map<number, YearDays>();

function yearDays(year: number, data: HolidayYear): YearDays {
  let days = expanded.get(year);
  if (!days) {
    days = { off: new Set(), work: new Set() };
    for (const run of data.runs) {
      for (let d = toDay(run.off[0]); d <= toDay(run.off[1]); d++) days.off.add(fromDay(d));
      for (const w of run.work) days.work.add(w);
    }
    expanded.set(year, days);
  }
  return days;
}

/** Whether a year's holidays are published here, or its working days are only Monday to Friday. */
export function calendarYear(year: number): { published: boolean; source?: string } {
  const data = HOLIDAY_YEARS[year];
  return data ? { published: true, source: data.source } : { published: false };
}

/** Whether the published calendar makes `date` a public holiday ('off') or a weekend day worked instead ('work'). */
export function holidayStatus(date: IsoDate): 'off' | 'work' | undefined {
  const year = Number(date.slice(0, 4));
  const data = HOLIDAY_YEARS[year];
  if (!data) return undefined;
  const days = yearDays(year, data);
  return days.off.has(date) ? 'off' : days.work.has(date) ? 'work' : undefined;
}

export function isWorkingDay(date: IsoDate): boolean {
  const status = holidayStatus(date);
  if (status) return status === 'work';
  const weekday = new Date(toDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let d = toDay(from) + 1; d <= toDay(to); d++) if (isWorkingDay(fromDay(d))) count++;
  return count;
}

export type DeadlineUnit = 'workday' | 'day' | 'month' | 'year';

export interface Deadline {
  /** The last day on which the office may act. */
  date: IsoDate;
  /** Years the count ran through whose holidays are not published here: they counted weekends only. */
  unpublishedYears: number[];
}

/** The same day `months` months later, or that month's last day when it has no such day (民法典第二百零二条). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The deadline of a time limit counted from `start` (the day of acceptance). The start day itself does not count
 * (民法典第二百零一条). In working days (行政许可法第八十二条: 以工作日计算，不含法定节假日) the deadline is the
 * `amount`-th working day after `start`; in calendar days, months or years it is that day, moved to the next
 * working day when it falls on a day off (民法典第二百零三条). An amount of 0 (即办) is the start day itself.
 */
export function deadline(start: IsoDate, amount: number, unit: DeadlineUnit): Deadline {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`not a time limit: ${amount}`);
  let date: IsoDate;
  if (amount === 0) date = start;
  else if (unit === 'workday') {
    // Half days (0.5 个工作日) end on the working day they fall in.
    let left = Math.ceil(amount);
    date = start;
    while (left > 0) {
      date = addDays(date, 1);
      if (isWorkingDay(date)) left--;
    }
  } else {
    const end =
      unit === 'day'
        ? addDays(start, Math.ceil(amount))
        : addMonths(start, Math.ceil(unit === 'month' ? amount : amount * 12));
    date = nextWorkingDay(end);
  }
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(date.slice(0, 4)); y++)
    if (!calendarYear(y).published) years.push(y);
  return { date, unpublishedYears: years };
}
