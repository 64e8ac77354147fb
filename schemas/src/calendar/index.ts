export { HOLIDAY_YEARS } from './holidays';
export type { HolidayRun, HolidayYear } from './holidays';
export {
  addDays,
  calendarYear,
  deadline,
  holidayStatus,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from './workingDays';
export type { Deadline, DeadlineUnit, IsoDate } from './workingDays';
