// The public entry of @oneseal/templates: render a precompiled document template with a prepared view.
export { renderDocument, DOCUMENT_NAMES, PRINT_CSS, trusted } from './render';
export type { DocumentName, TrustedMarkup } from './render';
