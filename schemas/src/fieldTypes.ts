// The field-type registry: each FieldComponent of the code list declared once, with everything Node and the browser
// need to know about it without React — the answer's type and format, what a new field starts with, where the
// palette shows it, how paper prints it, how views mask it and which properties the designer offers. The React
// half (the control that edits an answer, the palette icon) is `runtime/web/renderer/fieldTypes.tsx`, typed by the
// same FieldComponent union, so a type missing there does not compile either.
import { codeLabel } from './codeLists';
import type { FieldComponent, FieldFormat, FormField } from './generated/types';

/** How paper asks for the answer: boxes hold one character each (ID number, mobile, credit code). */
export type PaperInput = 'line' | 'lines' | 'choice' | 'table' | 'attachment' | 'boxes' | 'date' | 'group';

export interface PaperRendering {
  input: PaperInput;
  /** How many boxes (`input: 'boxes'`). */
  boxes?: number;
  /** Printed under the field, before the field's own description. */
  hint?: string;
}

/** The display properties (`x-component-props`) the designer's property panel can set. */
export type ComponentProp = keyof NonNullable<FormField['x-component-props']>;

export type PaletteGroup = 'basic' | 'layout';

export interface FieldType {
  /**
   * The JSON type of the answer. A `string` answer becomes a number or boolean when the data element a field is
   * bound to says so (a text box can hold 面积 in square metres).
   */
  value: 'string' | 'number' | 'array' | 'void';
  /** The format every answer must have (the server's ajv checks it; views mask it when `mask` says so). */
  format?: FieldFormat;
  /** The citizen chooses among options: a new field gets two, the property panel edits them. */
  options?: true;
  /** Holds other fields: a group (section, step; no data level) or the rows of a repeating table. */
  layout?: 'group' | 'rows';
  /** Where the designer lets it go: only at the form's top level, or anywhere but a table's columns. */
  placement?: 'top' | 'outside-rows';
  /** What a new field of this type starts with, besides its type, title, format and options. */
  defaults?: Pick<FormField, 'x-component-props'>;
  /** Stem of the keys the designer makes up for a new field (idCard_1): an identifier. */
  keyStem: string;
  palette: { group: PaletteGroup };
  paper: PaperRendering;
  /** 'number': shown as its start and last four digits wherever a view must not show the whole answer. */
  mask?: 'number';
  /** An upload's files are handed in at the counter: the answer is not printed with the application. */
  answered: boolean;
  /** What the property panel offers: validation rules (format, length, range, how many) and display properties. */
  editors: { rules: boolean; props: readonly ComponentProp[] };
}

