import type { Connection, RowDataPacket } from 'mysql2';
import { createConnection } from 'mysql2';
import { mysqlEndpoint } from '../../db/connect';
import { BackupError, TABLES_LEFT_OUT } from './format';
import type { Snapshot, SnapshotTable } from './snapshot';

/** Rows buffered ahead of the dump's writer; the server's socket is paused beyond it. */
const ROWS_AHEAD = 16;

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * One connection in one REPEATABLE READ transaction started WITH CONSISTENT SNAPSHOT: InnoDB fixes the read view
 * at that moment, so every table is read as it stood then while the server keeps writing. Each table is one
 * streamed SELECT (rows come as the dump takes them), values as stored: dates as text, big numbers as strings
 * when they would not fit a double, bytes as Buffers.
 */
export async function openMysqlSnapshot(dbUrl: string): Promise<Snapshot> {
  const endpoint = mysqlEndpoint(dbUrl);
  const connection: Connection = createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.username,
    password: endpoint.password,
    database: endpoint.database,
    charset: 'utf8mb4',
    dateStrings: true,
    supportBigNumbers: true,
  });
  const db = connection.promise();
  let reading = false;
  try {
    await db.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await db.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const takenAt = new Date();
    const [hasMigrations] = await db.query<RowDataPacket[]>(
      "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schema_migrations'",
    );
    if (hasMigrations.length === 0)
      throw new BackupError(`${endpoint.database} 不是 OneSeal 数据库（没有 schema_migrations）`);
    const [migrationRows] = await db.query<RowDataPacket[]>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    const [columnRows] = await db.query<RowDataPacket[]>(
      `SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS column_type
       FROM information_schema.COLUMNS c
       JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
       WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
       ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    );
    const tables: SnapshotTable[] = [];
    for (const row of columnRows) {
      const name = String(row.table_name);
      if (TABLES_LEFT_OUT.includes(name)) continue;
      if (tables[tables.length - 1]?.name !== name) tables.push({ name, columns: [] });
      tables[tables.length - 1]!.columns.push({
        name: String(row.column_name),
        type: String(row.column_type),
      });
    }
    return {
      dialect: 'mysql',
      source: `${endpoint.host}:${endpoint.port}/${endpoint.database}`,
      takenAt,
      migrations: migrationRows.map((r) => String(r.name)),
      // In code-point order, as SQLite lists them (information_schema sorts by its own collation).
      tables: tables.sort((a, b) => (a.name < b.name ? -1 : 1)),
      async *rows(table) {
        const sql = `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)}`;
        const stream = connection.query({ sql, rowsAsArray: true }).stream({ highWaterMark: ROWS_AHEAD });
        reading = true;
        for await (const row of stream) yield row as unknown[];
        reading = false;
      },
      async close() {
        // A table left half read (the dump failed) keeps the connection paused mid-answer: drop it instead.
        if (reading) return void connection.destroy();
        await db.query('COMMIT');
        await db.end();
      },
    };
  } catch (error) {
    connection.destroy();
    throw error;
  }
}
