import type { ISchema } from '@formily/react';
import type { JsonSchemaObject } from '@oneseal/schemas';
import { SERVER_OWNED_PROPERTIES } from '@oneseal/schemas';
import type { Located } from './resolve';
import { deref, objectShape } from './resolve';
import { isLabel } from './place';
import { LONG_TEXT } from './uiHints';

type Node = JsonSchemaObject;

const mainType = (node: Node): string | undefined => {
  const type = node.type as string | string[] | undefined;
  return Array.isArray(type) ? type.find((t) => t !== 'null') : type;
};

/**
 * What an editor reads beside a field: the property's title in the model (schemas/json), the one source of labels
 * for the API's documentation, the designer and the documents. Never its description: that is the help text.
 * The key shows only for a property the model forgot to title, and the crawl test fails on it.
 */
function labelOf(key: string, own: Node, resolved: Node): string {
  return isLabel(own.title) ? own.title : isLabel(resolved.title) ? resolved.title : key;
}

/** The unit a number is counted in (份, 次, 个字): the model's `x-unit`, on the property or its definition. */
function unitOf(own: Node, resolved: Node): string | undefined {
  const unit = own['x-unit'] ?? resolved['x-unit'];
  return typeof unit === 'string' ? unit : undefined;
}

/** The help beside the label: the property's own description in the model. */
function helpOf(own: Node): string | undefined {
  return typeof own.description === 'string' ? own.description : undefined;
}

function options(node: Node) {
  const labels = (node['x-labels'] as Record<string, string> | undefined) ?? {};
  return (node.enum as (string | number)[]).map((value) => ({
    value,
    label: labels[String(value)] ? `${labels[String(value)]}` : String(value),
  }));
}

/** A reference to one of the model's codes or identifiers (MaterialCode, DataElementCode, BasicCode, StepId). */
const isIdentifier = (node: Node) =>
  typeof node.$ref === 'string' && /\/\$defs\/(\w*Code|StepId)$/.test(node.$ref);

/** A condition over the applicant's answers (common.schema.json's Condition). */
const isCondition = (node: Node) => typeof node.$ref === 'string' && node.$ref.endsWith('/$defs/Condition');

/** A reference to the material library's code: chosen from the library by name. */
const isMaterialCode = (node: Node) =>
  typeof node.$ref === 'string' && node.$ref.endsWith('/$defs/MaterialCode');

/** The record of an item's material (a requirement or a township's selection): it names a library material. */
const isMaterialList = (item: Node) =>
  isMaterialCode(((item.properties as Record<string, Node> | undefined) ?? {}).material ?? {});

function arrayField(key: string, items: Located, base: ISchema): ISchema {
  const item = deref(items).node;
  if (item.enum)
    return {
      ...base,
      'x-component': 'Select',
      enum: options(item),
      'x-component-props': { mode: 'multiple' },
    };
  if (mainType(item) === 'object')
    return {
      ...base,
      'x-component': 'ArrayItems',
      items: {
        type: 'object',
        'x-decorator': 'ArrayItems.Item',
        // A material's card is headed by its name, form and copies; other records' cards by nothing.
        'x-component': isMaterialList(item) ? 'MaterialCard' : 'Fieldset',
        properties: {
          ...objectFields(items),
          tools: {
            type: 'void',
            'x-component': 'RowTools',
            properties: {
              up: { type: 'void', 'x-component': 'ArrayItems.MoveUp' },
              down: { type: 'void', 'x-component': 'ArrayItems.MoveDown' },
              remove: { type: 'void', 'x-component': 'ArrayItems.Remove' },
            },
          },
        },
      },
      properties: { add: { type: 'void', title: '添加一项', 'x-component': 'ArrayItems.Addition' } },
    };
  if (mainType(item) === 'string')
    return { ...base, 'x-component': 'Lines', 'x-component-props': { long: LONG_TEXT.has(key) } };
  return { ...base, 'x-component': 'JsonField' };
}

