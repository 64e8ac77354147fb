import type { BaseItem, ItemImplementation, ValidationIssue } from '../generated/types';
import { SCHEMA_VERSION } from '../migration';

/**
 * The one mapping between OneSeal's model and the national element set of a service item (GB/T 39046-2020
 * and the 实施清单 exchange tables): every property of a base item and of a township's implementation has its
 * Chinese element name here, and so has every property nested inside them. The JSON exchange document and the
 * exchange workbook are both written and read through this table, so they cannot disagree.
 *
 * It lives in @oneseal/schemas, beside the model it names, because it is pure data and pure functions over
 * model documents: the catalogue API, the command line and tests all use it without a server or a database.
 *
 * Values keep the model's codes, which are the national codes (事项类型 01…20, 行使层级 1…7, …); an element
 * a document does not state is left out, never filled with a default.
 */

/** How an element's value is written in a workbook cell (JSON keeps the value as it is). */
export type ElementKind = 'text' | 'number' | 'boolean' | 'codes' | 'json';

export interface NationalElement {
  /** The model's property. */
  key: string;
  /** The element name of the national element set (or, for OneSeal's own elements, a name in its style). */
  name: string;
  kind: ElementKind;
}

export type ExchangeList = 'implementation' | 'base';

const el = (key: string, name: string, kind: ElementKind = 'text'): NationalElement => ({ key, name, kind });

/** Lifecycle (动态管理) and model version: the same elements in both lists. */
const LIFECYCLE: readonly NationalElement[] = [
  el('status', '状态'),
  el('version', '版本', 'number'),
  el('effectiveDate', '生效日期'),
  el('cancelDate', '取消日期'),
  el('schemaVersion', '数据模型版本', 'number'),
];

/** The elements of a township's implementation entry (实施清单), in the order of the exchange table. */
export const IMPLEMENTATION_ELEMENTS: readonly NationalElement[] = [
  el('regionCode', '乡镇（街道）代码'),
  el('baseCode', '基本编码'),
  el('implementationCode', '实施编码'),
  el('baseVersion', '所依据的基本目录版本', 'number'),
  el('type', '事项类型'),
  el('legalBasis', '设定依据', 'json'),
  el('implementingBody', '实施主体', 'json'),
  el('decisionBody', '决定机构'),
  el('powerSource', '权力来源'),
  el('promisedLimit', '承诺办结时限', 'json'),
  el('handlingLimit', '办理时限', 'json'),
  el('caseType', '办件类型'),
  el('handlingForms', '办理形式', 'codes'),
  el('visits', '到办事现场次数', 'number'),
  el('visitReason', '必须现场办理原因说明'),
  el('online', '网上办理', 'json'),
  el('inHall', '是否进驻政务服务大厅', 'boolean'),
  el('appointment', '是否支持预约办理', 'boolean'),
  el('express', '是否支持物流快递', 'boolean'),
  el('onlinePayment', '是否支持网上支付', 'boolean'),
  el('selfServiceTerminal', '是否支持自助终端办理', 'boolean'),
  el('handlingScope', '通办范围'),
  el('place', '办理地点'),
  el('hours', '办理时间'),
  el('contacts', '咨询方式及监督投诉方式', 'json'),
  el('publicQuery', '办件结果公开查询方式'),
  el('publication', '公开信息', 'json'),
  el('proxy', '帮办代办', 'json'),
  el('nearby', '就近办理', 'json'),
  el('materials', '申请材料', 'json'),
  el('fees', '收费', 'json'),
  el('faq', '常见问题', 'json'),
  el('riskPoints', '廉洁风险点及防控措施', 'json'),
  el('order', '排列顺序', 'number'),
  ...LIFECYCLE,
];

/** The elements of a base catalogue item (基本目录). */
export const BASE_ELEMENTS: readonly NationalElement[] = [
  el('code', '基本编码'),
  el('name', '事项名称'),
  el('type', '事项类型'),
  el('content', '事项内容'),
  el('legalBasis', '设定依据', 'json'),
  el('exerciseLevel', '行使层级', 'codes'),
  el('serviceObjects', '服务对象', 'codes'),
  el('department', '主管部门'),
  el('scope', '适用范围'),
  el('reviewType', '事项审查类型'),
  el('acceptanceConditions', '受理条件', 'json'),
  el('quantityLimit', '数量限制'),
  el('statutoryLimit', '法定办结时限', 'json'),
  el('maxVisits', '最多到办事现场次数', 'number'),
  el('specialProcedures', '特别程序', 'json'),
  el('process', '办理流程', 'json'),
  el('processRoutes', '办理路径', 'json'),
  el('benefitStandard', '给付标准', 'json'),
  el('result', '审批结果', 'json'),
  el('rightsAndObligations', '申请人权利和义务', 'json'),
  el('form', '申请表单', 'json'),
  el('themes', '主题分类', 'json'),
  el('keywords', '检索关键词', 'json'),
  el('materials', '申请材料', 'json'),
  el('fees', '收费', 'json'),
  el('faq', '常见问题', 'json'),
  el('riskPoints', '廉洁风险点及防控措施', 'json'),
  ...LIFECYCLE,
];

