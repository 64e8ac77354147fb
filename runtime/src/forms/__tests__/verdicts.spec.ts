/**
 * The browser and the server must give an application the same verdict. The browser's verdict is Formily's,
 * reached as the portal reaches it (Apply.tsx, FormRenderer.tsx) but without a DOM: the Formily schema from
 * deriveForm, the fields created with the props SchemaField gives them, the answers typed in, `form.validate()`.
 * The server's verdict is ajv's on what the portal submits (`cleanAnswers` of the form's values), as
 * services/submissions.ts checks it. The expected verdict of each row is the rule as this file states it.
 */
import type { Form } from '@formily/core';
import { createForm, setValidateLanguage } from '@formily/core';
import type { ISchema } from '@formily/json-schema';
import { Schema } from '@formily/json-schema';
import { toJS } from '@formily/reactive';
import type { Condition, FormField, FormFields, ItemForm, Option } from '@oneseal/schemas';
import { createAjv, idCardCheckChar, orgCodeCheckChar, toIssues, usccCheckChar } from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import type { DerivedForm } from '../deriveForm';
import { cleanAnswers, withSections } from '../fieldCheck';
import { derivedAsInPortal } from './portalChecks';

setValidateLanguage('zh-CN');

const ajv = createAjv();
const HAN = /\p{Script=Han}/u;

type Values = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------
// The two verdicts
// ---------------------------------------------------------------------------------------------------------

/** Creates the fields as SchemaField's RecursionField does: by type, in x-index order, children at the parent's address. */
function mount(form: Form, schema: Schema, basePath?: Parameters<Form['createField']>[0]['basePath']): void {
  for (const { schema: child, key } of Schema.getOrderProperties(schema) as {
    schema: Schema;
    key: string;
  }[]) {
    const props = { ...child.toFieldProps(), name: key, basePath };
    const field =
      child.type === 'object'
        ? form.createObjectField(props)
        : child.type === 'array'
          ? form.createArrayField(props)
          : child.type === 'void'
            ? form.createVoidField(props)
            : form.createField(props);
    field.onMount();
    if (child.type === 'object' || child.type === 'void') mount(form, child, field.address);
  }
}

interface BrowserVerdict {
  form: Form;
  accepts: boolean;
  /** Data paths of the fields showing an error. */
  paths: string[];
  messages: string[];
  /** What the portal would send: `cleanAnswers(toJS(form.values))`. */
  submitted: Values;
}

async function inBrowser(derived: DerivedForm, values: Values): Promise<BrowserVerdict> {
  const form = createForm({ validateFirst: true });
  mount(form, new Schema(derived.formily as unknown as ISchema));
  // The applicant answers top to bottom, one question after the other.
  for (const [key, value] of Object.entries(structuredClone(values))) form.setValuesIn(key, value);
  let threw = false;
  try {
    await form.validate();
  } catch {
    threw = true;
  }
  const errors = form.errors;
  // validate() rejects exactly when some field shows an error.
  expect(threw).toBe(errors.length > 0);
  return {
    form,
    accepts: errors.length === 0,
    paths: [...new Set(errors.map((e) => String(e.path)))].sort(),
    messages: errors.flatMap((e) => e.messages ?? []),
    submitted: cleanAnswers(toJS(form.values)) as Values,
  };
}

/** The field a server issue is about, as a dotted data path (an issue about a checkbox's item is the checkbox's). */
const fieldOf = (pointer: string) =>
  pointer
    .replace(/^\//, '')
    .split('/')
    .join('.')
    .replace(/(\.\d+)+$/, '');

function onServer(derived: DerivedForm, data: unknown, form: ItemForm) {
  const validate = ajv.compile(derived.validation);
  // As the submissions service does: a section left out counts as an empty one.
  const accepts = validate(withSections(form.properties, data as Record<string, unknown>));
  return { accepts, paths: [...new Set(toIssues(validate.errors).map((i) => fieldOf(i.path)))].sort() };
}

// ---------------------------------------------------------------------------------------------------------
// Valid and invalid codes, computed from their rules
// ---------------------------------------------------------------------------------------------------------

const validId = (first17: string) => first17 + idCardCheckChar(first17);
const ID = validId('45032119700312002');
/** An ID whose check character is X (sequence numbers tried in turn). */
const ID_X = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const first17 = `45032119850615${String(seq).padStart(3, '0')}`;
    if (idCardCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no sequence gives the check character X');
})();
const ID_BAD_CHECK = ID.slice(0, 17) + String((Number(ID[17]) + 1) % 10);
const ID_FEB_30 = validId('45032119900230001');
const USCC = (() => {
  const org = '7A5L8R3K';
  const first17 = `91450321${org}${orgCodeCheckChar(org)}`;
  return first17 + usccCheckChar(first17);
})();
const USCC_BAD_CHECK = USCC.slice(0, 17) + (USCC[17] === '1' ? '2' : '1');

