import type {
  BaseItem,
  CodeListName,
  Contact,
  ContactKind,
  ItemImplementation,
  MaterialRequirement,
  MaterialSelection,
} from '@oneseal/schemas';
import { codeLabel, codeOptions, formatTimeLimit } from '@oneseal/schemas';

/**
 * The one description of the implementation-list workbook: its sheets and columns, how a model value becomes
 * a cell and a cell a model value. Export and import both read this table, so they never disagree on a header,
 * a label or a field.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SHEETS = {
  items: '事项',
  materials: '申请材料',
  codes: '代码表',
  guide: '填写说明',
} as const;

/** A cell once read: trimmed text (never empty), a number or a boolean; null when blank. */
export type CellValue = string | number | boolean | null;

/** A value of the model a column stands for. */
export type Value = string | number | boolean | string[];

export type Kind =
  | { type: 'text' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'code'; list: CodeListName }
  | { type: 'codes'; list: CodeListName }
  | { type: 'list' };

/** What a column means beyond its field: the row's identity, or information shown and never read back. */
export type Role = 'township' | 'item' | 'material' | 'revision' | 'info';

export interface Column<T, C> {
  header: string;
  width: number;
  kind: Kind;
  role?: Role;
  /** Shown in the header's note. */
  note?: string;
  /** JSON Pointer of the field in the target, for naming the column of a change or a validation issue. */
  path?: string;
  /**
   * Several columns read one list (the contacts): a change is reported by the column's value, since the list's
   * indexes say nothing about which column changed it.
   */
  byValue?: boolean;
  /** The value shown for the target (for `info` columns, computed from the context). */
  get(target: T, context: C): Value | undefined;
  /** Sets (or, with undefined, clears) the field; only fields a township may set have a setter. */
  set?(target: T, value: Value | undefined): void;
}

// ---------------------------------------------------------------------------------------------------------
// JSON Pointer access, with empty optional objects dropped when their last field is cleared

type Json = Record<string, unknown>;
const segments = (path: string) => path.split('/').slice(1);

