import type { Item, ResolvedMaterial, TimeLimit } from '@oneseal/schemas';
import {
  codeLabel,
  formatTimeLimit,
  isComplaintChannel,
  isConsultChannel,
  isNearby,
  isOnlineAvailable,
} from '@oneseal/schemas';
import { contactRows, copiesText, label, labels, needsNumbers } from './text';

/** How a section's body is laid out; each kind is one partial in templates/hbs/partials. */
export type SectionBody =
  | { partial: 'section-paragraphs'; paragraphs: string[] }
  | { partial: 'section-list'; items: string[]; numbered: boolean }
  | { partial: 'section-pairs'; rows: { label: string; value: string }[] }
  | { partial: 'section-materials'; materials: MaterialRow[]; columns: MaterialColumns }
  | { partial: 'section-process'; steps: StepRow[]; columns: StepColumns; hasFlowchart: boolean }
  | { partial: 'section-faq'; faq: { question: string; answer: string }[] }
  | { partial: 'section-risks'; risks: { point: string; measures: string[] }[] }
  | { partial: 'section-unstated' };

export type GuideSection = { key: string; title: string } & SectionBody;

/** One material as the printed tables show it; a requirement the item does not state is ''. */
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

/** Which columns a material table prints: only those some material states. */
export type MaterialColumns = Record<'form' | 'copies' | 'necessity' | 'source' | 'issuer', boolean>;

export interface StepRow {
  index: number;
  name: string;
  post: string;
  limit: string;
  documents: string;
  description: string;
}

export type StepColumns = Record<'post' | 'limit' | 'documents', boolean>;

export function materialRows(item: Pick<Item, 'materials'>): MaterialRow[] {
  return item.materials.map((m, i) => materialRow(m, i + 1));
}

/** One material as the printed tables show it. */
export function materialRow(m: ResolvedMaterial, index: number): MaterialRow {
  const form = label('MaterialForm', m.form);
  const medium = label('MaterialMedium', m.medium);
  return {
    index,
    code: m.material,
    name: m.name,
    form: form && medium ? `${form}（${medium}）` : form || medium,
    copies: copiesText(m),
    necessity: label('MaterialNecessity', m.necessity),
    source: label('MaterialSource', m.source),
    issuer: m.issuer ?? '',
    notes: [
      m.when ? `适用情形：${m.when.text}` : '',
      m.exemption ? `免交情形：${m.exemption}` : '',
      m.notes ?? '',
      m.basis ? `材料依据：${m.basis}` : '',
      m.blankForm ? `空白表格：${m.blankForm.title}` : '',
      m.sampleForm ? `示例样表：${m.sampleForm.title}` : '',
    ].filter(Boolean),
  };
}

/** The columns of a material table: each printed only when some material states it. */
export function materialColumns(rows: readonly MaterialRow[]): MaterialColumns {
  const some = (key: keyof MaterialColumns) => rows.some((r) => r[key] !== '');
  return {
    form: some('form'),
    copies: some('copies'),
    necessity: some('necessity'),
    source: some('source'),
    issuer: some('issuer'),
  };
}

const limitText = (limit: TimeLimit | undefined) => (limit ? formatTimeLimit(limit) : '');

