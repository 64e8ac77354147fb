// The few things the model cannot say about its own editor, in one place: units beside numbers, which text is
// long, what the server owns. Everything else — labels (titles) and help (descriptions) included — comes from the
// JSON Schemas, so an element added to the model appears in the editor without new UI code.

/** Set by the server or by the workflow, never typed by an editor. */
export const SERVER_OWNED = new Set([
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

/**
 * The unit beside a number, by property name, where the model's value is always counted in it. A time limit's
 * unit is a field of its own (个工作日, 个自然日 …) and shows beside its number instead.
 */
export const UNITS: Record<string, string> = {
  originals: '份',
  copies: '份',
  amount: '元',
  visits: '次',
  maxVisits: '次',
  minLength: '个字',
  maxLength: '个字',
};

/** Free text that deserves more than one line. */
export const LONG_TEXT = new Set([
  'place',
  'hours',
  'visitReason',
  'publicQuery',
  'scope',
  'text',
  'answer',
  'description',
  'note',
  'notes',
]);
