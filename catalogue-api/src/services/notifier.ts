/**
 * How OneSeal tells people things (booking confirmations and reminders today). One small interface, so SMS in
 * production is a provider behind it; the sender built here writes each message to the log, which is what a
 * pilot without an SMS contract runs on and what tests replace with a recording one.
 */

/** What a template needs, as texts (a booking's code, township, item, time). */
export type NoticeData = Readonly<Record<string, string>>;

export const NOTICE_TEMPLATES = {
  'booking-confirmed': (d: NoticeData) =>
    `【一章通】您已预约${d.regionName}便民服务中心办理“${d.itemName}”，时间 ${d.when}，预约码 ${d.code}。如需取消，请凭预约码和本手机号码操作。`,
  'booking-reminder': (d: NoticeData) =>
    `【一章通】提醒：您预约了明天 ${d.when} 到${d.regionName}便民服务中心办理“${d.itemName}”，预约码 ${d.code}。`,
} as const;

export type NoticeTemplate = keyof typeof NOTICE_TEMPLATES;

export interface Notice {
  /** A mobile number. */
  to: string;
  template: NoticeTemplate;
  data: NoticeData;
}

export interface Notifier {
  send(notice: Notice): Promise<void>;
}

/** The text a template makes of its data: what an SMS provider would send. */
export const noticeText = (notice: Notice): string => NOTICE_TEMPLATES[notice.template](notice.data);

/** 138****0000: the log keeps who was told without keeping the whole number. */
export const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** The default sender: one log line per message, the phone number masked. */
export class LogNotifier implements Notifier {
  constructor(private readonly write: (line: string) => void = (line) => console.info(line)) {}

  async send(notice: Notice): Promise<void> {
    this.write(`[notice] ${notice.template} → ${maskedPhone(notice.to)}: ${noticeText(notice)}`);
  }
}
