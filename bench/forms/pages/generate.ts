// The benchmark's form: ITEMS synthetic township items whose forms bind shared data elements of the seed
// dictionary and add local fields of every component kind, in titled sections, so that their one-table form
// (mergeForms) holds exactly `fields` fields. Deterministic: every page of every round builds the same form.
import type { Condition, DataElement, FieldComponent, FormField, FormFields, Item } from '@oneseal/schemas';
import dictionary from '../../../seeds/data/data-elements.json';

export const ITEMS = 10;
/** Local fields per section of an item's form. */
const SECTION_SIZE = 8;

export const DATA_ELEMENTS = dictionary as unknown as DataElement[];

/** Data elements every item asks for, and the ones the items take turns to ask for (all of them in the end). */
const CORE = ['applicantName', 'idNumber', 'mobile'];
const ROTATING = [
  'idType',
  'gender',
  'birthDate',
  'ethnicity',
  'householdAddress',
  'village',
  'maritalStatus',
  'phone',
  'address',
  'postcode',
  'email',
  'agentName',
  'agentIdNumber',
  'agentMobile',
  'agentRelationship',
  'bankName',
  'bankAccount',
  'familySize',
  'monthlyIncome',
];
const PER_ITEM = 6;
/** Fields the merged form asks once, for all items. */
export const SHARED_FIELDS = CORE.length + ROTATING.length;

const ITEM_NAMES = [
  '城乡居民最低生活保障审核',
  '特困人员救助供养审核',
  '临时救助审批',
  '农村宅基地和建房（规划许可）审批',
  '困难残疾人生活补贴和重度残疾人护理补贴',
  '高龄老人津贴发放',
  '农村部分计划生育家庭奖励扶助',
  '医疗救助审核',
  '城乡居民基本养老保险参保登记',
  '再生育一个子女审批',
];

const SECTION_TITLES = [
  '家庭基本情况',
  '家庭成员情况',
  '收入情况',
  '住房情况',
  '财产情况',
  '健康与就业情况',
  '申请事项',
  '其他说明',
];

/** How often each kind appears among the local fields: about 40 % single-line text, the rest mixed. */
const PATTERN: FieldComponent[] = [
  'text',
  'number',
  'select',
  'text',
  'radio',
  'date',
  'textarea',
  'text',
  'id-card',
  'checkbox',
  'text',
  'mobile',
  'select',
  'number',
  'text',
  'date',
  'radio',
  'textarea',
  'text',
  'text',
];

const TITLES: Partial<Record<FieldComponent, string[]>> = {
  text: [
    '成员姓名',
    '工作单位',
    '职务',
    '与申请人关系',
    '证明人',
    '房屋坐落',
    '所在村民小组',
    '承包地块名称',
    '开户名',
    '学校名称',
    '就读年级',
    '病种名称',
    '就诊医院',
    '致困原因',
    '收入来源',
    '联系人',
  ],
  textarea: ['申请理由', '家庭情况说明', '困难情况描述', '备注', '村（居）委会意见'],
  number: [
    '家庭人口数',
    '年收入（元）',
    '月收入（元）',
    '耕地面积（亩）',
    '住房面积（平方米）',
    '医疗费用（元）',
  ],
  select: ['户籍性质', '文化程度', '健康状况', '劳动能力', '住房类型', '残疾等级'],
  radio: ['是否有劳动能力', '是否享受其他救助', '是否在校', '是否参加医疗保险'],
  checkbox: ['家庭成员患病情况', '收入来源（可多选）', '已享受政策（可多选）'],
  date: ['出生日期', '入住日期', '发病日期', '申请日期', '离职日期'],
  'id-card': ['家庭成员公民身份号码', '配偶公民身份号码', '监护人公民身份号码'],
  mobile: ['紧急联系人手机号码', '配偶手机号码', '村干部手机号码'],
};

const OPTIONS: Record<'select' | 'checkbox', string[][]> = {
  select: [
    ['农业户口', '非农业户口', '居民户口'],
    ['小学及以下', '初中', '高中（中专）', '大专', '本科及以上'],
    ['健康', '长期慢性病', '重病', '残疾'],
    ['有劳动能力', '部分丧失', '完全丧失'],
    ['自有住房', '租住', '借住', '无房'],
    ['一级', '二级', '三级', '四级'],
  ],
  checkbox: [
    ['高血压', '糖尿病', '心脏病', '恶性肿瘤', '其他'],
    ['工资性收入', '经营性收入', '财产性收入', '转移性收入'],
    ['低保', '特困供养', '残疾人补贴', '高龄津贴'],
  ],
};

const YES_NO = [
  { label: '是', value: '1' },
  { label: '否', value: '2' },
];

/** The single-line text field mid-form that the keystrokes go to: its title is used by no other field. */
export const TARGET_TITLE = '其他需要说明的事项';
/** Typed characters stay well inside its maximum length, so no keystroke raises a length error. */
export const TARGET_MAX_LENGTH = 200;

export interface BenchForm {
  items: Item[];
  /** Path of the keystroke field in the merged form's data, e.g. ['item_9900000500', 'f024']. */
  target: string[];
}

const options = (labels: string[]) => labels.map((label, i) => ({ label, value: String(i + 1) }));