// ---------------------------------------------------------------------------------------------------------
// A purpose-built form with a field of each kind
// ---------------------------------------------------------------------------------------------------------

const option = ([value, label]: [string | boolean, string]): Option => ({ label, value });
const options = (
  first: [string | boolean, string],
  ...rest: [string | boolean, string][]
): [Option, ...Option[]] => [option(first), ...rest.map(option)];

const form = {
  type: 'object',
  title: '核对用申请表',
  properties: {
    applicant: {
      type: 'void',
      title: '申请人',
      'x-component': 'section',
      properties: {
        applicantName: {
          type: 'string',
          title: '姓名',
          required: true,
          minLength: 2,
          maxLength: 10,
          'x-component': 'text',
        },
        idNumber: {
          type: 'string',
          title: '公民身份号码',
          required: true,
          format: 'cn-id-card',
          'x-component': 'id-card',
        },
        mobile: {
          type: 'string',
          title: '手机号码',
          required: true,
          format: 'cn-mobile',
          'x-component': 'mobile',
        },
        groupNo: { type: 'string', title: '村民小组编号', pattern: '^G\\d{3}$', 'x-component': 'text' },
        uscc: { type: 'string', title: '统一社会信用代码', format: 'cn-uscc', 'x-component': 'uscc' },
        postcode: { type: 'string', title: '邮政编码', format: 'cn-postcode', 'x-component': 'text' },
        familySize: {
          type: 'number',
          title: '家庭人口数',
          required: true,
          minimum: 1,
          maximum: 20,
          'x-component': 'number',
        },
        children: {
          type: 'number',
          title: '未成年子女数',
          required: true,
          minimum: 0,
          maximum: 10,
          'x-component': 'number',
        },
      },
    },
    buildType: {
      type: 'string',
      title: '建房类型',
      required: true,
      enum: options(['new', '新建'], ['rebuild', '原址翻建'], ['extend', '改建、扩建']),
      'x-component': 'select',
    },
    originalCertificate: {
      type: 'string',
      title: '原宅基地不动产权证书号',
      required: true,
      'x-component': 'text',
      'x-visible-when': { field: 'buildType', op: 'in', value: ['rebuild', 'extend'] },
    },
    payout: {
      type: 'string',
      title: '补助发放方式',
      enum: options(['bank', '银行卡'], ['cash', '现金']),
      'x-component': 'radio',
    },
    members: {
      type: 'array',
      title: '家庭成员情况',
      required: true,
      enum: options(['elder', '有老年人'], ['disabled', '有残疾人'], ['student', '有在校学生']),
      'x-component': 'checkbox',
    },
    disabilityCertNo: {
      type: 'string',
      title: '残疾人证号',
      required: true,
      pattern: '^\\d{17}[\\dX][1-7][1-4]$',
      'x-component': 'text',
      'x-visible-when': { field: 'members', op: 'eq', value: 'disabled' },
    },
    startDate: { type: 'string', title: '拟开工日期', format: 'date', 'x-component': 'date' },
    byAgent: {
      type: 'boolean',
      title: '是否委托代理人',
      required: true,
      enum: options([true, '是'], [false, '否']),
      'x-component': 'radio',
    },
    agent: {
      type: 'void',
      title: '代理人',
      'x-component': 'section',
      'x-visible-when': { field: 'byAgent', op: 'eq', value: true },
      properties: {
        agentName: { type: 'string', title: '代理人姓名', required: true, 'x-component': 'text' },
        agentMobile: {
          type: 'string',
          title: '代理人手机号码',
          required: true,
          format: 'cn-mobile',
          'x-component': 'mobile',
        },
      },
    },
    site: {
      type: 'object',
      title: '用地情况',
      'x-component': 'section',
      properties: {
        location: { type: 'string', title: '位置', required: true, maxLength: 50, 'x-component': 'text' },
        area: {
          type: 'number',
          title: '面积',
          required: true,
          minimum: 10,
          maximum: 150,
          'x-component': 'number',
        },
        extendArea: {
          type: 'number',
          title: '扩建面积',
          required: true,
          minimum: 1,
          maximum: 50,
          'x-component': 'number',
          'x-visible-when': { field: 'buildType', op: 'eq', value: 'extend' },
        },
      },
    },
    largeSiteReason: {
      type: 'string',
      title: '面积超过 120 平方米的理由',
      required: true,
      'x-component': 'textarea',
      'x-visible-when': { field: 'site.area', op: 'gte', value: 120 },
    },
  },
} satisfies ItemForm;

