import { chinaToday } from '../chinaDate';

describe('chinaToday', () => {
  it('is the date in Beijing, a day ahead of UTC before 08:00 Beijing time', () => {
    expect(chinaToday(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
