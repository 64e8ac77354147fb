import type { BookingSettings } from '@oneseal/schemas';
import { addDays, holidayStatus, weekdayOf } from '@oneseal/schemas';
import { chinaToday } from '../services/chinaDate';
import type { Notice, Notifier } from '../services/notifier';

// Test settings, not any township's real hours (the seeds have none: a township sets its own).
const weekday = [
  { from: '08:30', to: '12:00' },
  { from: '14:30', to: '17:30' },
];
export const TEST_HOURS: BookingSettings = {
  weekdays: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  slotMinutes: 30,
  capacity: 2,
};

/** The `n`th Monday-to-Friday working day after today (China date), where TEST_HOURS open the window. */
export function openDay(n = 1): string {
  let date = chinaToday();
  for (let found = 0; found < n;) {
    date = addDays(date, 1);
    if (holidayStatus(date) !== 'off' && !['sat', 'sun'].includes(weekdayOf(date))) found++;
  }
  return date;
}

/** A notifier that keeps what it was asked to send. */
export class RecordingNotifier implements Notifier {
  readonly sent: Notice[] = [];
  async send(notice: Notice): Promise<void> {
    this.sent.push(notice);
  }
}