export const ELEMENTS: Record<ExchangeList, readonly NationalElement[]> = {
  implementation: IMPLEMENTATION_ELEMENTS,
  base: BASE_ELEMENTS,
};

/** Shown beside an implementation entry for the reader (the base item's name); never read back. */
export const ITEM_NAME_ELEMENT = '事项名称';

/** Names of the properties nested inside the elements (材料、时限、实施主体、流程环节 …). */
export const NESTED_NAMES: Readonly<Record<string, string>> = {
  // 设定依据
  law: '法律法规名称',
  docNumber: '文号',
  article: '条款',
  level: '层级',
  text: '内容',
  // 实施主体
  name: '名称',
  uscc: '统一社会信用代码',
  nature: '性质',
  department: '承办机构',
  generic: '是否泛指一类机构',
  // 联系方式
  kind: '类别',
  phone: '电话',
  channel: '其他途径',
  // 时限
  value: '数值',
  unit: '单位',
  none: '无时限情形',
  note: '说明',
  extension: '延长',
  mode: '延长方式',
  condition: '条件',
  // 网办、代办、就近办、公开
  available: '是否提供',
  url: '网址',
  depth: '深度',
  atVillage: '村（社区）可代办',
  contact: '联系方式',
  allVillages: '全部村（社区）可办',
  villages: '可办村（社区）代码',
  indexNumber: '索引号',
  publisher: '发布机构',
  date: '日期',
  // 收费、给付
  charged: '是否收费',
  items: '项目',
  standard: '标准',
  basis: '依据',
  reducible: '是否可减免',
  summary: '概述',
  tiers: '分档标准',
  rule: '计发办法',
  amount: '金额',
  upTo: '是否最高额度',
  label: '标签',
  // 常见问题、廉洁风险
  question: '问题',
  answer: '解答',
  point: '风险点',
  measures: '防控措施',
  // 特别程序、审批结果
  timeLimit: '时限',
  countsInLimit: '是否计入办结时限',
  type: '类型',
  sample: '样本',
  title: '标题',
  delivery: '送达方式',
  // 办理流程
  id: '环节编号',
  stage: '阶段',
  post: '岗位',
  description: '描述',
  documents: '文书',
  next: '后续环节',
  nextLabel: '转入条件',
  branches: '分支',
  to: '转至环节',
  document: '文书名称',
  situation: '路径适用情形',
  steps: '经过环节',
  // 申请材料
  material: '材料编码',
  form: '材料形式',
  medium: '材料载体',
  originals: '原件份数',
  copies: '复印件份数',
  necessity: '必要性',
  source: '来源渠道',
  issuer: '出具单位',
  blankForm: '空白表格',
  sampleForm: '示例样表',
  notes: '填报须知',
  acceptanceStandard: '受理标准',
  exemption: '免交情形',
  when: '材料适用情形',
};

/**
 * Values copied as they are: a form's JSON Schema (its property names are the form's own field names) and a
 * condition over form fields; neither has national element names.
 */
const VERBATIM: ReadonlySet<string> = new Set(['form', 'condition']);

/** The columns of the materials table (one row per item and material), in order, with their cell kinds. */
export const MATERIAL_ELEMENTS: readonly NationalElement[] = (
  [
    ['material', 'text'],
    ['name', 'text'],
    ['form', 'text'],
    ['medium', 'text'],
    ['originals', 'number'],
    ['copies', 'number'],
    ['unit', 'text'],
    ['necessity', 'text'],
    ['source', 'text'],
    ['issuer', 'text'],
    ['blankForm', 'json'],
    ['sampleForm', 'json'],
    ['notes', 'text'],
    ['acceptanceStandard', 'text'],
    ['basis', 'text'],
    ['exemption', 'text'],
    ['when', 'json'],
  ] as const
).map(([key, kind]) => el(key, key === 'unit' ? '份数单位' : NESTED_NAMES[key]!, kind));

const NESTED_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries(NESTED_NAMES).map(([key, name]) => [name, key]),
);

