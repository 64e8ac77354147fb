import type { Condition, FormField, FormFields, ItemForm } from '@oneseal/schemas';
import { conditionSchema } from './conditionSchema';

type Schema = Record<string, unknown>;

interface Context {
  /** Dotted path of the object being described, from the form root ('' for the root). */
  path: string;
  /** Conditions of the containers above: a field inside a hidden section is hidden too. */
  visibleWhen: Condition[];
  /** if/then rules collected for the root: conditions read the whole submission. */
  rules: Schema[];
}

function valueSchema(field: FormField, context: Context, key: string): Schema {
  const s: Schema = {};
  if (field.type === 'object')
    return objectSchema(field.properties ?? {}, { ...context, path: join(context.path, key) });
  s.type = field.type;
  if (field.format) s.format = field.format;
  if (field.pattern) s.pattern = field.pattern;
  if (field.minLength !== undefined) s.minLength = field.minLength;
  if (field.maxLength !== undefined) s.maxLength = field.maxLength;
  if (field.minimum !== undefined) s.minimum = field.minimum;
  if (field.maximum !== undefined) s.maximum = field.maximum;
  if (field.enum) {
    const values = field.enum.map((o) => o.value);
    // A multiple choice (checkbox) is an array of the options; the others are one of them.
    if (field.type === 'array') s.items = { enum: values };
    else s.enum = values;
  }
  if (field.type === 'array') {
    if (field.minItems !== undefined) s.minItems = field.minItems;
    if (field.maxItems !== undefined) s.maxItems = field.maxItems;
    // Rows of a repeating table are objects of their own columns; conditions inside rows are not supported.
    if (field.items?.type === 'object')
      s.items = objectSchema(field.items.properties ?? {}, { path: '', visibleWhen: [], rules: [] });
  }
  // A required text must hold something, not just be present.
  if (field.required && field.type === 'string' && field.minLength === undefined) s.minLength = 1;
  return s;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** `required: [key]` at `path` inside the root object. */
function requiredAt(path: string, key: string): Schema {
  const inner: Schema = { type: 'object', properties: { [key]: true }, required: [key] };
  return path
    .split('.')
    .filter(Boolean)
    .reduceRight<Schema>((schema, segment) => ({ type: 'object', properties: { [segment]: schema } }), inner);
}

function collect(
  fields: FormFields,
  context: Context,
  properties: Record<string, Schema>,
  required: string[],
): void {
  for (const [key, field] of Object.entries(fields)) {
    const conditions = field['x-visible-when']
      ? [...context.visibleWhen, field['x-visible-when']]
      : context.visibleWhen;
    if (field.type === 'void') {
      // Sections and steps add no level to the data: their fields belong to this object.
      collect(field.properties ?? {}, { ...context, visibleWhen: conditions }, properties, required);
      continue;
    }
    properties[key] = valueSchema(field, { ...context, visibleWhen: conditions }, key);
    if (!field.required) continue;
    if (conditions.length === 0) required.push(key);
    else {
      const when: Condition =
        conditions.length === 1 ? conditions[0]! : { all: conditions as [Condition, ...Condition[]] };
      context.rules.push({ if: conditionSchema(when), then: requiredAt(context.path, key) });
    }
  }
}

function objectSchema(fields: FormFields, context: Context): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  collect(fields, context, properties, required);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/**
 * The JSON Schema a submission of this form must satisfy, for the server's ajv (`createAjv()` knows the
 * formats). Derived from the stored form, never kept by hand: required fields, formats, patterns, lengths,
 * ranges, options, and fields required only while their declarative condition holds.
 */
export function validationSchema(form: ItemForm): Schema {
  const rules: Schema[] = [];
  const root = objectSchema(form.properties, { path: '', visibleWhen: [], rules });
  return rules.length > 0 ? { ...root, allOf: rules } : root;
}
