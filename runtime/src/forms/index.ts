export { mergeForms, fanOut, sectionKey } from './mergeForms';
export type { MergedForm, MergedMaterial, MergeConflict } from './mergeForms';
export { deriveForm } from './deriveForm';
export type { DerivedForm, FormilyNode } from './deriveForm';
export { cleanAnswers, fieldCheck, warmUpFieldChecks, withSections } from './fieldCheck';
export { conditionSchema } from './conditionSchema';
export { applyBundle } from './bundle';
export type { BundleOutcome } from './bundle';
export { maskAnswers, maskNumber } from './maskAnswers';
