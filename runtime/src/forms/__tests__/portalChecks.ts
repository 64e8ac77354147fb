import type { ItemForm } from '@oneseal/schemas';
import { checksModule, loadChecks } from '@oneseal/schemas';
import type { DerivedForm } from '../deriveForm';
import { deriveForm } from '../deriveForm';
import type { FieldChecks } from '../fieldCheck';

/** The field checks as the portal runs them: the server's standalone module, its text evaluated as the page imports it. */
export function compiledChecks(fieldSchemas: DerivedForm['fieldSchemas']): FieldChecks {
  const source = checksModule(fieldSchemas);
  const factory = new Function(source.replace('export default function checks', 'return function checks'))();
  return loadChecks(factory);
}

/** `deriveForm` as the portal has it: each field with the check the server compiled for it. */
export function derivedAsInPortal(form: ItemForm): DerivedForm {
  return deriveForm(form, compiledChecks(deriveForm(form).fieldSchemas));
}
