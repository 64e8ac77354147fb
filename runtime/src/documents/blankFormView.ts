import type {
  Condition,
  DataElement,
  FormField,
  FormFields,
  Item,
  Option,
  PaperInput,
} from '@oneseal/schemas';
import { FIELD_TYPES } from '@oneseal/schemas';
import { fieldOptions } from '../forms/options';
import { breakUnits } from '../text/breakUnits';
import { materialColumns, materialRows } from './guideView';
import type { MaterialColumns, MaterialRow } from './guideView';

/**
 * A label as the words a line may break between (the last one printed with the required mark, unbroken): a label
 * wider than its column wraps between 代理人 / 与 / 申请人 / 关系, never inside a word.
 */
export interface PaperLabel {
  words: string[];
  last: string;
}

export interface PaperField {
  label: PaperLabel;
  required: boolean;
  /** How the field is filled on paper, as its field type says (a group's fields are printed in its place). */
  input: Exclude<PaperInput, 'group'>;
  boxes: number[];
  options: string[];
  columns: string[];
  hint: string;
}

export interface PaperGroup {
  title: string;
  fields: PaperField[];
}

export interface BlankFormView {
  title: string;
  itemName: string;
  body?: string;
  groups: PaperGroup[];
  materials: MaterialRow[];
  columns: MaterialColumns;
}

const OPERATORS: Record<string, string> = {
  eq: '为',
  ne: '不为',
  in: '为',
  notIn: '不为',
  gt: '大于',
  gte: '不小于',
  lt: '小于',
  lte: '不大于',
};

/** The form's fields by key, each with the options it offers (its own, or its data element's). */
type Fields = Map<string, { field: FormField; options: Option[] }>;

/** A condition as a person reads it: “建房类型”为“原址翻建”或“改建、扩建”. */
function describe(condition: Condition, fields: Fields): string {
  if ('all' in condition) return condition.all.map((c) => describe(c, fields)).join('且');
  if ('any' in condition) return condition.any.map((c) => describe(c, fields)).join('或');
  if ('not' in condition) return `不满足（${describe(condition.not, fields)}）`;
  const asked = fields.get(condition.field);
  const name = `“${asked?.field.title ?? condition.field}”`;
  if (condition.op === 'empty') return `${name}未填写`;
  if (condition.op === 'notEmpty') return `${name}已填写`;
  const values = (Array.isArray(condition.value) ? condition.value : [condition.value]).map((v) => {
    const option = asked?.options.find((o) => o.value === v);
    return `“${option?.label ?? (typeof v === 'boolean' ? (v ? '是' : '否') : String(v))}”`;
  });
  return `${name}${OPERATORS[condition.op]}${values.join('或')}`;
}

function paperLabel(title: string): PaperLabel {
  const words = breakUnits(title);
  return { words: words.slice(0, -1), last: words[words.length - 1] ?? '' };
}

/**
 * A table or an attachment is printed as its type says; any other field with options to tick (its own, or its data
 * element's) is a choice; a choice without options is a line to write on.
 */
function inputOf(input: Exclude<PaperInput, 'group'>, options: readonly unknown[]): PaperField['input'] {
  if (input === 'table' || input === 'attachment') return input;
  if (options.length > 0) return 'choice';
  return input === 'choice' ? 'line' : input;
}

function paperField(
  field: FormField,
  input: Exclude<PaperInput, 'group'>,
  options: readonly Option[],
  fields: Fields,
): PaperField {
  const { hint, boxes } = FIELD_TYPES[field['x-component']].paper;
  const hints = [
    hint,
    field.description,
    field['x-component-props']?.unit ? `单位：${field['x-component-props'].unit}` : undefined,
    field['x-visible-when'] ? `${describe(field['x-visible-when'], fields)}时填写` : undefined,
  ].filter(Boolean);
  const printed = inputOf(input, options);
  return {
    label: paperLabel(field.title),
    required: field.required === true,
    input: printed,
    boxes: Array.from({ length: boxes ?? 0 }, (_, i) => i),
    options: options.map((o) => o.label),
    columns: Object.values(field.items?.properties ?? {}).map((c) => c.title),
    hint: hints.join('；'),
  };
}

function collect(properties: FormFields, optionsOf: (field: FormField) => Option[], into: Fields): void {
  for (const [key, field] of Object.entries(properties)) {
    if (field.type !== 'void') into.set(key, { field, options: optionsOf(field) });
    if (field.properties) collect(field.properties, optionsOf, into);
  }
}

/**
 * The application form on paper (the green channel for people who do not use phones): the same fields as online,
 * a choice with the options the online form offers — its own, or its data element's (`dataElements`). An item
 * whose guide states no form has no fields to print, only its materials.
 */
export function blankFormView(item: Item, dataElements: readonly DataElement[]): BlankFormView {
  const elements = new Map(dataElements.map((element) => [element.code, element]));
  const optionsOf = (field: FormField): Option[] => {
    const element = field['x-data-element'];
    return fieldOptions(field, element ? elements.get(element) : undefined) ?? [];
  };
  const properties = item.form?.properties ?? {};
  const fields: Fields = new Map();
  collect(properties, optionsOf, fields);
  // A group inside a group (or an object's fields) is printed in its place: paper has one level of headings.
  const paper = (inner: FormFields): PaperField[] =>
    Object.values(inner).flatMap((field) => {
      const { input } = FIELD_TYPES[field['x-component']].paper;
      if (input === 'group') return paper(field.properties ?? {});
      return [paperField(field, input, optionsOf(field), fields)];
    });
  const groups: PaperGroup[] = [];
  const loose: PaperField[] = [];
  for (const [key, field] of Object.entries(properties)) {
    if (field.type === 'void') groups.push({ title: field.title, fields: paper(field.properties ?? {}) });
    else loose.push(...paper({ [key]: field }));
  }
  if (loose.length > 0) groups.push({ title: '其他信息', fields: loose });
  const materials = materialRows(item);
  return {
    title: item.form?.title ?? `${item.name}申请表`,
    itemName: item.name,
    body: item.implementingBody?.name,
    groups,
    materials,
    columns: materialColumns(materials),
  };
}