/** In palette order: the code list's order, with the layouts last. */
export const FIELD_TYPES: Readonly<Record<FieldComponent, FieldType>> = {
  text: {
    value: 'string',
    keyStem: 'text',
    palette: { group: 'basic' },
    paper: { input: 'line' },
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  textarea: {
    value: 'string',
    // A fixed height: an auto-sizing textarea measures its text with a forced layout at every mount.
    defaults: { 'x-component-props': { rows: 3 } },
    keyStem: 'textarea',
    palette: { group: 'basic' },
    paper: { input: 'lines' },
    answered: true,
    editors: { rules: true, props: ['placeholder', 'rows'] },
  },
  number: {
    value: 'number',
    keyStem: 'number',
    palette: { group: 'basic' },
    paper: { input: 'line' },
    answered: true,
    editors: { rules: true, props: ['placeholder', 'unit'] },
  },
  select: {
    value: 'string',
    options: true,
    keyStem: 'select',
    palette: { group: 'basic' },
    paper: { input: 'choice' },
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  radio: {
    value: 'string',
    options: true,
    keyStem: 'radio',
    palette: { group: 'basic' },
    paper: { input: 'choice' },
    answered: true,
    editors: { rules: true, props: [] },
  },
  checkbox: {
    value: 'array',
    options: true,
    keyStem: 'checkbox',
    palette: { group: 'basic' },
    paper: { input: 'choice' },
    answered: true,
    editors: { rules: true, props: [] },
  },
  date: {
    value: 'string',
    format: 'date',
    keyStem: 'date',
    palette: { group: 'basic' },
    paper: { input: 'date' },
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  'id-card': {
    value: 'string',
    format: 'cn-id-card',
    keyStem: 'idCard',
    palette: { group: 'basic' },
    paper: { input: 'boxes', boxes: 18, hint: '18 位公民身份号码，末位可为 X' },
    mask: 'number',
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  mobile: {
    value: 'string',
    format: 'cn-mobile',
    keyStem: 'mobile',
    palette: { group: 'basic' },
    paper: { input: 'boxes', boxes: 11, hint: '11 位手机号码' },
    mask: 'number',
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  uscc: {
    value: 'string',
    format: 'cn-uscc',
    keyStem: 'uscc',
    palette: { group: 'basic' },
    paper: { input: 'boxes', boxes: 18, hint: '18 位统一社会信用代码' },
    mask: 'number',
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  region: {
    value: 'string',
    format: 'cn-division-code',
    keyStem: 'region',
    palette: { group: 'basic' },
    paper: { input: 'line' },
    answered: true,
    editors: { rules: true, props: [] },
  },
  address: {
    value: 'string',
    keyStem: 'address',
    palette: { group: 'basic' },
    paper: { input: 'lines' },
    answered: true,
    editors: { rules: true, props: ['placeholder'] },
  },
  upload: {
    value: 'array',
    defaults: { 'x-component-props': { accept: 'image/*,.pdf', maxCount: 10 } },
    placement: 'outside-rows',
    keyStem: 'upload',
    palette: { group: 'basic' },
    paper: { input: 'attachment' },
    answered: false,
    editors: { rules: false, props: ['accept', 'maxCount'] },
  },
  section: {
    value: 'void',
    layout: 'group',
    keyStem: 'section',
    palette: { group: 'layout' },
    paper: { input: 'group' },
    answered: true,
    editors: { rules: false, props: [] },
  },
  step: {
    value: 'void',
    layout: 'group',
    placement: 'top',
    keyStem: 'step',
    palette: { group: 'layout' },
    paper: { input: 'group' },
    answered: true,
    editors: { rules: false, props: [] },
  },
  table: {
    value: 'array',
    layout: 'rows',
    keyStem: 'table',
    palette: { group: 'layout' },
    paper: { input: 'table' },
    answered: true,
    // Its columns are edited as fields of their own.
    editors: { rules: false, props: [] },
  },
};

export const PALETTE_GROUPS: Readonly<Record<PaletteGroup, string>> = {
  basic: '基础控件',
  layout: '布局与表格',
};

/** Every field type, in palette order. */
export const FIELD_TYPE_CODES = Object.keys(FIELD_TYPES) as FieldComponent[];

/** The zh-CN name of a field type, from its code list (the one place names are kept). */
export const fieldTypeLabel = (component: FieldComponent) =>
  codeLabel('FieldComponent', component) ?? component;

/** A field type's entry, or undefined for a code that is none (a Formily schema also holds 'form', 'FormItem'). */
export const fieldTypeOf = (code: unknown): FieldType | undefined =>
  typeof code === 'string' && Object.hasOwn(FIELD_TYPES, code)
    ? FIELD_TYPES[code as FieldComponent]
    : undefined;

/**
 * Formats whose answers views mask: those of the masked field types, and landline numbers (a data element may ask
 * for one in a text box).
 */
export const MASKED_FORMATS: readonly FieldFormat[] = [
  ...FIELD_TYPE_CODES.flatMap((c) => {
    const { mask, format } = FIELD_TYPES[c];
    return mask && format ? [format] : [];
  }),
  'cn-phone',
];
