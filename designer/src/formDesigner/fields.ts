// One field of a form, as the palette makes it and as the property panel changes it: pure functions, no React.
import type { ComponentProp, DataElement, FieldComponent, FormField } from '@oneseal/schemas';
import { FIELD_TYPES, fieldTypeLabel } from '@oneseal/schemas';

/** The FieldKey pattern of item-form.schema.json. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const isChoice = (component: FieldComponent) => FIELD_TYPES[component].options === true;

/** A key the designer made up (mobile_1): binding a data element may replace it with the element's code. */
export const GENERATED_KEY = /^[A-Za-z]+_\d+$/;

/** The JSON type of a control's answer (containers carry none), keeping a bound element's number or boolean. */
export function valueType(
  component: FieldComponent,
  scalar: FormField['type'] = 'string',
): FormField['type'] {
  const { value } = FIELD_TYPES[component];
  if (value !== 'string') return value;
  return scalar === 'number' || scalar === 'boolean' ? scalar : 'string';
}

/** A new field as the palette makes it: a title, a sensible type, format and options for its control. */
export function createField(component: FieldComponent): FormField {
  const type = FIELD_TYPES[component];
  const field: FormField = {
    type: valueType(component),
    title: fieldTypeLabel(component),
    'x-component': component,
  };
  if (type.format) field.format = type.format;
  if (type.options)
    field.enum = [
      { label: '选项一', value: '1' },
      { label: '选项二', value: '2' },
    ];
  if (type.layout === 'group') field.properties = {};
  if (type.layout === 'rows')
    field.items = { type: 'object', title: '每行', 'x-component': 'section', properties: {} };
  const props = type.defaults?.['x-component-props'];
  if (props) field['x-component-props'] = { ...props };
  return field;
}

export const keyStem = (component: FieldComponent) => FIELD_TYPES[component].keyStem;

/** Which x-component-props a control takes. */
export const takesProp = (component: FieldComponent, prop: ComponentProp) =>
  FIELD_TYPES[component].editors.props.includes(prop);

/** Keeps the properties that still make sense for the field's (new) control and type. */
function tidy(field: FormField): FormField {
  const next: FormField = { ...field };
  const component = next['x-component'];
  if (!isChoice(component)) delete next.enum;
  if (next.type !== 'string') {
    delete next.format;
    delete next.pattern;
    delete next.minLength;
    delete next.maxLength;
  }
  if (next.type !== 'number') {
    delete next.minimum;
    delete next.maximum;
  }
  if (next.type !== 'array') {
    delete next.minItems;
    delete next.maxItems;
  }
  if (next.type === 'void' || next.type === 'array' || next.type === 'object') delete next.default;
  else if (next.default !== undefined && typeof next.default !== next.type) delete next.default;
  const props = next['x-component-props'];
  if (props) {
    const kept = Object.fromEntries(
      Object.entries(props).filter(([prop]) => takesProp(component, prop as ComponentProp)),
    );
    if (Object.keys(kept).length > 0) next['x-component-props'] = kept;
    else delete next['x-component-props'];
  }
  return next;
}

/** The field with another control: its answer's type follows, properties the control cannot use are dropped. */
export function changeComponent(field: FormField, component: FieldComponent): FormField {
  const next: FormField = { ...field, 'x-component': component, type: valueType(component, field.type) };
  if (isChoice(component) && !next.enum) next.enum = createField(component).enum!;
  const implied = FIELD_TYPES[component].format;
  const previous = FIELD_TYPES[field['x-component']].format;
  if (previous && next.format === previous) delete next.format;
  if (implied && !next.format) next.format = implied;
  return tidy(next);
}

/**
 * The field bound to a data element: it takes the element's name, type, control, format, pattern, length, range and
 * options (and its description where the field has none), so every item asks for it the same way.
 */
export function bindDataElement(field: FormField, element: DataElement): FormField {
  // The element's rules replace the field's own.
  const kept: FormField = { ...field };
  for (const rule of ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'enum'] as const)
    delete kept[rule];
  const next: FormField = {
    ...kept,
    type: valueType(element.component, element.type),
    title: element.name,
    'x-component': element.component,
    'x-data-element': element.code,
  };
  if (element.format) next.format = element.format;
  if (element.pattern) next.pattern = element.pattern;
  if (element.minLength !== undefined) next.minLength = element.minLength;
  if (element.maxLength !== undefined) next.maxLength = element.maxLength;
  if (element.minimum !== undefined) next.minimum = element.minimum;
  if (element.maximum !== undefined) next.maximum = element.maximum;
  if (element.options) next.enum = element.options.map((o) => ({ ...o })) as NonNullable<FormField['enum']>;
  else if (isChoice(element.component)) next.enum = createField(element.component).enum!;
  if (!next.description && element.description) next.description = element.description;
  return tidy(next);
}

/** The field with `prop` set, or removed when `value` is undefined. */
export function withProp<K extends keyof FormField>(
  field: FormField,
  prop: K,
  value: FormField[K] | undefined,
): FormField {
  const next = { ...field };
  if (value === undefined) delete next[prop];
  else next[prop] = value;
  return next;
}

/** The field with one of its control's display properties set, or removed (and the object with its last one). */
export function withComponentProp(
  field: FormField,
  prop: string,
  value: string | number | undefined,
): FormField {
  const props: Record<string, unknown> = { ...field['x-component-props'] };
  if (value === undefined) delete props[prop];
  else props[prop] = value;
  const next = { ...field, 'x-component-props': props as FormField['x-component-props'] };
  if (Object.keys(props).length === 0) delete next['x-component-props'];
  return next;
}
