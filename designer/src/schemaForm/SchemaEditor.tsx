import { ArrayItems, DatePicker, FormItem, FormLayout, Input, NumberPicker, Select } from '@formily/antd-v5';
import type { Form } from '@formily/core';
import type { ISchema } from '@formily/react';
import { createSchemaField, FormProvider } from '@formily/react';
import { ConditionField } from './ConditionField';
import { MaterialCard, MaterialPicker } from './MaterialPicker';
import { Fieldset, JsonField, Lines, RowTools } from './widgets';

const SchemaField = createSchemaField({
  components: {
    ArrayItems,
    DatePicker,
    FormItem,
    Input,
    NumberPicker,
    Select,
    ConditionField,
    Fieldset,
    JsonField,
    Lines,
    MaterialCard,
    MaterialPicker,
    RowTools,
  },
});

/** Renders a model document's editor (see editorSchema) on a Formily form the page owns. */
export function SchemaEditor({ form, schema }: { form: Form; schema: ISchema }) {
  return (
    <FormProvider form={form}>
      <FormLayout layout="vertical" colon={false}>
        <SchemaField schema={schema} />
      </FormLayout>
    </FormProvider>
  );
}

/** "/promisedLimit/value" → "promisedLimit.value" (Formily's path of the same value). */
export const fieldPath = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

/**
 * Shows the model's findings beside the fields they are about, replacing the previous ones: a finding about a
 * value with no field of its own (a whole list) goes to the nearest field above it.
 */
export function showFindings(
  form: Form,
  findings: readonly { path: string; message: string; severity?: 'error' | 'warning' }[],
) {
  form.query('*').forEach((field) => {
    if ('setFeedback' in field) {
      field.setFeedback({ code: 'ModelError', type: 'error', messages: [] });
      field.setFeedback({ code: 'ModelWarning', type: 'warning', messages: [] });
    }
  });
  const messages = new Map<string, { error: string[]; warning: string[] }>();
  for (const finding of findings) {
    let path = fieldPath(finding.path);
    while (path && !form.query(path).take()) path = path.split('.').slice(0, -1).join('.');
    if (!path) continue;
    const entry = messages.get(path) ?? { error: [], warning: [] };
    entry[finding.severity === 'warning' ? 'warning' : 'error'].push(finding.message);
    messages.set(path, entry);
  }
  for (const [path, { error, warning }] of messages) {
    const field = form.query(path).take();
    if (!field || !('setFeedback' in field)) continue;
    if (error.length > 0) field.setFeedback({ code: 'ModelError', type: 'error', messages: error });
    if (warning.length > 0) field.setFeedback({ code: 'ModelWarning', type: 'warning', messages: warning });
  }
}
