import type { Health } from '@oneseal/schemas';
import { faultMessage } from './storageFaults';
import type { Store } from './store';
import { inTransaction } from './store';

const UNDONE = Symbol('undone');

/**
 * A write that needs new space (16 KB: several pages), undone at once: whether the database takes writes and
 * has room for them now. Nothing of it stays.
 */
async function tryWrite(store: Store): Promise<void> {
  try {
    await inTransaction(store, async (t) => {
      await store.models.Setting.create(
        { key: 'health-probe', value: '0'.repeat(16384) },
        { transaction: t },
      );
      throw UNDONE;
    });
  } catch (error) {
    if (error !== UNDONE) throw error;
  }
}

/** The database answers reads (or this throws), and whether it takes writes. */
export async function health(store: Store): Promise<Health> {
  await store.sequelize.query('SELECT 1');
  const fault = await store.storage.current(() => tryWrite(store));
  if (!fault) return { status: 'ok', db: store.dialect, writable: true };
  return {
    status: 'degraded',
    db: store.dialect,
    writable: false,
    cause: fault,
    message: faultMessage(fault),
  };
}
