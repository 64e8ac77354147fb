import { FormLayout } from '@formily/antd-v5';
import type { Form } from '@formily/core';
import { setValidateLanguage } from '@formily/core';
import type { ISchema } from '@formily/react';
import { createSchemaField, FormProvider } from '@formily/react';
import { useMemo } from 'react';
import type { FormilyNode } from '../../src/forms';
import type { RegionOption } from './components';
import { FIELD_COMPONENTS, RegionsContext } from './components';

setValidateLanguage('zh-CN');

const SchemaField = createSchemaField({ components: FIELD_COMPONENTS });

/** For each shared field of a one-table form: the names of the items it serves. */
export type Provenance = Record<string, string[]>;

/**
 * A repeating table's columns, as ArrayTable wants them: each column a void wrapper holding the cell's field,
 * and an "add a row" button after them.
 */
function tableItems(rows: FormilyNode): ISchema {
  const columns: Record<string, ISchema> = {};
  for (const [key, cell] of Object.entries(rows.properties ?? {})) {
    columns[`column_${key}`] = {
      type: 'void',
      'x-component': 'ArrayTable.Column',
      'x-component-props': { title: cell.title },
      properties: { [key]: toSchema(cell, {}) },
    };
  }
  columns.remove = {
    type: 'void',
    'x-component': 'ArrayTable.Column',
    'x-component-props': { title: '操作', width: 80 },
    properties: { remove: { type: 'void', 'x-component': 'ArrayTable.Remove' } },
  };
  return { type: 'object', properties: columns };
}

function toSchema(node: FormilyNode, provenance: Provenance, key?: string): ISchema {
  const { properties, items, ...rest } = node;
  const schema = { ...rest } as ISchema;
  const served = key ? provenance[key] : undefined;
  if (served && served.length > 0) schema['x-decorator-props'] = { extra: `用于：${served.join('、')}` };
  if (node['x-component'] === 'table' && items) {
    schema['x-component'] = 'ArrayTable';
    schema.items = tableItems(items);
    schema.properties = {
      add: { type: 'void', 'x-component': 'ArrayTable.Addition', title: '添加一行' },
    };
    return schema;
  }
  if (properties)
    schema.properties = Object.fromEntries(
      Object.entries(properties).map(([k, child]) => [k, toSchema(child, provenance, k)]),
    );
  return schema;
}

export interface FormRendererProps {
  /** The Formily form that holds the answers (the host creates it, reads it and submits it). */
  form: Form;
  /** `deriveForm(itemForm).formily`. */
  schema: FormilyNode;
  provenance?: Provenance;
  regions?: RegionOption[];
}

/** Renders a stored OneSeal form with antd controls; the portal and the designer's preview both use it. */
export function FormRenderer({ form, schema, provenance = {}, regions = [] }: FormRendererProps) {
  const formilySchema = useMemo(() => toSchema(schema, provenance), [schema, provenance]);
  return (
    <RegionsContext.Provider value={regions}>
      <FormProvider form={form}>
        <FormLayout layout="vertical" feedbackLayout="loose" size="large">
          <SchemaField schema={formilySchema} />
        </FormLayout>
      </FormProvider>
    </RegionsContext.Provider>
  );
}
