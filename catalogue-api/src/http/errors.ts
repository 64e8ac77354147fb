import type { ValidationIssue } from '@oneseal/schemas';

/** A message in both languages the API speaks; zh-CN unless the client asks for English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * An error a client caused or may act on: its status, a stable code, a message in zh-CN and English, and the
 * problems by JSON path. The one error middleware turns it into `{ error: { code, message, details } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly details: ValidationIssue[] = [],
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

export const badRequest = (text: Bilingual, details: ValidationIssue[] = []) =>
  new ApiError(400, 'bad-request', text, details);
export const unauthorized = (text: Bilingual = { zh: '请先登录', en: 'Sign in first' }) =>
  new ApiError(401, 'unauthorized', text, [], {}, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (text: Bilingual) => new ApiError(403, 'forbidden', text);
export const notFound = (text: Bilingual) => new ApiError(404, 'not-found', text);
export const conflict = (code: string, text: Bilingual, extra: Record<string, unknown> = {}) =>
  new ApiError(409, code, text, [], extra);
export const invalid = (text: Bilingual, details: ValidationIssue[], extra: Record<string, unknown> = {}) =>
  new ApiError(422, 'invalid', text, details, extra);
