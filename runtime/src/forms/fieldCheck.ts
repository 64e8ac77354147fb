import type { Ajv, FormFields, ValidateFunction } from '@oneseal/schemas';
import { createAjv, isEmptyValue, toIssues } from '@oneseal/schemas';

type Schema = Record<string, unknown>;

let ajv: Ajv | undefined;
// Many fields share one value schema (a plain text, a mobile number): compile each distinct schema once, and
// only when a value is first checked, so a 500-field form costs nothing to open.
const compiled = new Map<string, ValidateFunction>();

/** Builds the validators' compiler ahead of the first answer (it takes a moment), e.g. while the browser is idle. */
export function warmUpFieldChecks(): void {
  ajv ??= createAjv();
}

/**
 * A check of one answer against the field's part of the submission schema, with the server's own ajv, formats
 * and zh-CN messages: the browser reaches the server's verdict because it runs the same rule.
 */
export function fieldCheck(valueSchema: Schema): (value: unknown) => string | undefined {
  const key = JSON.stringify(valueSchema);
  return (value) => {
    // Empty answers are the `required` rule's business; the portal leaves them out of what it submits.
    if (isEmptyValue(value)) return undefined;
    let validate = compiled.get(key);
    if (!validate) {
      ajv ??= createAjv();
      validate = ajv.compile(valueSchema);
      compiled.set(key, validate);
    }
    if (validate(value)) return undefined;
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
