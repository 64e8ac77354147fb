import { calendarYear, deadline, HOLIDAY_YEARS, isWorkingDay, workingDaysBetween } from '..';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const daysIn = ([first, last]: readonly [string, string]) =>
  (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000 + 1;

describe('the holiday data matches the State Council notices', () => {
  // "共N天" and the adjusted working days as each notice states them, typed from the notices, not from the data.
  const notices: Record<string, { total: number; worked: number }> = {
    '2025 元旦': { total: 1, worked: 0 },
    '2025 春节': { total: 8, worked: 2 },
    '2025 清明节': { total: 3, worked: 0 },
    '2025 劳动节': { total: 5, worked: 1 },
    '2025 端午节': { total: 3, worked: 0 },
    '2025 国庆节、中秋节': { total: 8, worked: 2 },
    '2026 元旦': { total: 3, worked: 1 },
    '2026 春节': { total: 9, worked: 2 },
    '2026 清明节': { total: 3, worked: 0 },
    '2026 劳动节': { total: 5, worked: 1 },
    '2026 端午节': { total: 3, worked: 0 },
    '2026 中秋节': { total: 3, worked: 0 },
    '2026 国庆节': { total: 7, worked: 2 },
  };

  it('has every holiday of 2025 and 2026 with its length and the weekend days worked', () => {
    const data = Object.fromEntries(
      Object.entries(HOLIDAY_YEARS).flatMap(([year, y]) =>
        y.runs.map((r) => [`${year} ${r.name}`, { total: daysIn(r.off), worked: r.work.length }]),
      ),
    );
    expect(data).toEqual(notices);
  });

  it('only moves weekend days to work, and no day is both off and worked', () => {
    for (const year of Object.values(HOLIDAY_YEARS))
      for (const run of year.runs)
        for (const day of run.work) {
          expect([0, 6]).toContain(weekday(day));
          expect(isWorkingDay(day)).toBe(true);
        }
  });
});

describe('working days', () => {
  it('skips holidays and counts adjusted weekend days', () => {
    expect(isWorkingDay('2026-10-08')).toBe(true); // Thursday after 国庆
    expect(isWorkingDay('2026-10-05')).toBe(false); // Monday inside 国庆
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday worked
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday worked after 春节
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });
});

describe('deadline', () => {
  it('counts 5 working days across 国庆 2026 from the day after acceptance', () => {
    // 30 Sep accepted; 1–7 Oct off; 8 (Thu), 9 (Fri), 10 (Sat, worked), 12 (Mon), 13 (Tue).
    expect(deadline('2026-09-30', 5, 'workday')).toEqual({ date: '2026-10-13', unpublishedYears: [] });
  });

  it('counts 3 working days across 春节 2026, the Saturday before it included', () => {
    // 13 Feb (Fri) accepted; 14 Feb (Sat, worked); 15–23 Feb off; 24, 25 Feb.
    expect(deadline('2026-02-13', 3, 'workday').date).toBe('2026-02-25');
  });

  it('moves a calendar-day deadline that falls in a holiday to the next working day', () => {
    expect(deadline('2026-09-25', 7, 'day').date).toBe('2026-10-08');
    expect(deadline('2026-01-31', 1, 'month').date).toBe('2026-02-28'); // no 31 Feb; 28 Feb is worked
    expect(deadline('2025-12-31', 1, 'year').date).toBe('2026-12-31');
  });

  it('is the day itself for 即办', () => {
    expect(deadline('2026-10-03', 0, 'workday').date).toBe('2026-10-03');
  });

  it('counts weekends only in a year not yet published, and says so', () => {
    expect(calendarYear(2027)).toEqual({ published: false });
    // 2027-01-01 is a Friday: with no published holidays it is a working day.
    expect(deadline('2026-12-30', 2, 'workday')).toEqual({ date: '2027-01-01', unpublishedYears: [2027] });
  });
});
