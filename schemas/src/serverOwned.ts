/**
 * Properties of an item document that the server or the workflow sets and no editor types: its kind and model
 * version, lifecycle (status, version, dates) and where it belongs. The editor leaves them out; the change
 * summary leaves them out too, since a change entry states versions and dates apart.
 */
export const SERVER_OWNED_PROPERTIES: ReadonlySet<string> = new Set([
  'kind',
  'schemaVersion',
  'status',
  'version',
  'effectiveDate',
  'cancelDate',
  'baseVersion',
  'regionCode',
  'baseCode',
]);
