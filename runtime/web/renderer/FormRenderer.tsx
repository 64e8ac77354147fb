import { ArrayTable, FormItem, FormLayout } from '@formily/antd-v5';
import type { Form } from '@formily/core';
import { setValidateLanguage } from '@formily/core';
import type { ISchema } from '@formily/react';
import { createSchemaField, FormProvider, Schema } from '@formily/react';
import { fieldTypeOf } from '@oneseal/schemas';
import { useEffect, useMemo } from 'react';
import { createAllFields, DrawPlanContext, drawPlan } from './drawPlan';
import type { FormilyNode } from '../../src/forms';
import type { RegionOption } from '@oneseal/schemas';
import { RegionsContext } from './components';
import { FIELD_CONTROLS } from './fieldTypes';

setValidateLanguage('zh-CN');
// Formily runs a schema string written as `{{…}}` as JavaScript (new Function). Form texts are editors' words, never
// code: shown as written. (Under the portal's CSP, without 'unsafe-eval', running it would fail anyway.)
Schema.registerCompiler((expression: string) => `{{${expression}}}`);

// A table's parts (ArrayTable.Column, .Addition, .Remove) are found under ArrayTable's own name.
const SchemaField = createSchemaField({ components: { FormItem, ArrayTable, ...FIELD_CONTROLS } });

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
  if (fieldTypeOf(node['x-component'])?.layout === 'rows' && items) {
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
  /** Draw every section now, e.g. to show the applicant every field that needs fixing. */
  drawAll?: boolean;
}

// Each rendered form's way to create its not-yet-drawn fields, for ensureAllFields.
const pending = new WeakMap<Form, () => void>();

/**
 * Makes sure every field of the form exists before the host validates or submits it: a large form draws its later
 * sections only as they come near the screen, and creates their fields when the browser is idle.
 */
export function ensureAllFields(form: Form): void {
  pending.get(form)?.();
  pending.delete(form);
}

/** Renders a stored OneSeal form with antd controls; the portal and the designer's preview both use it. */
export function FormRenderer({
  form,
  schema,
  provenance = {},
  regions = [],
  drawAll = false,
}: FormRendererProps) {
  const formilySchema = useMemo(() => toSchema(schema, provenance), [schema, provenance]);
  const plan = useMemo(() => drawPlan(formilySchema), [formilySchema]);
  useEffect(() => {
    pending.set(form, () => createAllFields(form, formilySchema));
    // After the first paint: the fields of undrawn sections.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => ensureAllFields(form));
    return () => cancel(handle);
  }, [form, formilySchema]);
  return (
    <RegionsContext.Provider value={regions}>
      <DrawPlanContext.Provider value={drawAll ? { ...plan, all: true } : plan}>
        <FormProvider form={form}>
          <FormLayout layout="vertical" feedbackLayout="loose" size="large">
            <SchemaField schema={formilySchema} />
          </FormLayout>
        </FormProvider>
      </DrawPlanContext.Provider>
    </RegionsContext.Provider>
  );
}
