import type { Transaction } from 'sequelize';
import { chinaToday } from './chinaDate';
import type { Store } from './store';

// One statement that creates the day's counter at 1 or adds one to it. On MySQL the row stays locked by this
// transaction until it commits, so concurrent applications to a township queue here and each takes its own
// number; on SQLite writers already take turns (store.ts). Rolled back with its application, a number is reused.
const INCREMENT = {
  mysql: `INSERT INTO submission_counters (region_code, day, last_sequence) VALUES (?, ?, 1)
          ON DUPLICATE KEY UPDATE last_sequence = last_sequence + 1`,
  sqlite: `INSERT INTO submission_counters (region_code, day, last_sequence) VALUES (?, ?, 1)
           ON CONFLICT (region_code, day) DO UPDATE SET last_sequence = last_sequence + 1`,
};

/**
 * The next reference of a township's day — township code, China date and sequence (450321100-20261126-0001) —
 * allocated inside the transaction `t` that stores the application.
 */
export async function allocateReference(
  store: Store,
  t: Transaction,
  regionCode: string,
  now: Date,
): Promise<string> {
  const day = chinaToday(now).replace(/-/g, '');
  await store.sequelize.query(INCREMENT[store.dialect], { replacements: [regionCode, day], transaction: t });
  const counter = await store.models.SubmissionCounter.findOne({
    where: { regionCode, day },
    transaction: t,
    lock: t.LOCK.UPDATE,
  });
  return `${regionCode}-${day}-${String(counter!.lastSequence).padStart(4, '0')}`;
}
