import type { CodeOptions, Format } from 'ajv/dist/2020';
import Ajv2020, { _ } from 'ajv/dist/2020';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isDivisionCode } from './formats/division';
import { isIdCardNumber } from './formats/idCard';
import { isMobile, isPhone, isPostcode, isServicePhone } from './formats/phone';
import { isUscc } from './formats/uscc';
import { loadSchemas } from './schemaFiles';

export type { Ajv2020 as Ajv };

/** Formats used by OneSeal schemas and forms; the names are the values of the `FieldFormat` code list. */
export const FORMAT_CHECKS = {
  'cn-id-card': isIdCardNumber,
  'cn-uscc': isUscc,
  'cn-division-code': isDivisionCode,
  'cn-mobile': isMobile,
  'cn-phone': isPhone,
  'cn-postcode': isPostcode,
} as const;

/**
 * Every format an OneSeal validator knows, exactly as registered: ajv's date, date-time (the API's timestamps),
 * uri and email, FORMAT_CHECKS, and the model's own cn-service-phone (not offered to form fields: a service
 * phone may be a local number, see ServicePhone). Standalone validator code reads the same table (STANDALONE_FORMATS_MODULE), so both run the
 * same checks.
 */
export const AJV_FORMATS: Record<string, Format> = {
  date: fullFormats.date,
  'date-time': fullFormats['date-time'],
  uri: fullFormats.uri,
  email: fullFormats.email,
  ...Object.fromEntries(
    Object.entries(FORMAT_CHECKS).map(([name, validate]) => [name, { type: 'string', validate }]),
  ),
  'cn-service-phone': { type: 'string', validate: isServicePhone },
};

/** The module name standalone validator code `require`s AJV_FORMATS by. */
export const STANDALONE_FORMATS_MODULE = '@oneseal/schemas/formats';

export interface AjvOptions {
  /**
   * The engine patterns run on (ajv's `code.regExp`): a server passes a linear-time one, so no stored pattern can
   * hang it. Browsers keep the default RegExp.
   */
  regExp?: CodeOptions['regExp'];
  /** Keep each validator's source, for standalone code (validators compiled ahead and run without eval). */
  standalone?: boolean;
}

/**
 * An Ajv (draft 2020-12) with every OneSeal schema and format registered. Callers that compile their own
 * schemas (a form's submission schema) get the same formats and messages as the model itself.
 */
export function createAjv(options: AjvOptions = {}): Ajv2020 {
  const code: CodeOptions = {};
  if (options.regExp) code.regExp = options.regExp;
  if (options.standalone)
    Object.assign(code, { source: true, formats: _`require(${STANDALONE_FORMATS_MODULE})` });
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    messages: false,
    code,
    // An answer is there only if it was given: a form field named like an Object.prototype member (a form
    // stored before such names were refused) is "必须填写" when missing, not the inherited function.
    ownProperties: true,
  });
  for (const [name, format] of Object.entries(AJV_FORMATS)) ajv.addFormat(name, format);
  // Code lists carry their zh labels beside the enum; an annotation only, never a constraint.
  ajv.addKeyword({ keyword: 'x-labels', metaSchema: { type: 'object' } });
  // The unit a count is stated in (份, 次), beside the property's zh title; an annotation only.
  ajv.addKeyword({ keyword: 'x-unit', metaSchema: { type: 'string' } });
  // The TypeScript type json-schema-to-typescript emits for a branch it cannot express (ResolvedItem's required
  // fields); an annotation only, the branch's own keywords are what is checked.
  ajv.addKeyword({ keyword: 'tsType', metaSchema: { type: 'string' } });
  for (const schema of loadSchemas()) ajv.addSchema(schema);
  return ajv;
}
