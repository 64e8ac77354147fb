import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isDivisionCode } from './formats/division';
import { isIdCardNumber } from './formats/idCard';
import { isMobile, isPhone, isPostcode } from './formats/phone';
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
 * An Ajv (draft 2020-12) with every OneSeal schema and format registered. Callers that compile their own
 * schemas (a form's submission schema) get the same formats and messages as the model itself.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    messages: false,
    // An answer is there only if it was given: a form field named like an Object.prototype member (a form
    // stored before such names were refused) is "必须填写" when missing, not the inherited function.
    ownProperties: true,
  });
  addFormats(ajv, ['date', 'uri', 'email']);
  for (const [name, validate] of Object.entries(FORMAT_CHECKS))
    ajv.addFormat(name, { type: 'string', validate });
  // Code lists carry their zh labels beside the enum; an annotation only, never a constraint.
  ajv.addKeyword({ keyword: 'x-labels', metaSchema: { type: 'object' } });
  for (const schema of loadSchemas()) ajv.addSchema(schema);
  return ajv;
}
