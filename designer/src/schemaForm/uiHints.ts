// The few things the model cannot say about its own editor, in one place: units beside numbers, which text is
// long. Everything else — labels (titles), help (descriptions), units (x-unit) and what the server owns included —
// comes from @oneseal/schemas, so an element added to the model appears in the editor without new UI code.

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
