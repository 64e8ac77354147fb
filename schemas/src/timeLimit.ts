import type { TimeLimit, TimeUnit } from './generated/types';
import { codeLabel } from './codeLists';

// Natural days per unit: a month is 28 to 31 days, a year 365 or 366; five working days in seven.
const DAYS: Record<TimeUnit, readonly [number, number]> = {
  workday: [7 / 5, 7 / 5],
  day: [1, 1],
  month: [28, 31],
  year: [365, 366],
};
const MEAN_DAYS: Record<TimeUnit, number> = { workday: 7 / 5, day: 1, month: 365.25 / 12, year: 365.25 };

/** The span a limit states in working days, as [shortest, longest]; undefined when it states no span. */
export function workdayRange(limit: TimeLimit | undefined): readonly [number, number] | undefined {
  if (limit?.none === 'immediate') return [0, 0];
  if (limit?.value === undefined || limit.unit === undefined) return undefined;
  const [min, max] = DAYS[limit.unit];
  return [(limit.value * min * 5) / 7, (limit.value * max * 5) / 7];
}

/**
 * A limit in working days, so limits in 工作日, 自然日, 月 and 年 compare (a month as its mean length); 0 for
 * 即办; undefined when the limit is unstated, 法律未规定 or only described in words.
 */
export function toWorkdays(limit: TimeLimit | undefined): number | undefined {
  if (limit?.none === 'immediate') return 0;
  if (limit?.value === undefined || limit.unit === undefined) return undefined;
  return (limit.value * MEAN_DAYS[limit.unit] * 5) / 7;
}

/** Is `a` certainly longer than `b`? False whenever either states no span or the units leave it open. */
export function exceedsLimit(a: TimeLimit | undefined, b: TimeLimit | undefined): boolean {
  const ra = workdayRange(a);
  const rb = workdayRange(b);
  return ra !== undefined && rb !== undefined && ra[0] > rb[1] + 1e-9;
}

const span = (value: number, unit: TimeUnit) => `${value}${codeLabel('TimeUnit', unit)}`;

/**
 * A limit as a guide prints it: "20个工作日", "1个月", "即办", "法律未规定", "30个工作日；特殊情况的，可延长至45个工作日",
 * each followed by its note in brackets; a limit that is only a note prints as that note.
 */
export function formatTimeLimit(limit: TimeLimit): string {
  const figure = limit.none
    ? codeLabel('NoLimit', limit.none)!
    : limit.value !== undefined && limit.unit !== undefined
      ? span(limit.value, limit.unit)
      : '';
  const extension = limit.extension
    ? `${limit.extension.condition ? `；${limit.extension.condition.replace(/[，,。；]$/, '')}，` : '，'}${codeLabel('ExtensionMode', limit.extension.mode)}${span(limit.extension.value, limit.extension.unit)}`
    : '';
  const stated = `${figure}${figure ? extension : ''}`;
  if (!limit.note) return stated;
  return stated ? `${stated}（${limit.note}）` : limit.note;
}
