import { readConfig } from '../config';
import { openStore } from '../server';
import { remindBookings } from '../services/bookings';
import { LogNotifier } from '../services/notifier';
import type { Notifier } from '../services/notifier';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

export const REMIND_USAGE = `用法: oneseal remind-bookings
  给明天（北京时间）有预约的人发送提醒（通过通知渠道；未接短信时写入日志）；每个预约只提醒一次，可重复运行（如每天由 cron 运行）`;

/** `oneseal remind-bookings`: tomorrow's reminders, each sent once however often it runs. */
export async function remindCommand(
  args: string[],
  io: CliIO,
  notifier: Notifier = new LogNotifier((line) => io.out(line)),
): Promise<ExitCode> {
  if (args.length > 0) {
    io.err(REMIND_USAGE);
    return EXIT.unusable;
  }
  const store = await openStore({ ...readConfig(), loadSeeds: false });
  try {
    const { date, sent, failed } = await remindBookings(store, notifier);
    io.out(
      `${date} 的预约：已发送提醒 ${sent} 条${failed ? `，${failed} 条发送失败（下次运行时重发）` : ''}`,
    );
    return failed ? EXIT.invalid : EXIT.ok;
  } finally {
    await store.sequelize.close();
  }
}
