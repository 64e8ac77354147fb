// The browser entry of @oneseal/runtime: the form renderer the portal and the designer's preview share, and the
// pure form functions it renders from.
export { ensureAllFields, FormRenderer } from './FormRenderer';
export { importFieldChecks } from './fieldChecks';
export { FIELD_CONTROLS, FIELD_ICONS } from './fieldTypes';
export type { FormRendererProps, Provenance } from './FormRenderer';
export { applyBundle, cleanAnswers, deriveForm, mergeForms } from '../../src/forms';
export type { BundleOutcome, FieldChecks, FormilyNode, MergedForm } from '../../src/forms';
