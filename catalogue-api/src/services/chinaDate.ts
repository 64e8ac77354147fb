// Dates on guides, publications and cancellations are dates in China (UTC+8), not in UTC: before 08:00 Beijing
// time the UTC date is still yesterday's.
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China, YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return CHINA_DATE.format(now);
}

/**
 * A stored instant as a Date: SQLite gives a Date through a model and 'YYYY-MM-DD hh:mm:ss.sss +00:00' in a raw
 * row; on MySQL the driver is set to give DATETIME columns as 'YYYY-MM-DD hh:mm:ss' strings, written by
 * Sequelize in UTC.
 */
export function asDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.replace(' ', 'T').replace(/ ([+-]\d\d:\d\d)$/, '$1');
  return new Date(/(Z|[+-]\d\d:\d\d)$/.test(iso) ? iso : `${iso}Z`);
}
