import type { Transaction } from 'sequelize';
import type { Database } from '../db/connect';
import type { Models } from '../db/models';
import type { PublicCache } from './publicCache';
import type { MetricsReport } from '@oneseal/schemas';
import type { StorageState } from './storageFaults';
import { storageFault } from './storageFaults';

/** The public answer of one published item: its version (for the ETag) and its stored JSON text. */
export interface PublishedText {
  version: number;
  text: string;
}

/** One page of a public list or search, as the JSON text sent, with its ETag. */
export interface PublishedList {
  etag: string;
  text: string;
}

/** The database and its models (what migrations and the command line work on as well). */
export interface ModelStore extends Database {
  models: Models;
}

/**
 * What every service works on: the database and its models, and beside them only the short-lived public
 * micro-caches (publicCache.ts) of items, list pages and metrics, which the services that publish keep current,
 * and what this instance last saw of the database's writes (storageFaults.ts), for /api/health.
 */
export interface Store extends ModelStore {
  publicItems: PublicCache<PublishedText>;
  publicLists: PublicCache<PublishedList>;
  publicMetrics: PublicCache<MetricsReport>;
  storage: StorageState;
}

/** A township's public answers changed (publish, withdraw, cancel): this instance forgets them at once. */
export function forgetPublished(store: Store, regionCode: string, itemCodes: readonly string[]): void {
  for (const code of itemCodes) store.publicItems.forget(`${regionCode}/${code}`);
  store.publicLists.forgetPrefix(`${regionCode}?`);
  // The township's county and city figures changed too; metrics answers are few, so all go.
  store.publicMetrics.forgetPrefix('');
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
 * transaction takes the write lock at once (IMMEDIATE). A serving store (one with `storage`) notes whether the
 * database took the write, for /api/health; migrations and the command line run without one.
 */
export async function inTransaction<T>(
  store: Database & { storage?: StorageState },
  work: (t: Transaction) => Promise<T>,
): Promise<T> {
  try {
    const result = await (store.dialect === 'sqlite'
      ? takeTurn(store.identity, () =>
          store.sequelize.transaction({ type: 'IMMEDIATE' as Transaction.TYPES }, work),
        )
      : store.sequelize.transaction(work));
    store.storage?.wrote();
    return result;
  } catch (error) {
    const fault = storageFault(error);
    if (fault) store.storage?.failed(fault);
    throw error;
  }
}
