// Editors of model documents derived from the model's JSON Schemas (the model drives the editor).
export { editorSchema } from './toFormily';
export { schemaById } from './resolve';
export { SchemaEditor, showFindings, fieldPath } from './SchemaEditor';
export { ItemFormContext } from './ConditionField';
export { placeOf } from './place';
