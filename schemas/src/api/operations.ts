import type { SchemaTypes } from '../generated/schemaRefs';

/** A named shape of the model: its type is SchemaTypes[name], its schema SCHEMA_REFS[name]. */
export type ShapeName = keyof SchemaTypes;

/**
 * What a successful answer carries: a JSON shape of the model, text (HTML, SVG, a script) or a file (PDF,
 * xlsx).
 */
export type Answer = ShapeName | 'text' | 'file';

/** One operation of the API as a client sees it; path parameters are read from the path itself. */
export interface OperationContract {
  /** Query parameters: name → required. Values are strings on the wire. */
  readonly query?: Readonly<Record<string, boolean>>;
  /** Request headers the operation reads: name → required. */
  readonly headers?: Readonly<Record<string, boolean>>;
  /** The JSON body's shape, or 'file' for an upload sent as it is. */
  readonly body?: ShapeName | 'file';
  /** The media type of a 'file' body. */
  readonly bodyType?: string;
  /** The success status and what it answers. Every error answer is ApiErrorBody. */
  readonly responses: Readonly<Partial<Record<200 | 201, Answer>>>;
}

const ifMatch = { 'If-Match': true } as const;
const fromTo = { from: true, to: true } as const;

/**
 * The API contract: every operation under /api by method and koa-style path. The catalogue API's route table
 * is checked against it (catalogue-api/src/__tests__/apiContract.spec.ts), and the typed client is built on it.
 */