/** A local field of the given kind, with the kind of rules a real form puts on it. */
function localField(kind: FieldComponent, title: string, n: number): FormField {
  const field: FormField = { type: 'string', title, 'x-component': kind };
  if (n % 2 === 0) field.required = true;
  if (n % 7 === 3) field.description = '请如实填写，与证明材料一致';
  const pick = <T>(list: T[]) => list[n % list.length]!;
  switch (kind) {
    case 'text':
      field.maxLength = 50;
      break;
    case 'textarea':
      field.maxLength = 500;
      field['x-component-props'] = { rows: 3 };
      break;
    case 'number':
      field.type = 'number';
      field.minimum = 0;
      field.maximum = 10_000_000;
      break;
    case 'select':
      field.enum = options(pick(OPTIONS.select)) as FormField['enum'];
      break;
    case 'radio':
      field.enum = YES_NO as FormField['enum'];
      break;
    case 'checkbox':
      field.type = 'array';
      field.enum = options(pick(OPTIONS.checkbox)) as FormField['enum'];
      break;
    case 'date':
      field.format = 'date';
      break;
    case 'id-card':
      field.format = 'cn-id-card';
      break;
    case 'mobile':
      field.format = 'cn-mobile';
      break;
    default:
      break;
  }
  return field;
}

/** The field an item's form gives a bound data element (it may be stricter than the dictionary). */
function boundField(element: DataElement, required: boolean): FormField {
  const field: FormField = {
    type: element.type,
    title: element.name,
    'x-component': element.component,
    'x-data-element': element.code,
  };
  if (required) field.required = true;
  if (element.format) field.format = element.format;
  if (element.options) field.enum = element.options;
  return field;
}

/** ITEMS items whose one-table form holds `fields` fields: SHARED_FIELDS shared, the rest the items' own. */
export function benchForm(fields: number): BenchForm {
  const local = fields - SHARED_FIELDS;
  if (local < ITEMS * 4)
    throw new Error(`FIELDS must be at least ${SHARED_FIELDS + ITEMS * 4} (${SHARED_FIELDS} are shared)`);
  const elements = new Map(DATA_ELEMENTS.map((e) => [e.code, e]));
  const targetIndex = Math.floor(fields / 2);
  let seen = SHARED_FIELDS; // fields before this item's own in the merged form
  let target: string[] | undefined;
  let nearest = Infinity;

  const items = ITEM_NAMES.slice(0, ITEMS).map((name, i) => {
    const code = String(9_900_000_000 + (i + 1) * 100);
    const bound = [
      ...CORE,
      ...ROTATING.slice(0, PER_ITEM).map((_, k) => ROTATING[(i * 2 + k) % ROTATING.length]!),
    ];
    const applicant: FormFields = {};
    for (const [k, element] of bound.entries())
      applicant[element] = boundField(elements.get(element)!, k < CORE.length || k % 2 === 0);

    const count = Math.floor(local / ITEMS) + (i < local % ITEMS ? 1 : 0);
    const sections: FormFields = {};
    const titles = new Map<string, number>();
    let controller: string | undefined;
    let conditional = 0;
    for (let n = 0; n < count; n++) {
      const kind = PATTERN[(n + i * 3) % PATTERN.length]!;
      const pool = TITLES[kind]!;
      const base = pool[(n + i) % pool.length]!;
      const times = (titles.get(base) ?? 0) + 1;
      titles.set(base, times);
      const key = `f${String(n + 1).padStart(3, '0')}`;
      const field = localField(kind, times > 1 ? `${base}（${times}）` : base, n);
      if (kind === 'radio' && !controller) {
        // The item's first yes/no question shows the next two fields while it is 是 — its default, so that
        // every field is on screen when the form opens, in both renderers.
        controller = key;
        field.default = '1';
      } else if (controller && conditional < 2) {
        field['x-visible-when'] = { field: controller, op: 'eq', value: '1' } as Condition;
        conditional++;
      }
      if (kind === 'text' && Math.abs(seen + n - targetIndex) < nearest) {
        nearest = Math.abs(seen + n - targetIndex);
        target = [`item_${code}`, key];
      }
      const section = `s${Math.floor(n / SECTION_SIZE) + 1}`;
      sections[section] ??= {
        type: 'void',
        title: SECTION_TITLES[Math.floor(n / SECTION_SIZE) % SECTION_TITLES.length]!,
        'x-component': 'section',
        properties: {},
      };
      sections[section].properties![key] = field;
    }
    seen += count;
    const properties: FormFields = {
      applicant: { type: 'void', title: '申请人信息', 'x-component': 'section', properties: applicant },
      ...sections,
    };
    return {
      code,
      name: ITEM_NAMES[i]!,
      version: 1,
      materials: [],
      form: { type: 'object', title: `${name}申请表`, properties },
    } as unknown as Item;
  });

  // The keystroke field: a plain text field with a title of its own and room for every typed character.
  const [section, key] = target!;
  const item = items.find((it) => `item_${it.code}` === section)!;
  for (const part of Object.values(item.form.properties)) {
    const field = part.properties?.[key!];
    if (field) Object.assign(field, { title: TARGET_TITLE, maxLength: TARGET_MAX_LENGTH });
  }
  return { items, target: target! };
}
