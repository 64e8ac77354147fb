import type { Transaction } from 'sequelize';
import type { Database } from '../db/connect';
import type { Models } from '../db/models';
import type { PublicCache } from './publicCache';
import type { StorageState } from './storageFaults';
import { storageFault } from './storageFaults';

/** The public answer of one published item: its version (for the ETag) and its stored JSON text. */
export interface PublishedText {
  version: number;
  text: string;
}

/**
 * The database and its models: what every service works on. Beside them only the short-lived public
 * micro-cache (publicCache.ts), which the services that publish keep current, and what this instance last saw
 * of the database's writes (storageFaults.ts), for /api/health.
 */
export interface Store extends Database {
  models: Models;
  publicItems: PublicCache<PublishedText>;
  storage: StorageState;
}

// SQLite has one writer at a time. Write transactions of one process take turns here, per database file,
// instead of many connections waiting on the file lock (each wait holds one of libuv's four threads, so a
// burst of writers can starve the one that holds the lock). This is a queue, not data: nothing is cached.
const sqliteWriters = new Map<string, Promise<unknown>>();

function takeTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = sqliteWriters.get(key) ?? Promise.resolve();
  const turn = previous.then(work, work);
  sqliteWriters.set(
    key,
    turn.catch(() => undefined),
  );
  return turn;
}

/**
 * Runs `work` in one transaction. On MySQL, rows a write depends on are read with `FOR UPDATE` (see the
 * services), so concurrent writers queue on the row. On SQLite the process's writers take turns and each
 * transaction takes the write lock at once (IMMEDIATE).
 */
export async function inTransaction<T>(store: Store, work: (t: Transaction) => Promise<T>): Promise<T> {
  try {
    const result = await (store.dialect === 'sqlite'
      ? takeTurn(store.identity, () =>
          store.sequelize.transaction({ type: 'IMMEDIATE' as Transaction.TYPES }, work),
        )
      : store.sequelize.transaction(work));
    store.storage.wrote();
    return result;
  } catch (error) {
    const fault = storageFault(error);
    if (fault) store.storage.failed(fault);
    throw error;
  }
}