function stepRows(item: Item): StepRow[] {
  return (item.process ?? []).map((s, i) => ({
    index: i + 1,
    name: s.name,
    post: s.post ?? '',
    limit: limitText(s.timeLimit),
    documents: (s.documents ?? []).join('、'),
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
  return kept.length > 0 ? { partial: 'section-list', items: kept, numbered: needsNumbers(kept) } : undefined;
};

// The sections the 办事指南 standard always prints: when the item states nothing for one, it says “未载明”.
const STANDARD_SECTIONS: ReadonlySet<string> = new Set([
  'legal-basis',
  'conditions',
  'materials',
  'process',
  'time-limits',
  'fees',
  'consult',
  'complaint',
  'place-hours',
]);

const LICENCE = '01';

/** "《社会救助暂行办法》（行政法规）第十一条：……", "《…意见》（国发〔2014〕47号）". */
export function basisText(b: NonNullable<Item['legalBasis']>[number], withText = true): string {
  const qualifiers = nonEmpty([b.docNumber, label('LegalLevel', b.level)]).join('，');
  const head = `${b.law}${qualifiers ? `（${qualifiers}）` : ''}${b.article ? ` ${b.article}` : ''}`;
  return withText && b.text ? `${head}：${b.text}` : head;
}

function benefitLines(item: Item): Maybe<SectionBody> {
  const standard = item.benefitStandard;
  if (!standard) return undefined;
  const tiers = (standard.tiers ?? []).map((t) => {
    const amount = t.amount === undefined ? '' : `${t.upTo ? '最高' : ''}${t.amount}${t.unit ?? ''}`;
    const condition = t.condition ? `（${t.condition}）` : '';
    return amount ? `${t.name}：${amount}${condition}` : `${t.name}${condition}`;
  });
  const lines = nonEmpty([standard.summary, ...tiers, standard.rule]);
  return lines.length > 0 ? { partial: 'section-list', items: lines, numbered: false } : undefined;
}

function onlineText(item: Item): string | undefined {
  if (!item.online) return undefined;
  const depth = item.online.depth ? codeLabel('OnlineDepth', item.online.depth) : undefined;
  if (!item.online.available) return '不支持网上办理';
  if (isOnlineAvailable(item)) return `可网上办理，${depth}`;
  return depth ? `仅可网上咨询（${depth}）` : '可网上办理';
}

function feesBody(item: Item): Maybe<SectionBody> {
  const fees = item.fees;
  if (!fees) return undefined;
  if (!fees.charged) return paragraphs(['不收费']);
  const items = (fees.items ?? []).map(
    (f) =>
      `${f.name}：${f.standard}${f.basis ? `（依据：${f.basis}）` : ''}${f.reducible ? '，可依规定减免' : ''}`,
  );
  return items.length > 0 ? list(items) : paragraphs(['收费（收费项目未载明）']);
}

/**
 * The 办事指南 sections in the order of 行政许可标准化指引 (2016) appendix 2 — 适用范围 … 公开查询, then 常见问题 —
 * with 事项内容 first, 给付标准 before 申请条件, 帮办代办 after 办理方式 and 廉洁风险点 last. Only what the item
 * states is printed: a section with nothing stated is left out, except the sections every guide must carry,
 * which say “未载明”. Headings follow the item type (审批依据/审批结果 only for a 行政许可).
 */
export function guideSections(item: Item, options: { hasFlowchart: boolean }): GuideSection[] {
  const licence = item.type === LICENCE;
  const body = item.implementingBody;
  const bodyName = body?.name
    ? nonEmpty([body.name, body.department ? `（${body.department}）` : undefined]).join('')
    : undefined;
  const specials = (item.specialProcedures ?? []).map((p) =>
    [
      p.name,
      p.timeLimit ? `：${formatTimeLimit(p.timeLimit)}` : '',
      p.countsInLimit === undefined ? '' : `（${p.countsInLimit ? '计入' : '不计入'}办结时限）`,
    ].join(''),
  );
  const materials = materialRows(item);
  const steps = stepRows(item);
  const contacts = item.contacts ?? [];
  const sections: [string, string, Maybe<SectionBody>][] = [
    ['content', '事项内容', paragraphs([item.content])],
    [
      'scope',
      '适用范围',
      paragraphs([
        item.scope,
        item.serviceObjects?.length ? `服务对象：${labels('ServiceObject', item.serviceObjects)}` : undefined,
      ]),
    ],
    [
      'review-type',
      licence ? '事项审查类型' : '事项类型',
      pairs([
        { label: '审查类型', value: item.reviewType },
        { label: '事项类型', value: label('ItemType', item.type) },
        { label: '办件类型', value: label('CaseType', item.caseType) },
        { label: '行使层级', value: labels('ExerciseLevel', item.exerciseLevel) },
        { label: '权力来源', value: label('PowerSource', item.powerSource) },
        { label: '主题分类', value: (item.themes ?? []).join('、') },
      ]),
    ],
    [
      'legal-basis',
      licence ? '审批依据' : '设定依据',
      list((item.legalBasis ?? []).map((b) => basisText(b))),
    ],
    [
      'accepting-body',
      licence ? '受理机构' : '实施机构',
      pairs([
        { label: '名称', value: bodyName },
        { label: '层级', value: label('BodyLevel', body?.level) },
        { label: '性质', value: label('BodyNature', body?.nature) },
        { label: '统一社会信用代码', value: body?.uscc },
      ]),
    ],
    ['deciding-body', '决定机构', paragraphs([item.decisionBody])],
    ['quantity-limit', '数量限制', paragraphs([item.quantityLimit])],
    ['benefit', '给付标准', benefitLines(item)],
    ['conditions', '申请条件', list(item.acceptanceConditions ?? [])],
    [
      'materials',
      '申请材料',
      materials.length > 0
        ? { partial: 'section-materials', materials, columns: materialColumns(materials) }
        : undefined,
    ],
    [
      'submission',
      '申请接收',
      pairs([
        { label: '窗口接收', value: item.place },
        {
          label: '网上申请',
          value: item.online?.available ? (item.online.url ?? '可网上申请') : undefined,
        },
        { label: '快递申请', value: item.express ? '可通过邮寄方式递交申请材料' : undefined },
        { label: '预约办理', value: item.appointment ? '支持预约办理' : undefined },
      ]),
    ],
    [
      'process',
      '办理流程',
      steps.length > 0
        ? {
            partial: 'section-process',
            steps,
            columns: {
              post: steps.some((s) => s.post),
              limit: steps.some((s) => s.limit),
              documents: steps.some((s) => s.documents),
            },
            hasFlowchart: options.hasFlowchart,
          }
        : undefined,
    ],
    [
      'channels',
      '办理方式',
      pairs([
        { label: '办理形式', value: labels('HandlingForm', item.handlingForms) },
        { label: '到办事现场次数', value: item.visits === undefined ? undefined : `${item.visits} 次` },
        { label: '必须现场办理原因', value: (item.visits ?? 0) > 0 ? item.visitReason : undefined },
        { label: '网上办理', value: onlineText(item) },
        { label: '通办范围', value: label('HandlingScope', item.handlingScope) },
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
        {
          label: '网上支付',
          value:
            item.fees?.charged && item.onlinePayment !== undefined
              ? item.onlinePayment
                ? '支持'
                : '不支持'
              : undefined,
        },
      ]),
    ],
    [
      'proxy',
      '帮办代办',
      item.proxy?.available
        ? pairs([
            {
              label: '代办服务',
              value:
                item.proxy.atVillage === undefined
                  ? '提供帮办代办'
                  : item.proxy.atVillage
                    ? '可由村（社区）代办员帮办代办'
                    : '乡镇便民服务中心提供帮办代办',
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
        // One figure a guide does not call 法定 or 承诺 is printed as it was stated, once.
        { label: '办理时限', value: limitText(item.handlingLimit) },
        { label: '特别程序', value: specials.join('；') || undefined },
      ]),
    ],
    ['fees', '收费依据及标准', feesBody(item)],
    [
      'result',
      licence ? '审批结果' : '办理结果',
      pairs([
        { label: '结果类型', value: label('ResultType', item.result?.type) },
        { label: '结果名称', value: item.result?.name },
        { label: '结果样本', value: item.result?.sample?.title },
      ]),
    ],
    ['delivery', '结果送达', paragraphs([item.result?.delivery])],
    ['rights', '申请人权利和义务', list(item.rightsAndObligations ?? [])],
    ['consult', '咨询途径', pairs(contactRows(contacts.filter(isConsultChannel), item.regionCode))],
    ['complaint', '监督投诉渠道', pairs(contactRows(contacts.filter(isComplaintChannel), item.regionCode))],
    [
      'place-hours',
      '办公地址和时间',
      pairs([
        { label: '办公地址', value: item.place },
        { label: '办公时间', value: item.hours },
      ]),
    ],
    [
      'public-query',
      '公开查询',
      pairs([
        { label: '查询方式', value: item.publicQuery },
        { label: '索引号', value: item.publication?.indexNumber },
        { label: '发布机构', value: item.publication?.publisher },
        { label: '发布日期', value: item.publication?.date },
        { label: '公开网址', value: item.publication?.url },
      ]),
    ],
    ['faq', '常见问题', item.faq?.length ? { partial: 'section-faq', faq: item.faq } : undefined],
    [
      'risks',
      '廉洁风险点及防控措施',
      item.riskPoints?.length
        ? {
            partial: 'section-risks',
            risks: item.riskPoints.map((r) => ({ point: r.point, measures: r.measures })),
          }
        : undefined,
    ],
  ];
  return sections
    .map(([key, title, content]): [string, string, Maybe<SectionBody>] => [
      key,
      title,
      content ?? (STANDARD_SECTIONS.has(key) ? { partial: 'section-unstated' } : undefined),
    ])
    .filter((s): s is [string, string, SectionBody] => s[2] !== undefined)
    .map(([key, title, content]) => ({ key, title, ...content }));
}
