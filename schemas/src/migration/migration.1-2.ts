/**
 * Version 1 → 2 of every OneSeal document, one pure step (nothing read, nothing mutated):
 * - a time limit of 0 meant 即办; version 2 says so (`{ none: 'immediate' }`) and keeps numbers for real spans;
 * - contacts were two fixed phones and two texts; version 2 holds any number of contacts, each with its use.
 * Everything else version 1 required is still allowed as it was: version 2 only lets more be left unstated.
 */

type Json = Record<string, unknown>;

interface ContactsV1 {
  consultPhone?: string;
  complaintPhone?: string;
  consultOther?: string;
  complaintOther?: string;
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function limit(value: unknown): unknown {
  if (!isObject(value) || value.value !== 0) return value;
  const rest: Json = { ...value };
  delete rest.value;
  delete rest.unit;
  return { none: 'immediate', ...rest };
}

function contacts(value: unknown): unknown {
  if (!isObject(value)) return value;
  const v1 = value as ContactsV1;
  return [
    ...(v1.consultPhone ? [{ kind: 'consult', phone: v1.consultPhone }] : []),
    ...(v1.consultOther ? [{ kind: 'consult', channel: v1.consultOther }] : []),
    ...(v1.complaintPhone ? [{ kind: 'complaint', phone: v1.complaintPhone }] : []),
    ...(v1.complaintOther ? [{ kind: 'complaint', channel: v1.complaintOther }] : []),
  ];
}

function withLimit(record: unknown, key: string): unknown {
  return isObject(record) && key in record ? { ...record, [key]: limit(record[key]) } : record;
}

function mapList(list: unknown, step: (entry: unknown) => unknown): unknown {
  return Array.isArray(list) ? list.map(step) : list;
}

function processStep(step: unknown): unknown {
  const upgraded = withLimit(step, 'timeLimit');
  return isObject(upgraded) && 'branches' in upgraded
    ? { ...upgraded, branches: mapList(upgraded.branches, (b) => withLimit(b, 'timeLimit')) }
    : upgraded;
}

/** One document of schema version 1 as version 2; a document of any other version is returned unchanged. */
export function migrate1to2(doc: unknown): unknown {
  if (!isObject(doc) || doc.schemaVersion !== 1) return doc;
  const out: Json = { ...doc, schemaVersion: 2 };
  for (const key of ['statutoryLimit', 'promisedLimit'] as const) if (key in out) out[key] = limit(out[key]);
  if ('process' in out) out.process = mapList(out.process, processStep);
  if ('specialProcedures' in out)
    out.specialProcedures = mapList(out.specialProcedures, (p) => withLimit(p, 'timeLimit'));
  if ('contacts' in out) out.contacts = contacts(out.contacts);
  return out;
}
