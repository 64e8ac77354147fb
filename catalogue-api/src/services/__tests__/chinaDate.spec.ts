import { asDate, chinaToday } from '../chinaDate';

describe('chinaToday', () => {
  it('is the date in Beijing, a day ahead of UTC before 08:00 Beijing time', () => {
    expect(chinaToday(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('asDate', () => {
  it('reads each database’s text of one instant as that instant', () => {
    const instant = '2026-12-03T15:36:08.514Z';
    expect(asDate('2026-12-03 15:36:08.514 +00:00').toISOString()).toBe(instant); // SQLite, raw row
    expect(asDate('2026-12-03 15:36:08.514').toISOString()).toBe(instant); // MySQL DATETIME(3), UTC
    expect(asDate('2026-12-03 23:36:08.514 +08:00').toISOString()).toBe(instant);
    expect(asDate(new Date(instant)).toISOString()).toBe(instant);
  });
});
