import type { ValidationIssue } from '../generated/types';
import { migrate1to2 } from './migration.1-2';

/** The schema version this model writes and validates. */
export const SCHEMA_VERSION = 2;

// STEPS[n] takes a document of version n + 1 to version n + 2.
const STEPS: readonly ((doc: unknown) => unknown)[] = [migrate1to2];

export interface Migrated {
  /** The document at SCHEMA_VERSION, or as it came when it cannot be migrated (see `issue`). */
  document: unknown;
  /** The version the document carried; equals SCHEMA_VERSION when nothing had to change. */
  from: number | undefined;
  /** Why the document could not be migrated: a version this model does not know. */
  issue?: ValidationIssue;
}

function versionOf(doc: unknown): number | undefined {
  const version =
    doc !== null && typeof doc === 'object' ? (doc as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Reads a document of any earlier schema version as the current one, one pure step per version. A document
 * without a version, or of a version newer than this model, is returned as it is with an issue that says why.
 */
export function migrateDocument(doc: unknown): Migrated {
  const from = versionOf(doc);
  if (from === undefined || from < 1 || from > SCHEMA_VERSION)
    return {
      document: doc,
      from,
      issue: {
        path: '/schemaVersion',
        message:
          from === undefined
            ? `缺少模型版本（schemaVersion），当前版本为 ${SCHEMA_VERSION}`
            : `不认识的模型版本 ${from}，当前版本为 ${SCHEMA_VERSION}`,
      },
    };
  let document = doc;
  for (let version = from; version < SCHEMA_VERSION; version++) document = STEPS[version - 1]!(document);
  return { document, from };
}