/** Every question answered, in the form's order (a condition's field before the fields it shows). */
const complete: Values = {
  applicantName: '莫桂芳',
  idNumber: ID,
  mobile: '13907731234',
  groupNo: 'G012',
  uscc: USCC,
  postcode: '541900',
  familySize: 4,
  children: 1,
  buildType: 'new',
  payout: 'bank',
  members: ['elder'],
  startDate: '2025-03-01',
  byAgent: false,
  site: { location: '矮山门村 12 号东侧', area: 100 },
};

const GONE = Symbol('left out');

/** The complete answers with some changed; `GONE` leaves one out. Paths are dotted. */
function answers(change: Record<string, unknown>): Values {
  const values = structuredClone(complete);
  for (const [path, value] of Object.entries(change)) {
    const keys = path.split('.');
    let target = values;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Values;
    if (value === GONE) delete target[keys.at(-1)!];
    else target[keys.at(-1)!] = value;
  }
  return values;
}

interface Row {
  name: string;
  change: Record<string, unknown>;
  verdict: 'accept' | 'refuse';
  /** For a refusal: the data paths both sides point at. */
  at?: string[];
  /** Field addresses and whether they are shown. */
  shown?: Record<string, boolean>;
  /** Answers of hidden fields that the portal leaves out of what it submits. */
  dropped?: string[];
}

const accept = (name: string, change: Record<string, unknown>, more: Partial<Row> = {}): Row => ({
  name,
  change,
  verdict: 'accept',
  ...more,
});
const refuse = (
  name: string,
  change: Record<string, unknown>,
  at: string[],
  more: Partial<Row> = {},
): Row => ({
  name,
  change,
  verdict: 'refuse',
  at,
  ...more,
});
const optional = { groupNo: GONE, uscc: GONE, postcode: GONE, payout: GONE, startDate: GONE };

