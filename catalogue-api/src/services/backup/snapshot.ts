import type { Dialect } from '../../db/connect';
import { dialectOf } from '../../db/connect';
import type { ColumnManifest } from './format';
import { openMysqlSnapshot } from './mysqlSnapshot';
import { openSqliteSnapshot } from './sqliteSnapshot';

export interface SnapshotTable {
  name: string;
  columns: ColumnManifest[];
}

/**
 * One consistent point of a live database: every table as it stood when the snapshot was taken, whatever is
 * written meanwhile. Rows are read a few at a time, so memory does not grow with a table.
 */
export interface Snapshot {
  dialect: Dialect;
  source: string;
  takenAt: Date;
  migrations: string[];
  /** OneSeal's tables (TABLES_LEFT_OUT aside), by name. */
  tables: SnapshotTable[];
  /** The table's rows, values in column order as the driver returns them. */
  rows(table: SnapshotTable): AsyncIterable<unknown[]>;
  close(): Promise<void>;
}

/** A snapshot of the database at `dbUrl`; SQLite's copy is made in `workDir`. */
export function openSnapshot(dbUrl: string, workDir: string): Promise<Snapshot> {
  return dialectOf(dbUrl) === 'sqlite' ? openSqliteSnapshot(dbUrl, workDir) : openMysqlSnapshot(dbUrl);
}
