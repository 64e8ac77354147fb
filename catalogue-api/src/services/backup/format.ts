import { createAjv, toIssues } from '@oneseal/schemas';
import type { Dialect } from '../../db/connect';

/**
 * The OneSeal backup file: a tar archive (readable with any `tar`) holding, in this order,
 *
 * - `oneseal-backup.json` — the manifest (BackupManifest below);
 * - `database.ndjson.gz` — every table's rows as gzip'd NDJSON: for each table in the manifest's order, a line
 *   `{"table":"regions","columns":["code",…]}`, then one JSON array per row, values in column order;
 * - `files/…` — the uploaded files, as they lie under FILES_DIR (absent when they live in object storage);
 * - `files.sha256` — `sha256sum` lines (`<hex>  files/…`) of those files, in archive order.
 *
 * A row value is a JSON string, number or null as the source database holds it, or `{"base64":"…"}` for bytes.
 * Dates stay as the source dialect writes them (Sequelize writes UTC) and are converted only when a backup is
 * restored into the other dialect.
 */
export const BACKUP_FORMAT = 'oneseal-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const ENTRY = {
  manifest: 'oneseal-backup.json',
  database: 'database.ndjson.gz',
  filesPrefix: 'files/',
  fileListing: 'files.sha256',
} as const;

/** Not backed up: umzug's record (the manifest lists the migrations instead) and transient counters. */
export const TABLES_LEFT_OUT = ['schema_migrations', 'rate_limits'];

export interface ColumnManifest {
  name: string;
  /** As the source database declares it (`DATETIME`, `varchar(12)`, `longblob`…). */
  type: string;
}

export interface TableManifest {
  name: string;
  columns: ColumnManifest[];
  rows: number;
  /** SHA-256 of the table's row lines (each with its newline) as written in the dump. */
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** When the consistent snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  dialect: Dialect;
  /** The database backed up: the SQLite file, or host, port and database of MySQL (never credentials). */
  source: string;
  /** The schema migrations applied to the source, in order. */
  migrations: string[];
  tables: TableManifest[];
  /** Where the uploaded files were, and whether the archive holds them (object storage is only named). */
  files: { location: string; included: boolean };
}

/** A backup or restore that cannot go on; the message is zh-CN and says what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Table and column names go into SQL as quoted identifiers: only plain names are accepted from an archive. */
const IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

const MANIFEST_SCHEMA = {
  type: 'object',
  required: ['format', 'formatVersion', 'createdAt', 'dialect', 'source', 'migrations', 'tables', 'files'],
  properties: {
    format: { const: BACKUP_FORMAT },
    formatVersion: { type: 'integer' },
    createdAt: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z$' },
    dialect: { enum: ['sqlite', 'mysql'] },
    source: { type: 'string' },
    migrations: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,200}$' } },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'columns', 'rows', 'sha256'],
        properties: {
          name: { type: 'string', pattern: IDENTIFIER },
          columns: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['name', 'type'],
              properties: { name: { type: 'string', pattern: IDENTIFIER }, type: { type: 'string' } },
            },
          },
          rows: { type: 'integer', minimum: 0 },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
    files: {
      type: 'object',
      required: ['location', 'included'],
      properties: { location: { type: 'string' }, included: { type: 'boolean' } },
    },
  },
};

let validateManifest: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** The manifest read from an archive, checked before anything of it is used. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError(`${ENTRY.manifest} 不是有效的 JSON`);
  }
  validateManifest ??= createAjv().compile(MANIFEST_SCHEMA);
  if (!validateManifest(value)) {
    const issue = toIssues(validateManifest.errors)[0];
    throw new BackupError(`${ENTRY.manifest} 无效：${issue?.path ?? '/'} ${issue?.message ?? ''}`.trim());
  }
  const manifest = value as BackupManifest;
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `备份文件格式版本 ${manifest.formatVersion} 不受支持（本版本读取第 ${BACKUP_FORMAT_VERSION} 版）`,
    );
  return manifest;
}

export type DumpValue = string | number | null | { base64: string };
export type RowValue = string | number | null | Buffer;

/** A value of `column` (`table.column`) as the source driver returned it, for the dump. */
export function encodeValue(value: unknown, column: string): DumpValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  throw new BackupError(`无法备份 ${column} 的值：数据库驱动给出的类型是 ${typeof value}`);
}

export function decodeValue(value: unknown): RowValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  const base64 = (value as { base64?: unknown } | undefined)?.base64;
  if (typeof base64 === 'string' && Object.keys(value as object).length === 1)
    return Buffer.from(base64, 'base64');
  throw new BackupError('备份中有无法识别的值');
}

/** `2026-12-03 13:06:16[.691][ +00:00]`: date, time, fraction, zone (UTC when absent, as Sequelize writes). */
const DATE_TEXT = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d+)? ?(Z|[+-]\d\d:\d\d)?$/;

const isDateColumn = (column: ColumnManifest) => /^(datetime|timestamp)/i.test(column.type);

/**
 * How a dumped date becomes the target's: Sequelize writes UTC, on SQLite as text `2026-12-03 13:06:16.691 +00:00`,
 * on MySQL as a DATETIME `2026-12-03 13:06:16` (whole seconds). Same dialect: unchanged.
 */
export function dateConverter(from: Dialect, to: Dialect, column: ColumnManifest) {
  if (from === to || !isDateColumn(column)) return undefined;
  return (value: RowValue): RowValue => {
    if (typeof value !== 'string') return value;
    const parts = DATE_TEXT.exec(value);
    const utc = parts && new Date(`${parts[1]}T${parts[2]}${(parts[3] ?? '').slice(0, 4)}${parts[4] ?? 'Z'}`);
    if (!utc || Number.isNaN(utc.getTime()))
      throw new BackupError(`列 ${column.name} 的日期无法识别：${value}`);
    const text = utc.toISOString().replace('T', ' ');
    return to === 'sqlite' ? text.replace('Z', ' +00:00') : text.slice(0, 19);
  };
}
