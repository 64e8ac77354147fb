// The public entry of @oneseal/runtime: documents, flowcharts and PDFs rendered from published items.
export {
  renderGuide,
  renderNotice,
  renderBlankForm,
  renderApplication,
  renderSubmissionNotice,
} from './documents/render';
export type { SubmittedApplication } from './documents/applicationView';
export type { DocumentOptions } from './documents/render';
export { guideSections } from './documents/guideView';
export type { GuideSection } from './documents/guideView';
export { UnknownMaterialError } from './documents/noticeView';
export type { NoticeOptions } from './documents/noticeView';
export { renderFlowchart, layoutFlowchart } from './flowchart';
export { PdfPrinter, ChromiumMissingError, CHROMIUM_PATH, CHROMIUM_FLAGS } from './pdf/browser';
export { renderBook } from './pdf/book';
export type { BookOptions, BookProgress } from './pdf/book';
export { destinationPages, stampPageNumbers, PageNumberFontMissingError } from './pdf/pages';
export {
  CONTACT_ELEMENT,
  mergeForms,
  fanOut,
  sectionKey,
  deriveForm,
  TEXT_CEILING,
  conditionSchema,
  applyBundle,
  maskAnswers,
  withSections,
} from './forms';
export type {
  MergedForm,
  MergedMaterial,
  MergeConflict,
  DerivedForm,
  FormilyNode,
  FieldChecks,
} from './forms';
export { QUERY_CODE_PATTERN, formatQueryCode, normaliseQueryCode, queryCodeFromBytes } from './queryCode';
export {
  BOOKING_CODE_PATTERN,
  bookingCodeFromBytes,
  formatBookingCode,
  normaliseBookingCode,
} from './bookingCode';