const rows: Row[] = [
  accept('every question answered', {}),
  accept('only the required questions answered', optional),
  // required text with a length
  refuse('a required text left out', { applicantName: GONE }, ['applicantName']),
  refuse('a required text left empty', { applicantName: '' }, ['applicantName']),
  refuse('a text shorter than its minimum', { applicantName: '莫' }, ['applicantName']),
  accept('a text exactly at its minimum', { applicantName: '莫芳' }),
  accept('a text exactly at its maximum', { applicantName: '欧阳桂芳欧阳桂芳欧阳' }),
  refuse('a text longer than its maximum', { applicantName: '欧阳桂芳欧阳桂芳欧阳芳' }, ['applicantName']),
  // pattern
  refuse('a pattern with a lowercase letter where it asks uppercase', { groupNo: 'g012' }, ['groupNo']),
  refuse('a pattern with a digit too many', { groupNo: 'G0123' }, ['groupNo']),
  accept('an optional pattern field left empty', { groupNo: '' }),
  // cn-id-card
  accept('an ID number whose check character is X', { idNumber: ID_X }),
  refuse('an ID number with a lowercase x', { idNumber: ID_X.toLowerCase() }, ['idNumber']),
  refuse('an ID number with a wrong check character', { idNumber: ID_BAD_CHECK }, ['idNumber']),
  refuse('an ID number born on 1990-02-30', { idNumber: ID_FEB_30 }, ['idNumber']),
  refuse('an ID number of 17 digits', { idNumber: ID.slice(0, 17) }, ['idNumber']),
  refuse('an ID number left out', { idNumber: GONE }, ['idNumber']),
  // cn-mobile
  refuse('a mobile of five digits', { mobile: '12345' }, ['mobile']),
  refuse('a mobile starting with 2', { mobile: '23907731234' }, ['mobile']),
  refuse('a mobile starting with 12', { mobile: '12907731234' }, ['mobile']),
  accept('a mobile starting with 199', { mobile: '19912345678' }),
  // cn-uscc, cn-postcode
  refuse('a USCC with a wrong check character', { uscc: USCC_BAD_CHECK }, ['uscc']),
  refuse('a USCC of 17 characters', { uscc: USCC.slice(0, 17) }, ['uscc']),
  refuse('a postcode starting with 0', { postcode: '041900' }, ['postcode']),
  refuse('a postcode of five digits', { postcode: '54190' }, ['postcode']),
  // number with a range
  refuse('a number below its minimum', { familySize: 0 }, ['familySize']),
  accept('a number at its minimum', { familySize: 1 }),
  accept('a number at its maximum', { familySize: 20 }),
  refuse('a number above its maximum', { familySize: 21 }, ['familySize']),
  accept('zero where zero is allowed (an answer, not an empty one)', { children: 0 }),
  refuse('a required number left out', { children: GONE }, ['children']),
  // select and radio
  refuse('a select value that is not an option', { buildType: 'demolish' }, ['buildType']),
  refuse('a radio value that is not an option', { payout: 'wechat' }, ['payout']),
  accept('the other radio option', { payout: 'cash' }),
  refuse('a required select left out', { buildType: GONE }, ['buildType']),
  // checkbox
  accept('two checkbox options', { members: ['elder', 'student'] }),
  refuse('a checkbox value that is not an option', { members: ['elder', 'alien'] }, ['members']),
  refuse('a required checkbox with nothing ticked', { members: [] }, ['members']),
  // date
  accept('29 February of a leap year', { startDate: '2024-02-29' }),
  refuse('29 February of a common year', { startDate: '2023-02-29' }, ['startDate']),
  refuse('a date written with slashes', { startDate: '2025/03/01' }, ['startDate']),
  // boolean radio
  refuse('a required yes/no left out', { byAgent: GONE }, ['byAgent']),
  accept('“no” to a required yes/no (false is an answer)', { byAgent: false }),
  // a field shown only when a condition holds
  refuse('a shown conditional field left out', { buildType: 'rebuild' }, ['originalCertificate'], {
    shown: { originalCertificate: true },
  }),
  accept(
    'a shown conditional field answered',
    { buildType: 'rebuild', originalCertificate: '桂(2019)阳朔县不动产权第0001234号' },
    { shown: { originalCertificate: true } },
  ),
  accept(
    'a hidden conditional field left out',
    { buildType: 'new' },
    { shown: { originalCertificate: false } },
  ),
  refuse(
    'a condition on a checkbox: shown and left out',
    { members: ['elder', 'disabled'] },
    ['disabilityCertNo'],
    {
      shown: { disabilityCertNo: true },
    },
  ),
  accept(
    'a condition on a checkbox: shown and answered',
    { members: ['disabled'], disabilityCertNo: `${ID}11` },
    { shown: { disabilityCertNo: true } },
  ),
  refuse(
    'a condition on a checkbox: shown and answered badly',
    { members: ['disabled'], disabilityCertNo: `${ID}81` },
    ['disabilityCertNo'],
  ),
  accept(
    'a condition on a checkbox: hidden',
    { members: ['student'] },
    { shown: { disabilityCertNo: false } },
  ),
  // a section shown only when a condition holds
  refuse(
    'a shown section with its required fields left out',
    { byAgent: true },
    ['agentMobile', 'agentName'],
    {
      shown: { agent: true, 'agent.agentName': true },
    },
  ),
  accept('a shown section answered', { byAgent: true, agentName: '莫小军', agentMobile: '13607731234' }),
  refuse('a shown section with a bad answer', { byAgent: true, agentName: '莫小军', agentMobile: '12345' }, [
    'agentMobile',
  ]),
  accept(
    'a hidden section left empty',
    { byAgent: false },
    { shown: { agent: false, 'agent.agentName': false } },
  ),
  accept(
    'a hidden section with a bad answer typed in earlier (the portal drops it)',
    { byAgent: false, agentName: '莫小军', agentMobile: '12345' },
    { shown: { agent: false, 'agent.agentMobile': false }, dropped: ['agentName', 'agentMobile'] },
  ),
  // fields inside an object section
  refuse('a required field of an object section left out', { 'site.location': GONE }, ['site.location']),
  refuse('a number of an object section below its minimum', { 'site.area': 5 }, ['site.area']),
  accept(
    'a number of an object section under the condition’s threshold',
    { 'site.area': 119 },
    {
      shown: { largeSiteReason: false },
    },
  ),
  refuse('a condition on a field inside an object section: shown, left out', { 'site.area': 120 }, [
    'largeSiteReason',
  ]),
  accept(
    'a condition on a field inside an object section: shown, answered',
    { 'site.area': 150, largeSiteReason: '家庭人口多' },
    { shown: { largeSiteReason: true } },
  ),
  refuse(
    'a number of an object section above its maximum',
    { 'site.area': 151, largeSiteReason: '家庭人口多' },
    ['site.area'],
  ),
  refuse(
    'a conditional field inside an object section: shown, left out',
    { buildType: 'extend', originalCertificate: '桂(2019)阳朔县不动产权第0001234号' },
    ['site.extendArea'],
    { shown: { 'site.extendArea': true } },
  ),
  accept('a conditional field inside an object section: shown, answered', {
    buildType: 'extend',
    originalCertificate: '桂(2019)阳朔县不动产权第0001234号',
    'site.extendArea': 30,
  }),
  refuse('an object section with required fields left out entirely', { site: GONE }, [
    'site.area',
    'site.location',
  ]),
  refuse('an object section left empty', { site: {} }, ['site.area', 'site.location']),
];

