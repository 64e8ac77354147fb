import type { Transaction } from 'sequelize';
import type { Database } from '../db/connect';
import type { Models } from '../db/models';

/** The database and its models: what every service works on. Services hold no other state. */
export interface Store extends Database {
  models: Models;
}

/**
 * Runs `work` in one transaction. On SQLite the transaction takes the write lock at once (IMMEDIATE), so two
 * concurrent writers queue instead of one failing when it upgrades a read lock.
 */
export function inTransaction<T>(store: Store, work: (t: Transaction) => Promise<T>): Promise<T> {
  const options = store.dialect === 'sqlite' ? { type: 'IMMEDIATE' as Transaction.TYPES } : {};
  return store.sequelize.transaction(options, work);
}
