// (b) @rjsf/core 6 (its default theme) with @rjsf/validator-ajv8, rendering the same form as a plain JSON
// Schema: the submission schema deriveForm gives the server (same data shape, the same 500 properties, required
// lists, formats, patterns, lengths, ranges, enums and the if/then rules of the conditions), with each property's
// title, description and default added, and a uiSchema that picks the widget of each FieldComponent and names
// the options. `?live=onChange` live-validates every change (liveValidate: 'onChange'), `?live=off` does not.
import 'antd/dist/reset.css';
import '../../../portal/src/portal.css';
import type { FormFields } from '@oneseal/schemas';
import { FORMAT_CHECKS } from '@oneseal/schemas';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { createRef } from 'react';
// The pure form functions only: the renderer's index would bring Formily and antd into this page.
import { deriveForm, mergeForms } from '../../../runtime/src/forms';
import { benchForm, DATA_ELEMENTS } from './generate';
import { install } from './harness';

type Schema = Record<string, unknown>;

const WIDGETS: Record<string, string> = {
  textarea: 'textarea',
  address: 'textarea',
  radio: 'radio',
  checkbox: 'checkboxes',
};

/** Adds the titles, descriptions, defaults and widgets of the OneSeal fields to their submission schema. */
function annotate(fields: FormFields, schema: Schema, ui: UiSchema): void {
  const properties = schema.properties as Record<string, Schema>;
  for (const [key, field] of Object.entries(fields)) {
    // Sections and steps add no level to the data (nor, here, a heading).
    if (field.type === 'void') {
      annotate(field.properties ?? {}, schema, ui);
      continue;
    }
    const property = properties[key]!;
    property.title = field.title;
    if (field.description) property.description = field.description;
    if (field.default !== undefined) property.default = field.default;
    if (field.type === 'object') {
      const inner: UiSchema = {};
      annotate(field.properties ?? {}, property, inner);
      ui[key] = inner;
      continue;
    }
    const fieldUi: UiSchema = {};
    const widget = WIDGETS[field['x-component']];
    if (widget) fieldUi['ui:widget'] = widget;
    if (field.enum) fieldUi['ui:enumNames'] = field.enum.map((o) => o.label);
    // RJSF draws an array of options as one multiple choice only when its items are unique.
    if (field.type === 'array' && field.enum) property.uniqueItems = true;
    ui[key] = fieldUi;
  }
}

const params = new URLSearchParams(location.search);
const live = params.get('live') === 'onChange' ? 'onChange' : false;
const { items, target } = benchForm(Number(params.get('fields') ?? 500));
const merged = mergeForms(items, DATA_ELEMENTS);
if (merged.conflicts.length > 0) throw new Error(`merge conflicts: ${JSON.stringify(merged.conflicts)}`);
// What an RJSF portal's server would hand over: the schema and the uiSchema, built before the page mounts.
const schema = structuredClone(deriveForm(merged.form).validation) as Schema;
schema.title = merged.form.title;
const uiSchema: UiSchema = {};
annotate(merged.form.properties, schema, uiSchema);
// The same formats as the server's ajv (and the OneSeal renderer's).
const validator = customizeValidator({ customFormats: FORMAT_CHECKS });
const form = createRef<Form>();

install({
  label: live ? 'rjsf-live' : 'rjsf',
  render: () => (
    <main className="os-page">
      <Form
        ref={form}
        schema={schema as RJSFSchema}
        uiSchema={uiSchema}
        validator={validator}
        liveValidate={live}
        // Errors inline beside each field, as the OneSeal renderer shows them, not also listed above the form.
        showErrorList={false}
      />
    </main>
  ),
  // RJSF wraps every field in div.rjsf-field (objects too).
  countFields: () => document.querySelectorAll('.rjsf-field:not(.rjsf-field-object)').length,
  target: () => document.getElementById(`root_${target.join('_')}`) as HTMLInputElement | null,
  value: () => {
    let value: unknown = form.current?.state.formData;
    for (const key of target) value = (value as Record<string, unknown> | undefined)?.[key];
    return value;
  },
});