export const API_OPERATIONS = {
  'GET /health': { responses: { 200: 'Health' } },
  'POST /auth/login': { body: 'Credentials', responses: { 200: 'Session' } },
  'GET /auth/me': { responses: { 200: 'Principal' } },

  'GET /public/regions': {
    query: { parent: false, level: false, q: false },
    responses: { 200: 'RegionList' },
  },
  'GET /public/regions/:code/items': {
    query: { type: false, tag: false, object: false, q: false, cursor: false, limit: false },
    responses: { 200: 'PublicItemPage' },
  },
  'GET /public/regions/:code/items/:itemCode': { responses: { 200: 'ResolvedItem' } },
  'GET /public/regions/:code/items/:itemCode/versions/:version': { responses: { 200: 'ResolvedItem' } },
  'GET /public/regions/:code/metrics': { responses: { 200: 'MetricsReport' } },
  'GET /public/changes': {
    query: { region: false, since: false, cursor: false, limit: false },
    responses: { 200: 'ChangePage' },
  },
  'GET /public/regions/:code/changes.atom': { responses: { 200: 'text' } },
  'GET /public/bundles': { responses: { 200: 'BundleList' } },
  'GET /public/data-elements': { responses: { 200: 'DataElementList' } },
  'GET /public/materials/:materialCode': { responses: { 200: 'Material' } },
  'GET /public/regions/:code/items/:itemCode/guide.html': { responses: { 200: 'text' } },
  'GET /public/regions/:code/items/:itemCode/guide.pdf': { responses: { 200: 'file' } },
  'GET /public/regions/:code/items/:itemCode/notice.html': { responses: { 200: 'text' } },
  'GET /public/regions/:code/items/:itemCode/notice.pdf': { responses: { 200: 'file' } },
  'GET /public/regions/:code/items/:itemCode/flowchart.svg': { responses: { 200: 'text' } },
  'GET /public/regions/:code/items/:itemCode/blank-form.html': { responses: { 200: 'text' } },
  'GET /public/regions/:code/items/:itemCode/blank-form.pdf': { responses: { 200: 'file' } },
  'GET /public/regions/:code/book.pdf': { responses: { 200: 'file' } },
  'GET /public/regions/:code/form-checks.js': { query: { items: true }, responses: { 200: 'text' } },

  'POST /preview/flowchart.svg': { body: 'BaseItemDraft', responses: { 200: 'text' } },
  'POST /preview/guide.html': { body: 'BaseItemDraft', responses: { 200: 'text' } },
  'POST /preview/form-checks.js': { body: 'FormDraft', responses: { 200: 'text' } },

  'POST /public/submissions': { body: 'SubmissionRequest', responses: { 201: 'SubmissionReceipt' } },
  'GET /public/submissions/:reference': {
    query: { code: false, phone: false },
    responses: { 200: 'SubmissionStatusView' },
  },
  'GET /public/submissions/:reference/application.html': {
    query: { code: true },
    responses: { 200: 'text' },
  },
  'GET /public/submissions/:reference/application.pdf': { query: { code: true }, responses: { 200: 'file' } },
  'GET /public/submissions/:reference/notice.html': { query: { code: true }, responses: { 200: 'text' } },
  'GET /public/submissions/:reference/notice.pdf': { query: { code: true }, responses: { 200: 'file' } },
  'GET /townships/:code/submissions': {
    query: { status: false, q: false },
    responses: { 200: 'ReceivedSubmissionList' },
  },
  'GET /townships/:code/submissions/:reference/application.html': { responses: { 200: 'text' } },
  'GET /townships/:code/submissions/:reference/application.pdf': { responses: { 200: 'file' } },
  'GET /townships/:code/submissions/:reference/notice.html': { responses: { 200: 'text' } },
  'GET /townships/:code/submissions/:reference/notice.pdf': { responses: { 200: 'file' } },
  'POST /townships/:code/submissions/:reference/status': {
    body: 'SubmissionStatusRequest',
    responses: { 200: 'SubmissionStatusChanged' },
  },

  'GET /public/regions/:code/slots': {
    query: { from: false, to: false, item: false },
    responses: { 200: 'BookingSlots' },
  },
  'POST /public/bookings': { body: 'BookingRequest', responses: { 201: 'Booking' } },
  'GET /public/bookings/:code': { query: { phone: true }, responses: { 200: 'Booking' } },
  'POST /public/bookings/:code/cancel': { body: 'BookingCancelRequest', responses: { 200: 'Booking' } },
  'GET /townships/:code/booking-settings': { responses: { 200: 'BookingSettingsView' } },
  'PUT /townships/:code/booking-settings': {
    body: 'BookingSettings',
    responses: { 200: 'BookingSettingsView' },
  },
  'GET /townships/:code/bookings': { query: { date: true }, responses: { 200: 'DayBookings' } },

  'GET /review/items': { responses: { 200: 'ReviewQueue' } },
  'GET /townships/:code/items': { responses: { 200: 'TownshipItemList' } },
  'POST /townships/:code/items': { body: 'AdoptRequest', responses: { 201: 'DraftView' } },
  'GET /townships/:code/items/:itemCode': { responses: { 200: 'DraftView' } },
  'PUT /townships/:code/items/:itemCode': {
    headers: ifMatch,
    body: 'ItemImplementation',
    responses: { 200: 'DraftSaved' },
  },
  'POST /townships/:code/items/:itemCode/submit': { responses: { 200: 'StatusChange' } },
  'POST /townships/:code/items/:itemCode/approve': {
    body: 'ReviewComment',
    responses: { 200: 'StatusChange' },
  },
  'POST /townships/:code/items/:itemCode/return': {
    body: 'ReturnComment',
    responses: { 200: 'StatusChange' },
  },
  'POST /townships/:code/items/:itemCode/withdraw': {
    body: 'ReasonRequest',
    responses: { 200: 'StatusChange' },
  },
  'POST /townships/:code/items/:itemCode/cancel': {
    body: 'ReasonRequest',
    responses: { 200: 'StatusChange' },
  },
  'POST /townships/:code/publish': { body: 'PublishRequest', responses: { 200: 'TownshipPublished' } },
  'GET /townships/:code/items/:itemCode/versions': { responses: { 200: 'ImplementationVersionList' } },
  'GET /townships/:code/items/:itemCode/versions/:version': { responses: { 200: 'ImplementationVersion' } },
  'GET /townships/:code/items/:itemCode/diff': { query: fromTo, responses: { 200: 'VersionDiff' } },
  'GET /townships/:code/items.xlsx': { responses: { 200: 'file' } },
  'GET /townships/:code/export': { query: { format: true }, responses: { 200: 'file' } },
  'POST /townships/:code/items/import': {
    query: { mode: false },
    body: 'file',
    bodyType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    responses: { 200: 'ImportReport' },
  },

  'GET /base-items': {
    query: { q: false, type: false, status: false },
    responses: { 200: 'BaseItemSummaryList' },
  },
  'POST /base-items': { body: 'BaseItem', responses: { 201: 'BaseItemView' } },
  'GET /base-items/:code': { responses: { 200: 'BaseItemView' } },
  'PUT /base-items/:code': { headers: ifMatch, body: 'BaseItem', responses: { 200: 'BaseItemSaved' } },
  'POST /base-items/:code/publish': { body: 'PublishRequest', responses: { 200: 'BaseItemPublished' } },
  'POST /base-items/:code/retire': { body: 'ReasonRequest', responses: { 200: 'BaseItemRetired' } },
  'GET /base-items/:code/versions': { responses: { 200: 'BaseItemVersionList' } },
  'GET /base-items/:code/diff': { query: fromTo, responses: { 200: 'VersionDiff' } },

  'GET /materials': { responses: { 200: 'MaterialEntryList' } },
  'GET /materials/:code': { responses: { 200: 'MaterialEntry' } },
  'POST /materials': { body: 'Material', responses: { 201: 'MaterialEntry' } },
  'PUT /materials/:code': { headers: ifMatch, body: 'Material', responses: { 200: 'MaterialEntry' } },
  'GET /data-elements': { responses: { 200: 'DataElementEntryList' } },
  'GET /data-elements/:code': { responses: { 200: 'DataElementEntry' } },
  'POST /data-elements': { body: 'DataElement', responses: { 201: 'DataElementEntry' } },
  'PUT /data-elements/:code': {
    headers: ifMatch,
    body: 'DataElement',
    responses: { 200: 'DataElementEntry' },
  },
  'GET /bundles': { responses: { 200: 'BundleEntryList' } },
  'GET /bundles/:code': { responses: { 200: 'BundleEntry' } },
  'POST /bundles': { body: 'Bundle', responses: { 201: 'BundleEntry' } },
  'PUT /bundles/:code': { headers: ifMatch, body: 'Bundle', responses: { 200: 'BundleEntry' } },

  'GET /admin/webhooks': { responses: { 200: 'WebhookList' } },
  'POST /admin/webhooks': { body: 'WebhookRequest', responses: { 201: 'Webhook' } },
  'PUT /admin/webhooks/:id': { body: 'WebhookRequest', responses: { 200: 'Webhook' } },
  'DELETE /admin/webhooks/:id': { responses: { 200: 'Webhook' } },
  'GET /audit': {
    query: { entityType: false, entityKey: false, before: false, limit: false },
    responses: { 200: 'AuditList' },
  },
  'GET /users': { responses: { 200: 'UserList' } },
  'POST /users': { body: 'NewUser', responses: { 201: 'User' } },

  'GET /openapi.json': { responses: { 200: 'OpenApiDocument' } },
  'GET /docs': { responses: { 200: 'text' } },
  'GET /docs/init.js': { responses: { 200: 'text' } },
  'GET /docs/assets/:file': { responses: { 200: 'text' } },
} as const satisfies Record<`${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`, OperationContract>;

export type Operations = typeof API_OPERATIONS;
export type OperationKey = keyof Operations;
export type Method = OperationKey extends `${infer M} ${string}` ? M : never;
