import type { BookingRequest, SubmissionRequest } from '@oneseal/schemas';
import { browserClient, importFieldChecks } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';

/** The typed client of the catalogue API; the portal's visitors are not signed in. */
const client = browserClient();

/** How the applicant proves an application is theirs: the 查询码 of the receipt (everything) or the phone (progress). */
export type ApplicantSecret = { code: string } | { phone: string };

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return search ? `?${search}` : '';
};

export const api = {
  regions: (q?: string) => client.get('/public/regions', { query: { q } }),
  items: (region: string, params: { q?: string; tag?: string; cursor?: string }) =>
    client.get('/public/regions/:code/items', { params: { code: region }, query: { ...params, limit: 100 } }),
  item: (region: string, code: string) =>
    client.get('/public/regions/:code/items/:itemCode', { params: { code: region, itemCode: code } }),
  itemVersion: (region: string, code: string, version: number) =>
    client.get('/public/regions/:code/items/:itemCode/versions/:version', {
      params: { code: region, itemCode: code, version: String(version) },
    }),
  bundles: () => client.get('/public/bundles'),
  /** The latest entries of the change feed: of one region (and the regions under it), or of all. */
  changes: (region: string | undefined, limit: number) =>
    client.get('/public/changes', { query: { region, limit: String(limit) } }),
  dataElements: () => client.get('/public/data-elements'),
  /** The form's field checks, compiled by the server for exactly these items (a same-origin module, no eval). */
  fieldChecks: (region: string, codes: string[]) =>
    importFieldChecks(
      `/api/public/regions/${region}/form-checks.js${query({ items: codes.join(',') })}`,
    ).catch(() => {
      throw new ApiProblem(0, 'network', '无法加载申请表的校验规则，请刷新页面重试');
    }),
  /** Sends an application; the model asks for one item at least, which the application page always has. */
  submit: ({
    items: [first, ...rest],
    ...request
  }: Omit<SubmissionRequest, 'items'> & { items: string[] }) =>
    first === undefined
      ? Promise.reject(new ApiProblem(400, 'no-items', '请至少选择一个事项'))
      : client.post('/public/submissions', { body: { ...request, items: [first, ...rest] } }),
  submission: (reference: string, secret: ApplicantSecret) =>
    client.get('/public/submissions/:reference', { params: { reference }, query: secret }),
  /** The bookable days and slots of a township for an item (the server's default range: 14 days from today). */
  slots: (region: string, item: string) =>
    client.get('/public/regions/:code/slots', { params: { code: region }, query: { item } }),
  book: (request: BookingRequest) => client.post('/public/bookings', { body: request }),
  booking: (code: string, phone: string) =>
    client.get('/public/bookings/:code', { params: { code }, query: { phone } }),
  cancelBooking: (code: string, phone: string) =>
    client.post('/public/bookings/:code/cancel', { params: { code }, body: { phone } }),
};

/** Where the printable documents are (opened by the browser itself, not fetched). */
export const documentUrl = {
  item: (
    region: string,
    code: string,
    document: 'guide.pdf' | 'notice.pdf' | 'flowchart.svg' | 'blank-form.pdf',
  ) => `/api/public/regions/${region}/items/${code}/${document}`,
  submission: (reference: string, code: string, document: 'application.pdf' | 'notice.pdf') =>
    `/api/public/submissions/${reference}/${document}${query({ code })}`,
};

/**
 * The 查询码 of an application this tab submitted, for its receipt page (which may be reloaded). Kept for the
 * session only: a shared computer in the service hall forgets it; the applicant writes it down or prints it.
 */
export const receipts = {
  save: (reference: string, code: string) => sessionStorage.setItem(`oneseal.receipt.${reference}`, code),
  load: (reference: string): string | undefined =>
    sessionStorage.getItem(`oneseal.receipt.${reference}`) ?? undefined,
};
