import type { Condition, FieldComponent, FormField, FormFields, ItemForm } from '@oneseal/schemas';
import { conditionFields, evaluateCondition } from '@oneseal/schemas';
import { conditionSchema } from './conditionSchema';
import type { FieldChecks } from './fieldCheck';
import { checkKey, fieldCheck } from './fieldCheck';

type Schema = Record<string, unknown>;

/** What a Formily field reads for its visibility: only the values its condition names, so it re-runs on those. */
interface ReactiveField {
  visible: boolean;
  form: { getValuesIn(path: string): unknown };
}

/**
 * A node of the Formily JSON Schema the portal renders. `x-component` keeps the model's FieldComponent code:
 * the renderer maps codes to React components, so this module stays free of React and of the browser.
 */
export interface FormilyNode {
  type: FormField['type'];
  title?: string;
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
  enum?: { label: string; value: string | number | boolean }[];
  'x-component': FieldComponent | 'form';
  'x-component-props'?: Record<string, unknown>;
  'x-decorator'?: 'FormItem';
  'x-index'?: number;
  /** The data element a field is bound to (shown as provenance in a merged form). */
  'x-data-element'?: string;
  'x-validator'?: (value: unknown) => string | undefined;
  'x-reactions'?: (field: ReactiveField) => void;
  properties?: Record<string, FormilyNode>;
  items?: FormilyNode;
}

export interface DerivedForm {
  /** The JSON Schema a submission must satisfy, for the server's ajv (`createAjv()` knows the formats). */
  validation: Schema;
  /** The same rules as a Formily schema: each field checks its answer against its part of `validation`. */
  formily: FormilyNode;
  /** Each field's part of `validation`, by `checkKey`: what the server compiles for the browser (`checksModule`). */
  fieldSchemas: Map<string, Schema>;
}

/** The most characters a text answer may have, unless its form says fewer: no answer is unbounded. */
export const TEXT_CEILING = 2000;

