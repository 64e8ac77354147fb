import type { CompiledCheck, FormFields } from '@oneseal/schemas';
import { isEmptyValue, toIssues } from '@oneseal/schemas';

type Schema = Record<string, unknown>;

/**
 * The compiled checks of a form's fields, by `checkKey` of each field's value schema: the server compiles them
 * (`checksModule` over `deriveForm(...).fieldSchemas`) and the page imports them, so no page compiles code.
 */
export type FieldChecks = ReadonlyMap<string, CompiledCheck>;

/** The key of a field's value schema: many fields share one (a plain text, a mobile number) and one check. */
export const checkKey = (valueSchema: Schema): string => JSON.stringify(valueSchema);

/**
 * A field's check of one answer: the server's own rule, compiled by the server, with the model's zh-CN messages,
 * so the browser reaches the server's verdict because it runs the same rule.
 */
export function fieldCheck(validate: CompiledCheck): (value: unknown) => string | undefined {
  return (value) => {
    // Empty answers are the `required` rule's business; the portal leaves them out of what it submits.
    if (isEmptyValue(value) || validate(value)) return undefined;
    return toIssues(validate.errors)
      .map((issue) => issue.message)
      .join('；');
  };
}

/**
 * The answers as they are submitted: empty answers left out (an untouched optional field is absent, not an empty
 * string the server would check against its format), everything else as given.
 */
export function cleanAnswers(values: unknown): unknown {
  if (Array.isArray(values)) return values.map(cleanAnswers);
  if (values === null || typeof values !== 'object') return values;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const clean = cleanAnswers(value);
    const emptyObject =
      clean !== null && typeof clean === 'object' && !Array.isArray(clean) && Object.keys(clean).length === 0;
    if (!isEmptyValue(clean) && !emptyObject) out[key] = clean;
  }
  return out;
}

/**
 * The answers as the server checks them: an object section the applicant left out (the portal drops empty
 * objects) counts as an empty section, so its missing answers are reported field by field, as in the browser.
 */
export function withSections(fields: FormFields, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, field] of Object.entries(fields)) {
    if (field.type === 'void') Object.assign(out, withSections(field.properties ?? {}, out));
    else if (field.type === 'object') {
      const inner = out[key];
      if (inner === undefined || (inner !== null && typeof inner === 'object' && !Array.isArray(inner)))
        out[key] = withSections(field.properties ?? {}, (inner as Record<string, unknown>) ?? {});
    }
  }
  return out;
}
