import type { ItemForm } from '@oneseal/schemas';
import { checksModule, evaluateChecks } from '@oneseal/schemas';
import type { DerivedForm } from '../deriveForm';
import { deriveForm } from '../deriveForm';

/** `deriveForm` as the portal has it: each field with the check the server compiled for it (`checksModule`). */
export function derivedAsInPortal(form: ItemForm): DerivedForm {
  return deriveForm(form, evaluateChecks(checksModule(deriveForm(form).fieldSchemas)));
}
