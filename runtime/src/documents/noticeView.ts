import type { Item } from '@oneseal/schemas';
import { formatTimeLimit, isComplaintChannel, isConsultChannel } from '@oneseal/schemas';
import type { MaterialColumns, MaterialRow } from './guideView';
import { basisText, materialColumns, materialRows } from './guideView';
import { contactRows, needsNumbers } from './text';

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
  body?: string;
  /** The sentence that opens the notice, citing the law that fits the item type. */
  opening: string;
  basis: string[];
  conditions: { items: string[]; numbered: boolean };
  materials: MaterialRow[];
  columns: MaterialColumns;
  /** Process, limits, fees, place, hours and contacts: only the rows the item states. */
  facts: { label: string; value: string }[];
  missing?: { materials: MaterialRow[]; columns: MaterialColumns; deadline: string };
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

const TELL = '现将办理本事项的有关要求一次性告知如下：';

/**
 * 《行政许可法》第三十二条 obliges a licensing body to tell an applicant at once everything to supplement; it
 * says nothing of 行政给付, 行政确认 or 公共服务. Those notices cite the item's own basis, or none when the item
 * states none.
 */
function opening(item: Item): string {
  if (item.type === '01') return `根据《中华人民共和国行政许可法》第三十二条等规定，${TELL}`;
  const law = item.legalBasis?.[0]?.law;
  return law ? `根据${law}等规定，${TELL}` : TELL;
}

/** The 一次性告知单: everything the applicant needs, once; plus what is missing, or why it is refused. */
export function noticeView(item: Item, options: NoticeOptions = {}): NoticeView {
  const rows = materialRows(item);
  const conditions = item.acceptanceConditions ?? [];
  const contacts = item.contacts ?? [];
  const fees = item.fees
    ? item.fees.charged
      ? (item.fees.items ?? []).map((f) => `${f.name}：${f.standard}`).join('；') || '收费（收费项目未载明）'
      : '不收费'
    : undefined;
  const facts = [
    { label: '办理流程', value: (item.process ?? []).map((s) => s.name).join(' → ') },
    { label: '承诺办结时限', value: item.promisedLimit && formatTimeLimit(item.promisedLimit) },
    { label: '法定办结时限', value: item.statutoryLimit && formatTimeLimit(item.statutoryLimit) },
    { label: '办理时限', value: item.handlingLimit && formatTimeLimit(item.handlingLimit) },
    { label: '收费', value: fees },
    { label: '办理地点', value: item.place },
    { label: '办理时间', value: item.hours },
    ...contactRows(contacts.filter(isConsultChannel), item.regionCode),
    ...contactRows(contacts.filter(isComplaintChannel), item.regionCode),
  ].filter((f): f is { label: string; value: string } => Boolean(f.value));
  const view: NoticeView = {
    title: item.name,
    body: item.implementingBody?.name,
    opening: opening(item),
    basis: (item.legalBasis ?? []).map((b) => basisText(b, false)),
    conditions: { items: conditions, numbered: needsNumbers(conditions) },
    materials: rows,
    columns: materialColumns(rows),
    facts,
  };
  if (options.missing && options.missing.length > 0) {
    const unknown = options.missing.filter((code) => !rows.some((r) => r.code === code));
    if (unknown.length > 0) throw new UnknownMaterialError(unknown);
    const missing = rows.filter((r) => options.missing!.includes(r.code));
    view.missing = {
      materials: missing,
      columns: materialColumns(missing),
      deadline: options.deadline ? `${options.deadline} 前` : '自收到本告知单之日起 5 个工作日内',
    };
  }
  if (options.refusal) view.refusal = { reason: options.refusal.reason, rights: REFUSAL_RIGHTS };
  return view;
}
