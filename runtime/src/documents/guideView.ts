import type { Item, ResolvedMaterial } from '@oneseal/schemas';
import { codeLabel, formatTimeLimit, isNearby, isOnlineAvailable } from '@oneseal/schemas';
import { copiesText, labels, limitText, yesNo } from './text';

/** How a section's body is laid out; each kind is one partial in templates/hbs/partials. */
export type SectionBody =
  | { partial: 'section-paragraphs'; paragraphs: string[] }
  | { partial: 'section-list'; items: string[] }
  | { partial: 'section-pairs'; rows: { label: string; value: string }[] }
  | { partial: 'section-materials'; materials: MaterialRow[] }
  | { partial: 'section-process'; steps: StepRow[]; hasFlowchart: boolean }
  | { partial: 'section-faq'; faq: { question: string; answer: string }[] }
  | { partial: 'section-risks'; risks: { point: string; measures: string[] }[] };

export type GuideSection = { key: string; title: string } & SectionBody;

export interface MaterialRow {
  index: number;
  code: string;
  name: string;
  form: string;
  copies: string;
  necessity: string;
  source: string;
  issuer: string;
  notes: string[];
}

export interface StepRow {
  index: number;
  name: string;
  post: string;
  limit: string;
  documents: string;
  description: string;
}

export function materialRows(item: Item): MaterialRow[] {
  return item.materials.map((m, i) => materialRow(m, i + 1));
}

/** One material as the printed tables show it. */
export function materialRow(m: ResolvedMaterial, index: number): MaterialRow {
  return {
    index,
    code: m.material,
    name: m.name,
    form: `${codeLabel('MaterialForm', m.form)}（${codeLabel('MaterialMedium', m.medium)}）`,
    copies: copiesText(m),
    necessity: codeLabel('MaterialNecessity', m.necessity) ?? m.necessity,
    source: codeLabel('MaterialSource', m.source) ?? m.source,
    issuer: m.issuer ?? '—',
    notes: [
      m.when ? `适用情形：${m.when.text}` : '',
      m.notes ?? '',
      m.blankForm ? `空白表格：${m.blankForm.title}` : '',
      m.sampleForm ? `示例样表：${m.sampleForm.title}` : '',
    ].filter(Boolean),
  };
}

function stepRows(item: Item): StepRow[] {
  return item.process.map((s, i) => ({
    index: i + 1,
    name: s.name,
    post: s.post,
    limit: s.timeLimit ? formatTimeLimit(s.timeLimit) : '—',
    documents: (s.documents ?? []).join('、') || '—',
    description: s.description ?? '',
  }));
}

/** A section whose content is empty is left out: `undefined` bodies are dropped by `guideSections`. */
type Maybe<T> = T | undefined;
const nonEmpty = (texts: (string | undefined)[]) => texts.filter((t): t is string => Boolean(t && t.trim()));
const pairs = (rows: { label: string; value: string | undefined }[]): Maybe<SectionBody> => {
  const kept = rows.filter((r): r is { label: string; value: string } => Boolean(r.value));
  return kept.length > 0 ? { partial: 'section-pairs', rows: kept } : undefined;
};
const paragraphs = (texts: (string | undefined)[]): Maybe<SectionBody> => {
  const kept = nonEmpty(texts);
  return kept.length > 0 ? { partial: 'section-paragraphs', paragraphs: kept } : undefined;
};
const list = (texts: (string | undefined)[]): Maybe<SectionBody> => {
  const kept = nonEmpty(texts);
  return kept.length > 0 ? { partial: 'section-list', items: kept } : undefined;
};

/**
 * The 办事指南 sections in the order of 行政许可标准化指引 (2016) appendix 2 — 适用范围 … 公开查询, then 常见问题 —
 * with 帮办代办 after 办理方式 and 廉洁风险点 last, each only when it has content.
 */
