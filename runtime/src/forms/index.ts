export { mergeForms, fanOut, sectionKey } from './mergeForms';
export type { MergedForm, MergedMaterial, MergeConflict } from './mergeForms';
export { validationSchema } from './validationSchema';
export { conditionSchema } from './conditionSchema';