describe('the browser and the server give a purpose-built form the same verdicts', () => {
  const derived = derivedAsInPortal(form);

  it('has a table of at least 40 rows, each over a form the model accepts', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(() => ajv.compile(derived.validation)).not.toThrow();
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const values = answers(row.change);
    const browser = await inBrowser(derived, values);
    const server = onServer(derived, browser.submitted, form);

    expect({ browser: browser.accepts, server: server.accepts }).toEqual({
      browser: row.verdict === 'accept',
      server: row.verdict === 'accept',
    });
    if (row.verdict === 'refuse') {
      expect({ browser: browser.paths, server: server.paths }).toEqual({
        browser: [...row.at!].sort(),
        server: [...row.at!].sort(),
      });
      expect(browser.messages.length).toBeGreaterThan(0);
      for (const message of browser.messages) expect(message).toMatch(HAN);
    }
    for (const [address, visible] of Object.entries(row.shown ?? {}))
      expect({ address, visible: browser.form.query(address).take()?.visible }).toEqual({ address, visible });
    // The server judged the answers of the row (less the hidden answers the portal leaves out).
    const expected = answers({
      ...row.change,
      ...Object.fromEntries((row.dropped ?? []).map((p) => [p, GONE])),
    });
    expect(browser.submitted).toEqual(cleanAnswers(expected));
  });
});

// ---------------------------------------------------------------------------------------------------------
// The seed forms: a complete valid answer set and a broken one, generated from each form
// ---------------------------------------------------------------------------------------------------------

interface Leaf {
  path: string;
  field: FormField;
  /** Shown only under a condition (its own or a container's). */
  conditional: boolean;
}

function leaves(fields: FormFields, prefix = '', conditional = false, out: Leaf[] = []): Leaf[] {
  for (const [key, field] of Object.entries(fields)) {
    const when: Condition | undefined = field['x-visible-when'];
    const hidden = conditional || when !== undefined;
    const path = field.type === 'void' ? prefix : prefix ? `${prefix}.${key}` : key;
    if (field.type === 'void' || field.type === 'object') leaves(field.properties ?? {}, path, hidden, out);
    else out.push({ path, field, conditional: hidden });
  }
  return out;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'cn-id-card': ID,
  'cn-mobile': '13907731234',
  'cn-phone': '0773-8822123',
  'cn-uscc': USCC,
  'cn-postcode': '541900',
  'cn-division-code': '450321100',
  date: '2025-03-01',
  email: 'mo.guifang@example.com',
};
/** Candidates for fields with a pattern: the first that matches the pattern and the lengths is used. */
const PATTERN_EXAMPLES = [
  'G012',
  'A123456789',
  '6222020200112233445',
  `${ID}11`,
  `${ID}32B1`,
  '123456',
  '填写内容',
];

const fits = (field: FormField, text: string) =>
  [...text].length >= (field.minLength ?? 0) && [...text].length <= (field.maxLength ?? Infinity);