function getAt(target: unknown, path: string): unknown {
  let node = target;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function setAt(target: Json, path: string, value: unknown): void {
  const keys = segments(path);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

function deleteAt(target: Json, path: string): void {
  const keys = segments(path);
  const parents: Json[] = [target];
  for (const key of keys.slice(0, -1)) {
    const next = parents[parents.length - 1]![key];
    if (next === null || typeof next !== 'object') return;
    parents.push(next as Json);
  }
  delete parents[parents.length - 1]![keys[keys.length - 1]!];
  // An optional group (帮办代办, 就近办…) whose every field was cleared goes away as a whole.
  for (let i = parents.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]!).length > 0) break;
    delete parents[i - 1]![keys[i - 1]!];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Cells ⇄ values

const YES = '是';
const NO = '否';
/** Separators accepted between the labels of a multi-valued cell; export writes the first. */
const SEPARATOR = '、';
const SEPARATORS = /[、,，;；\n]+/;

/** The labels of a code list, or 是/否, offered in a dropdown; undefined for kinds without one. */
export function optionsOf(kind: Kind): string[] | undefined {
  if (kind.type === 'boolean') return [YES, NO];
  if (kind.type === 'code') return codeOptions(kind.list).map((o) => o.label);
  return undefined;
}

export function toCell(kind: Kind, value: Value | undefined): CellValue {
  if (value === undefined) return null;
  switch (kind.type) {
    case 'boolean':
      return value === true ? YES : value === false ? NO : String(value);
    case 'code':
      return codeLabel(kind.list, String(value)) ?? String(value);
    case 'codes':
      return (Array.isArray(value) ? value : [String(value)])
        .map((v) => codeLabel(kind.list, v) ?? v)
        .join(SEPARATOR);
    case 'list':
      return Array.isArray(value) ? value.join(SEPARATOR) : String(value);
    default:
      return Array.isArray(value) ? value.join(SEPARATOR) : value;
  }
}

export type Parsed = { value: Value | undefined } | { error: string };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** A cell back to a model value, or the zh reason it cannot be one (the message names the column). */
export function fromCell(kind: Kind, cell: CellValue, header: string): Parsed {
  if (cell === null) return { value: undefined };
  const text = String(cell).trim();
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  switch (kind.type) {
    case 'text':
      return { value: text };
    case 'integer':
    case 'number': {
      const n = typeof cell === 'number' ? cell : NUMBER.test(text) ? Number(text) : NaN;
      const what = kind.type === 'integer' ? '整数' : '数字';
      if (!Number.isFinite(n)) return { error: `“${header}”应为${what}，“${shown}”不是${what}` };
      if (kind.type === 'integer' && !Number.isInteger(n))
        return { error: `“${header}”应为整数，${n} 不是整数` };
      if (n < kind.min || n > kind.max)
        return { error: `“${header}”应在 ${kind.min} 到 ${kind.max} 之间，${n} 超出范围` };
      return { value: n };
    }
    case 'boolean':
      if (cell === true || text === YES) return { value: true };
      if (cell === false || text === NO) return { value: false };
      return { error: `“${header}”应填“${YES}”或“${NO}”，不能填“${shown}”` };
    case 'code': {
      const found = codeOptions(kind.list).find((o) => o.label === text);
      return found ? { value: found.value } : { error: badLabel(kind.list, header, shown) };
    }
    case 'codes': {
      const labels = text
        .split(SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean);
      const values: string[] = [];
      for (const label of labels) {
        const found = codeOptions(kind.list).find((o) => o.label === label);
        if (!found) return { error: badLabel(kind.list, header, label) };
        if (!values.includes(found.value)) values.push(found.value);
      }
      return { value: values };
    }
    case 'list':
      return {
        value: text
          .split(SEPARATORS)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}

function badLabel(list: CodeListName, header: string, label: string): string {
  const allowed = codeOptions(list).map((o) => o.label);
  return `“${label}”不是“${header}”的可选值，应为：${allowed.join('、')}`;
}

/** Deep equality of two model values; an empty list is the same as none (both export as a blank cell). */
export function sameValue(a: unknown, b: unknown): boolean {
  const plain = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

// ---------------------------------------------------------------------------------------------------------
// The items sheet: one row per item of the township's list

export interface ItemContext {
  regionCode: string;
  name: string;
  status: string;
  revision: number;
  base: BaseItem | undefined;
}
export type ItemColumn = Column<ItemImplementation, ItemContext>;

const TEXT: Kind = { type: 'text' };
const BOOLEAN: Kind = { type: 'boolean' };
const code = (list: CodeListName): Kind => ({ type: 'code', list });

/** A column for the field at `path` of the implementation. */
function field(header: string, path: string, kind: Kind, width: number, note?: string): ItemColumn {
  return {
    header,
    width,
    kind,
    path,
    ...(note ? { note } : {}),
    get: (doc) => getAt(doc, path) as Value | undefined,
    set: (doc, value) =>
      value === undefined
        ? deleteAt(doc as unknown as Json, path)
        : setAt(doc as unknown as Json, path, value),
  };
}

/**
 * A column for one contact of the list: the first phone (or other channel) of a use. Setting it edits that
 * contact, adds one when the list has none of that use, and drops it once it holds nothing.
 */
function contactField(
  header: string,
  kind: ContactKind,
  key: 'phone' | 'channel',
  note?: string,
): ItemColumn {
  const find = (doc: ItemImplementation) => (doc.contacts ?? []).find((c) => c.kind === kind && c[key]);
  return {
    header,
    width: key === 'phone' ? 15 : 20,
    kind: TEXT,
    path: '/contacts',
    byValue: true,
    ...(note ? { note } : {}),
    get: (doc) => find(doc)?.[key],
    set: (doc, value) => {
      const contacts = [...(doc.contacts ?? [])];
      const found = find(doc);
      if (value === undefined) {
        if (!found) return;
        const rest: Contact = { ...found };
        delete rest[key];
        const index = contacts.indexOf(found);
        if (rest.phone || rest.channel) contacts[index] = rest;
        else contacts.splice(index, 1);
      } else if (found) contacts[contacts.indexOf(found)] = { ...found, [key]: String(value) };
      else contacts.push({ kind, [key]: String(value) });
      if (contacts.length > 0) doc.contacts = contacts;
      else delete doc.contacts;
    },
  };
}

function info(header: string, width: number, get: (c: ItemContext) => Value | undefined): ItemColumn {
  return {
    header,
    width,
    kind: TEXT,
    role: 'info',
    note: '只读：供参考，导入时不读取',
    get: (_d, c) => get(c),
  };
}

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  {
    header: '乡镇（街道）代码',
    width: 12,
    kind: TEXT,
    role: 'township',
    note: '只读：导入时须与导入的乡镇（街道）一致',
    get: (_d, c) => c.regionCode,
  },
  {
    header: '事项编码',
    width: 13,
    kind: TEXT,
    role: 'item',
    note: '按事项编码对应清单中的事项，请勿修改',
    get: (d) => d.baseCode,
  },
  info('事项名称', 30, (c) => c.name),
  info('状态', 8, (c) => codeLabel('ItemStatus', c.status) ?? c.status),
  info('法定办结时限（基本目录）', 14, (c) =>
    c.base?.statutoryLimit ? formatTimeLimit(c.base.statutoryLimit) : undefined,
  ),
  info('最多到现场次数（基本目录）', 12, (c) => c.base?.maxVisits),
  field('实施编码', '/implementationCode', TEXT, 30),
  field('实施主体', '/implementingBody/name', TEXT, 22),
  field('实施主体统一社会信用代码', '/implementingBody/uscc', TEXT, 22),
  field('实施主体性质', '/implementingBody/nature', code('BodyNature'), 12),
  field('承办机构', '/implementingBody/department', TEXT, 20),
  field('决定机构', '/decisionBody', TEXT, 16, '与实施主体不同时填写'),
  field('权力来源', '/powerSource', code('PowerSource'), 14),
  field(
    '承诺办结时限',
    '/promisedLimit/value',
    { type: 'number', min: 0.5, max: 3650 },
    10,
    '天数（与单位一起填写）；不得超过法定办结时限；即办的事项此处留空，在“承诺时限无天数”中选“即办”',
  ),
  field('承诺时限单位', '/promisedLimit/unit', code('TimeUnit'), 12),
  field('承诺时限无天数', '/promisedLimit/none', code('NoLimit'), 12, '即办，或法律未规定时限'),
  field('承诺时限说明', '/promisedLimit/note', TEXT, 20),
  field('办件类型', '/caseType', code('CaseType'), 10),
  field(
    '办理形式',
    '/handlingForms',
    { type: 'codes', list: 'HandlingForm' },
    30,
    `可填多个，用“、”分隔：${codeOptions('HandlingForm')
      .map((o) => o.label)
      .join('、')}`,
  ),
  field('到办事现场次数', '/visits', { type: 'integer', min: 0, max: 10 }, 10, '整数 0–10；不得多于基本目录'),
  field('必须现场办理原因', '/visitReason', TEXT, 24),
  field('网上办理', '/online/available', BOOLEAN, 8),
  field('网上办理地址', '/online/url', TEXT, 30),
  field('网上办理深度', '/online/depth', code('OnlineDepth'), 22),
  field('进驻政务服务大厅', '/inHall', BOOLEAN, 10),
  field('支持预约办理', '/appointment', BOOLEAN, 10),
  field('支持物流快递', '/express', BOOLEAN, 10),
  field('支持网上支付', '/onlinePayment', BOOLEAN, 10),
  field('支持自助终端办理', '/selfServiceTerminal', BOOLEAN, 10),
  field('通办范围', '/handlingScope', code('HandlingScope'), 12),
  field('办理地点', '/place', TEXT, 30),
  field('办理时间', '/hours', TEXT, 40),
  contactField('咨询电话', 'consult', 'phone', '固定电话（本地号码可不带区号，如 8865553）或手机号码'),
  contactField('投诉电话', 'complaint', 'phone', '固定电话（本地号码可不带区号）或手机号码'),
  contactField('其他咨询途径', 'consult', 'channel'),
  contactField('其他投诉渠道', 'complaint', 'channel'),
  field('办件结果公开查询方式', '/publicQuery', TEXT, 30),
  field('帮办代办', '/proxy/available', BOOLEAN, 8, '不提供帮办代办时，本组四列可全部留空'),
  field('村（社区）可代办', '/proxy/atVillage', BOOLEAN, 10),
  field('代办联系方式', '/proxy/contact', TEXT, 20),
  field('代办说明', '/proxy/note', TEXT, 24),
  field(
    '就近办：全部村（社区）可办',
    '/nearby/allVillages',
    BOOLEAN,
    12,
    '不提供就近办时，本组三列可全部留空',
  ),
  field(
    '就近办：可办村（社区）代码',
    '/nearby/villages',
    { type: 'list' },
    24,
    '12 位村（社区）代码，多个用“、”分隔',
  ),
  field('就近办说明', '/nearby/note', TEXT, 24),
  field('排列顺序', '/order', { type: 'integer', min: 0, max: 100000 }, 8),
  {
    header: '修订号（系统用，请勿修改）',
    width: 12,
    kind: { type: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER },
    role: 'revision',
    note: '导出时事项的修订号。导入时若事项已被他人修改，该行不予导入，请重新导出',
    get: (_d, c) => c.revision,
  },
];

// ---------------------------------------------------------------------------------------------------------
// The materials sheet: one row per item and material the township asks for

export interface MaterialContext {
  itemCode: string;
  itemName: string;
  /** The base item's requirement for this material (absent for a material the base item does not list). */
  standard: MaterialRequirement | undefined;
  materialName: string | undefined;
}
export type MaterialColumn = Column<MaterialSelection, MaterialContext>;

/**
 * A requirement the township may lighten: shown as it applies (the township's choice, or else the base item's
 * standard); a cell left as shown changes nothing, a cleared cell falls back to the standard.
 */
function requirement(
  header: string,
  key: 'form' | 'originals' | 'copies' | 'necessity' | 'source' | 'notes',
  kind: Kind,
  width: number,
  note?: string,
): MaterialColumn {
  return {
    header,
    width,
    kind,
    path: `/${key}`,
    ...(note ? { note } : {}),
    get: (sel, c) => (sel[key] ?? c.standard?.[key]) as Value | undefined,
    set: (sel, value) => {
      if (value === undefined) delete sel[key];
      else (sel as unknown as Json)[key] = value;
    },
  };
}

/** What the base item states of a material's requirement; '' when it states none. */
function standardText(s: MaterialRequirement): string {
  return [
    s.form && codeLabel('MaterialForm', s.form),
    s.originals !== undefined && `原件 ${s.originals} 份`,
    s.copies !== undefined && `复印件 ${s.copies} 份`,
    s.necessity && codeLabel('MaterialNecessity', s.necessity),
  ]
    .filter(Boolean)
    .join('，');
}

export const MATERIAL_COLUMNS: readonly MaterialColumn[] = [
  { header: '事项编码', width: 13, kind: TEXT, role: 'item', get: (_s, c) => c.itemCode },
  {
    header: '事项名称',
    width: 26,
    kind: TEXT,
    role: 'info',
    note: '只读：供参考，导入时不读取',
    get: (_s, c) => c.itemName,
  },
  {
    header: '材料编码',
    width: 18,
    kind: TEXT,
    role: 'material',
    note: '材料库编码，只能取基本目录列出的材料；删除一行即不再收取该材料',
    get: (sel) => sel.material,
  },
  {
    header: '材料名称',
    width: 30,
    kind: TEXT,
    role: 'info',
    note: '只读：供参考，导入时不读取',
    get: (sel, c) => c.standard?.name ?? c.materialName ?? sel.material,
  },
  {
    header: '基本目录要求',
    width: 30,
    kind: TEXT,
    role: 'info',
    note: '只读：本乡镇只能减轻，不能加重',
    get: (_s, c) => (c.standard ? standardText(c.standard) || undefined : undefined),
  },
  requirement('材料形式', 'form', code('MaterialForm'), 14),
  requirement('原件份数', 'originals', { type: 'integer', min: 0, max: 99 }, 8),
  requirement('复印件份数', 'copies', { type: 'integer', min: 0, max: 99 }, 8),
  requirement('必要性', 'necessity', code('MaterialNecessity'), 16),
  requirement('来源渠道', 'source', code('MaterialSource'), 14),
  requirement('填报须知', 'notes', TEXT, 30),
];

/** The column whose field is `path`, lies under it, or holds it (for naming the column of an issue). */
export function columnAt<T extends { path?: string }>(columns: readonly T[], path: string): T | undefined {
  return (
    columns.find((c) => c.path === path) ??
    columns.find((c) => c.path?.startsWith(`${path}/`)) ??
    columns.find((c) => c.path !== undefined && path.startsWith(`${c.path}/`))
  );
}

/** The header cell text as read: whitespace and line breaks removed. */
export const normalizeHeader = (text: string) => text.replace(/\s+/g, '');
