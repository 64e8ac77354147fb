import { SCHEMA_DOCUMENTS } from './generated/schemaDocuments';

const BASE_URI = 'https://schemas.oneseal.cn/v1/';

/** `$id` of each entity schema, by the `kind` its documents carry (regions carry none). */
export const SCHEMA_IDS = {
  'base-item': `${BASE_URI}base-item.schema.json`,
  implementation: `${BASE_URI}item-implementation.schema.json`,
  item: `${BASE_URI}item.schema.json`,
  bundle: `${BASE_URI}bundle.schema.json`,
  material: `${BASE_URI}material.schema.json`,
  'data-element': `${BASE_URI}data-element.schema.json`,
  region: `${BASE_URI}region.schema.json`,
  'item-form': `${BASE_URI}item-form.schema.json`,
  'material-requirement': `${BASE_URI}material-requirement.schema.json`,
  'process-step': `${BASE_URI}process-step.schema.json`,
  results: `${BASE_URI}results.schema.json`,
  api: `${BASE_URI}api.schema.json`,
} as const;

export type SchemaName = keyof typeof SCHEMA_IDS;

export interface JsonSchemaObject {
  $id?: string;
  $defs?: Record<string, JsonSchemaObject>;
  properties?: Record<string, JsonSchemaObject>;
  [keyword: string]: unknown;
}

/**
 * Every OneSeal schema. The JSON files in `schemas/json` are the source; the build turns them into a module so
 * that browsers (portal, designer) load the model exactly as the server does.
 */
export function loadSchemas(): readonly JsonSchemaObject[] {
  return SCHEMA_DOCUMENTS as readonly JsonSchemaObject[];
}

/** The schema whose `$id` ends with `file` (e.g. "base-item.schema.json"). */
export function schemaFile(file: string): JsonSchemaObject {
  const schema = loadSchemas().find((s) => s.$id === BASE_URI + file);
  if (!schema) throw new Error(`no OneSeal schema ${file}`);
  return schema;
}
