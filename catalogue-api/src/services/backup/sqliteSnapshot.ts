import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Database, OPEN_READONLY, OPEN_READWRITE } from 'sqlite3';
import { BackupError, TABLES_LEFT_OUT } from './format';
import type { Snapshot, SnapshotTable } from './snapshot';

// sqlite3 ships its online backup API (lib/sqlite3.js, Database#backup) without type declarations.
interface OnlineBackup {
  completed: boolean;
  failed: boolean;
  step(pages: number, done: (error: Error | null) => void): void;
  finish(done: (error: Error | null) => void): void;
}
type BackupSource = Database & { backup(file: string, ready: (error: Error | null) => void): OnlineBackup };

const call = (work: (done: (error: Error | null) => void) => void) =>
  new Promise<void>((resolve, reject) => work((error) => (error ? reject(error) : resolve())));

function open(file: string, mode: number): Promise<Database> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

function all(db: Database, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows: Record<string, unknown>[]) => (error ? reject(error) : resolve(rows))),
  );
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies the live database with SQLite's online backup API in a single step: the copy is one read transaction,
 * so it is one consistent point while the server goes on writing (WAL: readers never block the writer). In
 * smaller steps the copy would restart whenever another connection writes, and under steady writes never end.
 * The slow part, turning rows into the dump, then reads the private copy, not the live file.
 */
async function copyDatabase(file: string, copy: string): Promise<Date> {
  const source = (await open(file, OPEN_READWRITE)) as BackupSource;
  try {
    let backup: OnlineBackup | undefined;
    await call((done) => (backup = source.backup(copy, done)));
    const takenAt = new Date();
    // BUSY and LOCKED (sqlite3's retryErrors) leave the backup going: try again a little later.
    for (let attempt = 0; !backup!.completed; attempt++) {
      try {
        await call((done) => backup!.step(-1, done));
      } catch (error) {
        if (backup!.failed || attempt >= 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await call((done) => backup!.finish(done));
    return takenAt;
  } finally {
    await call((done) => source.close(done));
  }
}

/** Rows per read, tuned as it goes so that one read holds about this many bytes (documents can be large). */
const READ_BYTES = 4 * 1024 * 1024;
const ROWID = '_oneseal_rowid';

const sizeOf = (values: unknown[]) =>
  values.reduce<number>((sum, v) => sum + (typeof v === 'string' || Buffer.isBuffer(v) ? v.length : 8), 0);

export async function openSqliteSnapshot(dbUrl: string, workDir: string): Promise<Snapshot> {
  const path = dbUrl.slice('sqlite:'.length);
  if (path === '' || path === ':memory:') throw new BackupError('内存中的 SQLite 数据库无法备份');
  const file = resolve(path);
  if (!existsSync(file)) throw new BackupError(`数据库文件不存在：${file}`);
  const copyFile = join(workDir, 'snapshot.sqlite');
  const takenAt = await copyDatabase(file, copyFile);
  const copy = await open(copyFile, OPEN_READONLY);
  try {
    const hasMigrations = await all(copy, "SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'");
    if (hasMigrations.length === 0)
      throw new BackupError(`${file} 不是 OneSeal 数据库（没有 schema_migrations）`);
    const migrations = (await all(copy, 'SELECT name FROM schema_migrations ORDER BY name')).map((r) =>
      String(r.name),
    );
    const names = await all(
      copy,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    );
    const tables: SnapshotTable[] = [];
    for (const { name } of names) {
      if (TABLES_LEFT_OUT.includes(String(name))) continue;
      const columns = await all(copy, `PRAGMA table_info(${quote(String(name))})`);
      tables.push({
        name: String(name),
        columns: columns.map((c) => ({ name: String(c.name), type: String(c.type) })),
      });
    }
    return {
      dialect: 'sqlite',
      source: file,
      takenAt,
      migrations,
      tables,
      async *rows(table) {
        const columns = table.columns.map((c) => quote(c.name)).join(', ');
        let after: unknown;
        let limit = 256;
        for (;;) {
          const batch = await all(
            copy,
            `SELECT _rowid_ AS ${ROWID}, ${columns} FROM ${quote(table.name)}
             ${after === undefined ? '' : 'WHERE _rowid_ > ?'} ORDER BY _rowid_ LIMIT ?`,
            after === undefined ? [limit] : [after, limit],
          );
          let bytes = 0;
          for (const row of batch) {
            const values = table.columns.map((c) => row[c.name]);
            bytes += sizeOf(values);
            yield values;
          }
          if (batch.length < limit) return;
          after = batch[batch.length - 1]![ROWID];
          limit = Math.max(1, Math.min(1024, Math.floor((limit * READ_BYTES) / Math.max(bytes, 1))));
        }
      },
      close: () => call((done) => copy.close(done)),
    };
  } catch (error) {
    await call((done) => copy.close(done));
    throw error;
  }
}
