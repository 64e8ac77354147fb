import type { FormFields, ItemForm } from '@oneseal/schemas';
import { MASKED_FORMATS } from '@oneseal/schemas';

// Identity and contact numbers are shown to whoever holds a reference and a phone number; the whole number
// only appears on the receipt, which needs the key given at submission. Which formats those are, the field-type
// registry says (MASKED_FORMATS).

/** 450321197003120029 → 450***********0029: the start and the last four, enough to recognise one's own. */
export function maskNumber(value: string): string {
  const shown = Math.min(3, Math.max(0, value.length - 4));
  return value.slice(0, shown) + '*'.repeat(Math.max(0, value.length - shown - 4)) + value.slice(-4);
}

function mask(fields: FormFields, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, field] of Object.entries(fields)) {
    if (field.type === 'void') Object.assign(out, mask(field.properties ?? {}, out));
    else if (field.type === 'object' && values[key] && typeof values[key] === 'object')
      out[key] = mask(field.properties ?? {}, values[key] as Record<string, unknown>);
    else if (field.format && MASKED_FORMATS.includes(field.format) && typeof values[key] === 'string')
      out[key] = maskNumber(values[key]);
  }
  return out;
}

/** The answers with identity and contact numbers masked, for showing an application to its reference holder. */
export function maskAnswers(form: ItemForm, values: Record<string, unknown>): Record<string, unknown> {
  return mask(form.properties, values);
}
