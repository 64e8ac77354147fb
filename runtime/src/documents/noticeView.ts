import type { Item } from '@oneseal/schemas';
import { formatTimeLimit } from '@oneseal/schemas';
import type { MaterialRow } from './guideView';
import { materialRows } from './guideView';
import { limitText } from './text';

export interface NoticeOptions {
  /** Codes of the materials the applicant still has to supply (补正). */
  missing?: string[];
  /** The date by which they must be supplied (YYYY-MM-DD); without it the notice says “5 个工作日内”. */
  deadline?: string;
  /** The reason the application is not accepted (不予受理). */
  refusal?: { reason: string };
}

export interface NoticeView {
  title: string;
  body: string;
  basis: string[];
  conditions: string[];
  materials: MaterialRow[];
  process: string;
  fees: string;
  promisedLimit: string;
  statutoryLimit: string;
  consultPhone: string;
  complaintPhone: string;
  missing?: { materials: MaterialRow[]; deadline: string };
  refusal?: { reason: string; rights: string[] };
}

/** Thrown for a `missing` code the item does not ask for: a notice must never name a material it cannot explain. */
export class UnknownMaterialError extends Error {
  constructor(readonly codes: string[]) {
    super(`该事项没有这些材料：${codes.join('、')}`);
    this.name = 'UnknownMaterialError';
  }
}

// 行政复议法 (2023) 第二十条 and 行政诉讼法 第四十六条 give the time limits.
const REFUSAL_RIGHTS = [
  '申请人有权对本决定进行陈述和申辩。',
  '申请人对本决定不服的，可以自收到本告知书之日起六十日内依法申请行政复议。',
  '申请人也可以自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。',
];

/** The 一次性告知单: everything the applicant needs, once; plus what is missing, or why it is refused. */
export function noticeView(item: Item, options: NoticeOptions = {}): NoticeView {
  const rows = materialRows(item);
  const view: NoticeView = {
    title: item.name,
    body: item.implementingBody.name,
    basis: item.legalBasis.map((b) => [b.law, b.article].filter(Boolean).join('')),
    conditions: item.acceptanceConditions,
    materials: rows,
    process: item.process.map((s) => s.name).join(' → '),
    fees: item.fees.charged ? item.fees.items.map((f) => `${f.name}：${f.standard}`).join('；') : '不收费',
    promisedLimit: limitText(item.promisedLimit),
    statutoryLimit: formatTimeLimit(item.statutoryLimit),
    consultPhone: item.contacts.consultPhone,
    complaintPhone: item.contacts.complaintPhone,
  };
  if (options.missing && options.missing.length > 0) {
    const unknown = options.missing.filter((code) => !rows.some((r) => r.code === code));
    if (unknown.length > 0) throw new UnknownMaterialError(unknown);
    view.missing = {
      materials: rows.filter((r) => options.missing!.includes(r.code)),
      deadline: options.deadline ? `${options.deadline} 前` : '自收到本告知单之日起 5 个工作日内',
    };
  }
  if (options.refusal) view.refusal = { reason: options.refusal.reason, rights: REFUSAL_RIGHTS };
  return view;
}