interface Context {
  /** Dotted path of the object being described, from the form root ('' for the root). */
  path: string;
  /** Conditions of the containers above: a field inside a hidden section is hidden too. */
  visibleWhen: Condition[];
  /** if/then rules collected for the root: conditions read the whole submission. */
  rules: Schema[];
  /** Every field's value schema met on the walk, by key (shared by the whole walk). */
  fieldSchemas: Map<string, Schema>;
  /** The compiled checks the browser fields run, when the page has them. */
  checks?: FieldChecks;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** `required: [key]` at `path` inside the root object; the objects on the way must be there too. */
function requiredAt(path: string, key: string): Schema {
  const inner: Schema = { type: 'object', properties: { [key]: true }, required: [key] };
  return path
    .split('.')
    .filter(Boolean)
    .reduceRight<Schema>(
      (schema, segment) => ({ type: 'object', properties: { [segment]: schema }, required: [segment] }),
      inner,
    );
}

/** The constraints on one answer, as the submission schema states them (objects and rows are described apart). */
function valueSchema(field: FormField): Schema {
  const s: Schema = { type: field.type };
  if (field.format) s.format = field.format;
  if (field.pattern) s.pattern = field.pattern;
  if (field.minLength !== undefined) s.minLength = field.minLength;
  if (field.type === 'string') s.maxLength = Math.min(field.maxLength ?? TEXT_CEILING, TEXT_CEILING);
  else if (field.maxLength !== undefined) s.maxLength = field.maxLength;
  if (field.minimum !== undefined) s.minimum = field.minimum;
  if (field.maximum !== undefined) s.maximum = field.maximum;
  if (field.enum) {
    const values = field.enum.map((o) => o.value);
    // The options' labels ride along, so a refusal names 砖木结构, not brick-wood.
    const labels = Object.fromEntries(field.enum.map((o) => [String(o.value), o.label]));
    // A multiple choice (checkbox) is an array of the options; the others are one of them.
    if (field.type === 'array') s.items = { enum: values, 'x-labels': labels };
    else Object.assign(s, { enum: values, 'x-labels': labels });
  }
  if (field.type === 'array') {
    if (field.minItems !== undefined) s.minItems = field.minItems;
    if (field.maxItems !== undefined) s.maxItems = field.maxItems;
    // A required list must hold something, as the portal's required rule says.
    if (field.required && field.minItems === undefined) s.minItems = 1;
  }
  // A required text must hold something, not just be present.
  if (field.required && field.type === 'string' && field.minLength === undefined) s.minLength = 1;
  return s;
}

/** Several conditions that must all hold, as one. */
const allOf = (conditions: Condition[]): Condition =>
  conditions.length === 1 ? conditions[0]! : { all: conditions as [Condition, ...Condition[]] };

/** Shows a field while its condition holds, reading only the values it names (evaluated, never `eval`ed). */
function visibility(when: Condition): NonNullable<FormilyNode['x-reactions']> {
  const paths = [...new Set(conditionFields(when))];
  return (field) => {
    const values: Record<string, unknown> = {};
    for (const path of paths) {
      const keys = path.split('.');
      let target = values;
      for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
      target[keys[keys.length - 1]!] = field.form.getValuesIn(path);
    }
    field.visible = evaluateCondition(when, values);
  };
}

function formilyNode(
  field: FormField,
  own: Condition | undefined,
  context: Context,
  check?: Schema,
): FormilyNode {
  const node: FormilyNode = { type: field.type, title: field.title, 'x-component': field['x-component'] };
  if (field.description) node.description = field.description;
  if (field.required) node.required = true;
  if (field.default !== undefined) node.default = field.default;
  if (field.enum) node.enum = field.enum.map((o) => ({ label: o.label, value: o.value }));
  if (field['x-component-props']) node['x-component-props'] = { ...field['x-component-props'] };
  if (field['x-index'] !== undefined) node['x-index'] = field['x-index'];
  if (field['x-data-element']) node['x-data-element'] = field['x-data-element'];
  if (field.type !== 'void' && field.type !== 'object') node['x-decorator'] = 'FormItem';
  if (check) {
    const key = checkKey(check);
    context.fieldSchemas.set(key, check);
    const compiled = context.checks?.get(key);
    // Without its compiled check a field has no verdict of its own; the server's answer names it at submission.
    if (compiled) node['x-validator'] = fieldCheck(compiled);
  }
  // A container's condition hides everything inside it; the children only carry their own.
  if (own) node['x-reactions'] = visibility(own);
  return node;
}

function describe(
  fields: FormFields,
  context: Context,
  out: { properties: Record<string, Schema>; required: string[]; nodes: Record<string, FormilyNode> },
): void {
  for (const [key, field] of Object.entries(fields)) {
    const own = field['x-visible-when'];
    const conditions = own ? [...context.visibleWhen, own] : context.visibleWhen;
    if (field.type === 'void') {
      // Sections and steps add no level to the data: their fields belong to this object.
      const node = formilyNode(field, own, context);
      node.properties = {};
      describe(
        field.properties ?? {},
        { ...context, visibleWhen: conditions },
        { properties: out.properties, required: out.required, nodes: node.properties },
      );
      out.nodes[key] = node;
      continue;
    }
    if (field.type === 'object') {
      const inner = objectOf(field.properties ?? {}, {
        ...context,
        path: join(context.path, key),
        visibleWhen: conditions,
      });
      out.properties[key] = inner.validation;
      out.nodes[key] = { ...formilyNode(field, own, context), properties: inner.nodes };
      // An object holding required answers must itself be there: the portal leaves an empty object out.
      if (field.required || inner.validation.required) requireKey(key, conditions, context, out.required);
      continue;
    }
    if (field.type === 'array' && field.items?.type === 'object') {
      // Rows of a repeating table are objects of their own columns; conditions inside rows are not supported.
      const rows = objectOf(field.items.properties ?? {}, {
        ...context,
        path: '',
        visibleWhen: [],
        rules: [],
      });
      const list = valueSchema(field);
      out.properties[key] = { ...list, items: rows.validation };
      out.nodes[key] = {
        ...formilyNode(field, own, context, list),
        items: { type: 'object', 'x-component': 'form', properties: rows.nodes },
      };
    } else {
      const value = valueSchema(field);
      out.properties[key] = value;
      out.nodes[key] = formilyNode(field, own, context, value);
    }
    if (field.required) requireKey(key, conditions, context, out.required);
  }
}

/** Requires `key` in the object at `context.path`: always, or while the conditions of its containers hold. */
function requireKey(key: string, conditions: Condition[], context: Context, required: string[]): void {
  if (conditions.length === 0) required.push(key);
  else context.rules.push({ if: conditionSchema(allOf(conditions)), then: requiredAt(context.path, key) });
}

function objectOf(
  fields: FormFields,
  context: Context,
): { validation: Schema; nodes: Record<string, FormilyNode> } {
  const out = { properties: {} as Record<string, Schema>, required: [] as string[], nodes: {} };
  describe(fields, context, out);
  return {
    validation: {
      type: 'object',
      properties: out.properties,
      ...(out.required.length > 0 ? { required: out.required } : {}),
      additionalProperties: false,
    },
    nodes: out.nodes,
  };
}

/**
 * The one place a stored form becomes rules: the submission schema the server checks with ajv, and the Formily
 * schema the portal renders, from one walk over the fields. Required fields, formats, patterns, lengths, ranges
 * and options become the server's schema; each browser field checks its answer against its own part of it;
 * declarative conditions hide fields in the browser and make their requirement conditional on the server.
 * The browser's fields run `checks`, the server's compilation of `fieldSchemas` (a page holds no compiler).
 */
export function deriveForm(form: ItemForm, checks?: FieldChecks): DerivedForm {
  const rules: Schema[] = [];
  const fieldSchemas = new Map<string, Schema>();
  const root = objectOf(form.properties, { path: '', visibleWhen: [], rules, fieldSchemas, checks });
  return {
    validation: rules.length > 0 ? { ...root.validation, allOf: rules } : root.validation,
    formily: { type: 'object', title: form.title, 'x-component': 'form', properties: root.nodes },
    fieldSchemas,
  };
}