export function guideSections(item: Item, options: { hasFlowchart: boolean }): GuideSection[] {
  const body = item.implementingBody;
  const fees = item.fees;
  const onlineDepth = item.online.depth ? codeLabel('OnlineDepth', item.online.depth) : undefined;
  const specials = (item.specialProcedures ?? []).map(
    (p) => `${p.name}：${formatTimeLimit(p.timeLimit)}（${p.countsInLimit ? '计入' : '不计入'}办结时限）`,
  );
  const sections: [string, string, Maybe<SectionBody>][] = [
    [
      'scope',
      '适用范围',
      paragraphs([item.scope, `服务对象：${labels('ServiceObject', item.serviceObjects)}`]),
    ],
    [
      'review-type',
      '事项审查类型',
      paragraphs([
        item.reviewType,
        `事项类型：${codeLabel('ItemType', item.type)}；办件类型：${codeLabel('CaseType', item.caseType)}`,
      ]),
    ],
    [
      'legal-basis',
      '审批依据',
      list(
        item.legalBasis.map((b) =>
          [b.law, b.article, b.text ? `：${b.text}` : ''].filter(Boolean).join(' ').replace(' ：', '：'),
        ),
      ),
    ],
    [
      'accepting-body',
      '受理机构',
      paragraphs([body.department ? `${body.name}（${body.department}）` : body.name]),
    ],
    ['deciding-body', '决定机构', paragraphs([item.decisionBody ?? body.name])],
    ['quantity-limit', '数量限制', paragraphs([item.quantityLimit])],
    ['conditions', '申请条件', list(item.acceptanceConditions)],
    [
      'materials',
      '申请材料',
      item.materials.length > 0 ? { partial: 'section-materials', materials: materialRows(item) } : undefined,
    ],
    [
      'submission',
      '申请接收',
      pairs([
        { label: '窗口接收', value: item.place },
        { label: '网上申请', value: item.online.available ? (item.online.url ?? '可网上申请') : undefined },
        { label: '快递申请', value: item.express ? '可通过邮寄方式递交申请材料' : undefined },
        { label: '预约办理', value: item.appointment ? '支持预约办理' : undefined },
      ]),
    ],
    [
      'process',
      '办理流程',
      { partial: 'section-process', steps: stepRows(item), hasFlowchart: options.hasFlowchart },
    ],
    [
      'channels',
      '办理方式',
      pairs([
        { label: '办理形式', value: labels('HandlingForm', item.handlingForms) },
        { label: '到办事现场次数', value: `${item.visits} 次` },
        { label: '必须现场办理原因', value: item.visits > 0 ? item.visitReason : undefined },
        {
          label: '网上办理',
          value: isOnlineAvailable(item)
            ? `可网上办理，${onlineDepth}`
            : item.online.available
              ? `仅可网上咨询（${onlineDepth}）`
              : '不支持网上办理',
        },
        { label: '通办范围', value: codeLabel('HandlingScope', item.handlingScope) },
        {
          label: '就近办',
          value: isNearby(item)
            ? nonEmpty([
                item.nearby?.allVillages ? '辖区内各村（社区）均可办理' : '部分村（社区）可办理',
                item.nearby?.note,
              ]).join('；')
            : undefined,
        },
        { label: '自助终端', value: item.selfServiceTerminal ? '支持自助终端办理' : undefined },
        { label: '网上支付', value: fees.charged ? yesNo(item.onlinePayment) : undefined },
      ]),
    ],
    [
      'proxy',
      '帮办代办',
      item.proxy?.available
        ? pairs([
            {
              label: '代办服务',
              value: item.proxy.atVillage ? '可由村（社区）代办员帮办代办' : '乡镇便民服务中心提供帮办代办',
            },
            { label: '联系方式', value: item.proxy.contact },
            { label: '说明', value: item.proxy.note },
          ])
        : undefined,
    ],
    [
      'time-limits',
      '办理时限',
      pairs([
        { label: '法定办结时限', value: limitText(item.statutoryLimit) },
        { label: '承诺办结时限', value: limitText(item.promisedLimit) },
        { label: '特别程序', value: specials.join('；') || undefined },
      ]),
    ],
    [
      'fees',
      '收费依据及标准',
      fees.charged
        ? list(
            fees.items.map(
              (f) =>
                `${f.name}：${f.standard}${f.basis ? `（依据：${f.basis}）` : ''}${f.reducible ? '，可依规定减免' : ''}`,
            ),
          )
        : paragraphs(['不收费']),
    ],
    [
      'result',
      '审批结果',
      pairs([
        { label: '结果类型', value: codeLabel('ResultType', item.result.type) },
        { label: '结果名称', value: item.result.name },
        { label: '结果样本', value: item.result.sample?.title },
      ]),
    ],
    ['delivery', '结果送达', paragraphs([item.result.delivery])],
    ['rights', '申请人权利和义务', list(item.rightsAndObligations ?? [])],
    [
      'consult',
      '咨询途径',
      pairs([
        { label: '咨询电话', value: item.contacts.consultPhone },
        { label: '其他途径', value: item.contacts.consultOther },
      ]),
    ],
    [
      'complaint',
      '监督投诉渠道',
      pairs([
        { label: '投诉电话', value: item.contacts.complaintPhone },
        { label: '其他渠道', value: item.contacts.complaintOther },
      ]),
    ],
    [
      'place-hours',
      '办公地址和时间',
      pairs([
        { label: '办公地址', value: item.place },
        { label: '办公时间', value: item.hours },
      ]),
    ],
    ['public-query', '公开查询', paragraphs([item.publicQuery])],
    ['faq', '常见问题', item.faq.length > 0 ? { partial: 'section-faq', faq: item.faq } : undefined],
    [
      'risks',
      '廉洁风险点及防控措施',
      item.riskPoints.length > 0
        ? {
            partial: 'section-risks',
            risks: item.riskPoints.map((r) => ({ point: r.point, measures: r.measures })),
          }
        : undefined,
    ],
  ];
  return sections
    .filter((s): s is [string, string, SectionBody] => s[2] !== undefined)
    .map(([key, title, content]) => ({ key, title, ...content }));
}