/** A property without an element name: the table must be extended before such a document can be exchanged. */
export class UnmappedElementError extends Error {
  constructor(readonly path: string) {
    super(`${path} 没有对应的国家标准要素名称`);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A nested value with its property names in Chinese. */
export function nestedToNational(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => nestedToNational(v, `${path}/${i}`));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const name = NESTED_NAMES[key];
    if (!name) throw new UnmappedElementError(`${path}/${key}`);
    out[name] = VERBATIM.has(key) ? v : nestedToNational(v, `${path}/${key}`);
  }
  return out;
}

/** A nested value read back; a name the table does not know is an issue at its path. */
export function nestedFromNational(value: unknown, path: string, issues: ValidationIssue[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => nestedFromNational(v, `${path}/${i}`, issues));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [name, v] of Object.entries(value)) {
    const key = NESTED_KEYS.get(name);
    if (!key) {
      issues.push({ path: `${path}/${name}`, message: `无法识别的要素“${name}”` });
      continue;
    }
    out[key] = VERBATIM.has(key) ? v : nestedFromNational(v, `${path}/${key}`, issues);
  }
  return out;
}

export type NationalRecord = Record<string, unknown>;

/**
 * A base item or an implementation entry in the national element set's terms, its elements in the table's
 * order. `itemName` (the base item's name) is shown beside an implementation entry for the reader.
 */
export function toNational(list: ExchangeList, doc: BaseItem | ItemImplementation, itemName?: string) {
  const source = doc as unknown as Json;
  const elements = ELEMENTS[list];
  for (const key of Object.keys(source))
    if (key !== 'kind' && !elements.some((e) => e.key === key)) throw new UnmappedElementError(`/${key}`);
  const out: NationalRecord = {};
  if (list === 'implementation' && itemName !== undefined) out[ITEM_NAME_ELEMENT] = itemName;
  for (const element of elements) {
    const value = source[element.key];
    if (value !== undefined)
      out[element.name] = VERBATIM.has(element.key) ? value : nestedToNational(value, `/${element.key}`);
  }
  return out;
}

/**
 * A record of the exchange back to a model document (not yet validated: the caller checks it with the model).
 * Element names the table does not know are issues; `schemaVersion`, when the record leaves it out, is the
 * current model version, since the document is read as one.
 */
export function fromNational(
  list: ExchangeList,
  record: NationalRecord,
): { doc: BaseItem | ItemImplementation; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const elements = ELEMENTS[list];
  const doc: Json = { kind: list === 'base' ? 'base-item' : 'implementation' };
  for (const [name, value] of Object.entries(record)) {
    if (list === 'implementation' && name === ITEM_NAME_ELEMENT) continue;
    const element = elements.find((e) => e.name === name);
    if (!element) {
      issues.push({ path: `/${name}`, message: `无法识别的要素“${name}”` });
      continue;
    }
    doc[element.key] = VERBATIM.has(element.key)
      ? value
      : nestedFromNational(value, `/${element.key}`, issues);
  }
  doc.schemaVersion ??= SCHEMA_VERSION;
  return { doc: doc as unknown as BaseItem | ItemImplementation, issues };
}

// ---------------------------------------------------------------------------------------------------------
// Workbook cells: the same elements, one per column

const YES = '是';
const NO = '否';
const SEPARATOR = '、';

/** An element's value as a cell: text, a number, 是/否, codes joined by “、”, or the national JSON text. */
export function elementToCell(element: NationalElement, value: unknown): string | number | null {
  if (value === undefined) return null;
  switch (element.kind) {
    case 'number':
      return value as number;
    case 'boolean':
      return value ? YES : NO;
    case 'codes':
      return (value as string[]).join(SEPARATOR);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/**
 * A cell back to the element's value in national terms (what `toNational` holds), or the zh reason it cannot
 * be one. A blank cell is an unstated element.
 */
export function elementFromCell(
  element: NationalElement,
  cell: string | number | boolean | null,
): { value: unknown } | { error: string } {
  if (cell === null) return { value: undefined };
  const text = String(cell).trim();
  switch (element.kind) {
    case 'number': {
      const n = typeof cell === 'number' ? cell : /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: `“${element.name}”应为数字，不能是“${text}”` };
    }
    case 'boolean':
      if (cell === true || text === YES) return { value: true };
      if (cell === false || text === NO) return { value: false };
      return { error: `“${element.name}”应填“${YES}”或“${NO}”，不能是“${text}”` };
    case 'codes':
      return {
        value: text
          .split(SEPARATOR)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: `“${element.name}”应为 JSON 文本（导出时的写法），无法读取` };
      }
    default:
      return { value: text };
  }
}
