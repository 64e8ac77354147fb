/**
 * China's public holidays and adjusted working days (放假调休), as the State Council's General Office publishes
 * them each year (usually in November for the next year). Data, not rules: a year is known only once its notice
 * is out, and a year missing here counts weekends only (`calendarYear` says so).
 *
 * Each holiday is a run of days off (`off`: first and last day, inclusive) and the weekend days worked instead
 * (`work`). Add a year by copying its notice exactly; the tests check the data against the notices' totals.
 */
export interface HolidayRun {
  name: string;
  off: readonly [string, string];
  work: readonly string[];
}

export interface HolidayYear {
  /** The notice this year is copied from. */
  source: string;
  runs: readonly HolidayRun[];
}

export const HOLIDAY_YEARS: Readonly<Record<number, HolidayYear>> = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    runs: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
    ],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    runs: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
    ],
  },
};
