import Handlebars from 'handlebars/runtime';
import { DOCUMENTS, PARTIALS, PRINT_CSS } from './generated/templates';

export { PRINT_CSS };

export type DocumentName = keyof typeof DOCUMENTS;
export const DOCUMENT_NAMES = Object.keys(DOCUMENTS) as DocumentName[];

/**
 * Markup this code base generated itself (a flowchart or QR code SVG, a page style with CSS-escaped text):
 * the only thing a template prints unescaped. Editor text never becomes trusted markup; it is escaped where it
 * is put into the SVG or CSS, and by Handlebars everywhere else.
 */
export type TrustedMarkup = Handlebars.SafeString;

export function trusted(markup: string): TrustedMarkup {
  return new Handlebars.SafeString(markup);
}

// An isolated runtime: helpers and partials registered here cannot leak into (or from) another Handlebars user.
// Views arrive with every text already prepared (labels, limits): the only helper compares a value.
const hb = Handlebars.create();
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
for (const [name, spec] of Object.entries(PARTIALS)) hb.registerPartial(name, hb.template(spec));
const compiled = Object.fromEntries(
  Object.entries(DOCUMENTS).map(([name, spec]) => [name, hb.template(spec)]),
) as Record<DocumentName, HandlebarsTemplateDelegate>;

/** Renders one document; the view is prepared by the caller (runtime), templates only lay it out. */
export function renderDocument(name: DocumentName, view: object): string {
  return compiled[name](view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
