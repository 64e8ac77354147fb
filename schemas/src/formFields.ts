import type { FormField, FormFields, ItemForm } from './generated/types';

export interface FieldEntry {
  /** Dotted path of the value in the submitted data; containers (type void) add no segment. */
  path: string;
  /** JSON Pointer of the field inside the form schema, for findings. */
  pointer: string;
  field: FormField;
}

function walk(fields: FormFields, valuePrefix: string, pointerPrefix: string, out: FieldEntry[]): void {
  for (const [key, field] of Object.entries(fields)) {
    const path = field.type === 'void' ? valuePrefix : valuePrefix ? `${valuePrefix}.${key}` : key;
    const pointer = `${pointerPrefix}/properties/${key}`;
    if (field.type !== 'void') out.push({ path, pointer, field });
    if (field.properties) walk(field.properties, path, pointer, out);
  }
}

/** Every value-carrying field of a form, depth first, in schema order (rows of a table are not descended). */
export function formFieldEntries(form: ItemForm, pointerPrefix = ''): FieldEntry[] {
  const out: FieldEntry[] = [];
  walk(form.properties, '', pointerPrefix, out);
  return out;
}