/** A valid answer to one field, by its own rules; undefined for what is not asked by value (uploads). */
function goodAnswer(field: FormField): unknown {
  if (field.type === 'array') return field.enum ? [field.enum[0].value] : undefined;
  if (field.enum) return field.enum[0].value;
  if (field.type === 'boolean') return true;
  if (field.type === 'number') return Math.min(Math.max(field.minimum ?? 1, 1), field.maximum ?? Infinity);
  if (field.format) return FORMAT_EXAMPLES[field.format];
  if (field.pattern) {
    const example = PATTERN_EXAMPLES.find((e) => new RegExp(field.pattern!, 'u').test(e) && fits(field, e));
    if (!example) throw new Error(`no example answer matches the pattern ${field.pattern}`);
    return example;
  }
  const text = '阳朔县阳朔镇矮山门村十二号'.repeat(Math.ceil((field.minLength ?? 1) / 13));
  return [...text].slice(0, Math.min(field.maxLength ?? 13, Math.max(field.minLength ?? 13, 13))).join('');
}

/** An answer the field's rules refuse, or undefined when it takes any answer of its type. */
function badAnswer(field: FormField): unknown {
  if (field.type === 'array') return field.enum ? ['不在选项中'] : undefined;
  if (field.enum) return '不在选项中';
  if (field.type === 'number') {
    if (field.maximum !== undefined) return field.maximum + 1;
    if (field.minimum !== undefined) return field.minimum - 1;
    return undefined;
  }
  if (field.format === 'date') return '2023-02-29';
  if (field.format) return '12345';
  if (field.pattern) return '？';
  if (field.maxLength !== undefined) return '字'.repeat(field.maxLength + 1);
  if (field.minLength !== undefined && field.minLength > 1) return '字';
  return undefined;
}

function setAt(values: Values, path: string, value: unknown) {
  const keys = path.split('.');
  let target = values;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Values;
  if (value === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = value;
}

describe('the browser and the server give the seed forms the same verdicts', () => {
  const seeds = loadSeedCatalogue();
  // Every seed base item states its form; one that did not would drop out here and fail the count below.
  const cases = seeds.baseItems.flatMap((b) => (b.form ? [[`${b.code} ${b.name}`, b.form] as const] : []));

  it('covers every seed base item', () => {
    expect(cases.length).toBe(seeds.baseItems.length);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: a complete valid answer set is accepted by both', async (_name, itemForm) => {
    const derived = derivedAsInPortal(itemForm);
    const values: Values = {};
    for (const leaf of leaves(itemForm.properties)) setAt(values, leaf.path, goodAnswer(leaf.field));
    // Valid answers to every question, hidden ones included: the server takes even what the portal drops.
    expect(onServer(derived, values, itemForm)).toEqual({ accepts: true, paths: [] });
    const browser = await inBrowser(derived, values);
    expect(browser.paths).toEqual([]);
    expect(browser.accepts).toBe(true);
    expect(onServer(derived, browser.submitted, itemForm)).toEqual({ accepts: true, paths: [] });
  });

  it.each(cases)(
    '%s: a broken answer set is refused by both, at the same fields',
    async (_name, itemForm) => {
      const derived = derivedAsInPortal(itemForm);
      const all = leaves(itemForm.properties);
      const values: Values = {};
      for (const leaf of all) setAt(values, leaf.path, goodAnswer(leaf.field));
      const plain = all.filter((l) => !l.conditional);
      // A required question left out (one without a default, which the browser would fill in) …
      const missing = plain.find((l) => l.field.required && l.field.default === undefined);
      // … and another answered against its rules.
      const wrong = plain.find((l) => l !== missing && badAnswer(l.field) !== undefined);
      expect(missing ?? wrong).toBeDefined();
      if (missing) setAt(values, missing.path, undefined);
      if (wrong) setAt(values, wrong.path, badAnswer(wrong.field));
      const at = [missing?.path, wrong?.path].filter((p): p is string => p !== undefined).sort();

      const browser = await inBrowser(derived, values);
      const server = onServer(derived, browser.submitted, itemForm);
      expect({ browser: browser.accepts, server: server.accepts }).toEqual({ browser: false, server: false });
      expect({ browser: browser.paths, server: server.paths }).toEqual({ browser: at, server: at });
      for (const message of browser.messages) expect(message).toMatch(HAN);
    },
  );
});
