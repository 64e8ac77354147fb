// The browser entry of @oneseal/runtime (`@oneseal/runtime/web`), what the portal and the designer share: the form
// renderer and the pure form functions it renders from, the guide's sections and the notice's view, and the one way both apps load data
// (useRequest, and browserClient: the model's typed client and its ApiProblem on the browser's fetch).
export * from './renderer';
export { useRequest } from './useRequest';
export type { RequestState } from './useRequest';
export { guideSections } from '../src/documents/guideView';
export type { GuideSection } from '../src/documents/guideView';
export { noticeView } from '../src/documents/noticeView';
export type { NoticeView } from '../src/documents/noticeView';
export { copiesText } from '../src/documents/text';
export { materialUse } from '../src/forms/mergeMaterials';
export { formatQueryCode, normaliseQueryCode } from '../src/queryCode';
export { formatBookingCode, normaliseBookingCode } from '../src/bookingCode';
export { browserClient } from './apiClient';
export { ErrorBoundary, ErrorPage } from './ErrorBoundary';
export { GuideSections } from './GuideSections';