function field(key: string, located: Located, required: boolean): ISchema | undefined {
  const { node, base } = deref(located);
  if (node.const !== undefined) return undefined;
  if (isMaterialCode(located.node))
    return {
      title: labelOf(key, located.node, node),
      required,
      type: 'string',
      'x-decorator': 'FormItem',
      'x-component': 'MaterialPicker',
    };
  const help = helpOf(located.node);
  const schema: ISchema = {
    title: labelOf(key, located.node, node),
    required,
    'x-decorator': 'FormItem',
    ...(help ? { 'x-decorator-props': { tooltip: help } } : {}),
  };
  // A condition is edited by field names, as in the form designer.
  if (isCondition(located.node)) return { ...schema, type: 'object', 'x-component': 'ConditionField' };
  // Other alternatives (a value of several shapes) are edited as JSON and checked by the model.
  if (node.oneOf || node.anyOf) return { ...schema, type: 'object', 'x-component': 'JsonField' };
  // An element left unstated shows as “未载明” and can be cleared back to it: unstated is a state (issue 12).
  const unstated = { allowClear: !required, placeholder: '未载明' };
  if (node.enum)
    return {
      ...schema,
      type: 'string',
      'x-component': 'Select',
      enum: options(node),
      'x-component-props': unstated,
    };
  switch (mainType(node)) {
    case 'string':
      if (node.format === 'date') return { ...schema, type: 'string', 'x-component': 'DatePicker' };
      return {
        ...schema,
        type: 'string',
        'x-component': LONG_TEXT.has(key) || Number(node.maxLength ?? 0) > 200 ? 'Input.TextArea' : 'Input',
        ...(node.maxLength ? { maxLength: node.maxLength as number } : {}),
        // A code (材料编码, 数据元编码, 环节编号) is an identifier, not words: set as code, never translated.
        ...(isIdentifier(located.node)
          ? { 'x-component-props': { translate: 'no', className: 'ds-code-input' } }
          : {}),
      };
    case 'integer':
    case 'number':
      return {
        ...schema,
        type: 'number',
        'x-component': 'NumberPicker',
        'x-component-props': {
          ...(node.minimum !== undefined ? { min: node.minimum } : {}),
          ...(node.maximum !== undefined ? { max: node.maximum } : {}),
          precision: mainType(node) === 'integer' ? 0 : undefined,
          ...(unitOf(located.node, node) ? { addonAfter: unitOf(located.node, node) } : {}),
        },
      };
    case 'boolean':
      // Not a switch: a switch cannot show that a guide says neither yes nor no.
      return {
        ...schema,
        type: 'boolean',
        'x-component': 'Select',
        enum: [
          { value: true, label: '是' },
          { value: false, label: '否' },
        ],
        'x-component-props': unstated,
      };
    case 'array':
      return arrayField(key, { node: (node.items as Node) ?? {}, base }, { ...schema, type: 'array' });
    case 'object':
      if (!node.properties && !node.allOf) return { ...schema, type: 'object', 'x-component': 'JsonField' };
      return {
        type: 'object',
        'x-component': 'Fieldset',
        'x-component-props': { title: schema.title, required, help },
        properties: objectFields({ node, base }),
      };
    default:
      return { ...schema, 'x-component': 'JsonField' };
  }
}

function objectFields(located: Located, omit: ReadonlySet<string> = new Set()): Record<string, ISchema> {
  const { properties, required } = objectShape(located);
  const out: Record<string, ISchema> = {};
  properties.forEach(([key, child], index) => {
    if (omit.has(key) || out[key]) return;
    const schema = field(key, child, required.has(key));
    if (schema) out[key] = { ...schema, 'x-index': index };
  });
  return out;
}

/**
 * The editor of a model document, derived from its JSON Schema: every property the schema defines becomes a
 * field (labels from the schema's descriptions, code lists as their zh labels, arrays of records as repeatable
 * cards), except what the server owns and what `only` leaves out.
 */
export function editorSchema(root: Located, only?: (key: string) => boolean): ISchema {
  const omit = new Set(SERVER_OWNED_PROPERTIES);
  for (const [key] of objectShape(root).properties) if (only && !only(key)) omit.add(key);
  return { type: 'object', properties: objectFields(root, omit) };
}
