import type { Transaction } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { Store } from './store';

export interface AuditEvent {
  action: string;
  entityType:
    | 'base-item'
    | 'implementation'
    | 'township-list'
    | 'material'
    | 'data-element'
    | 'bundle'
    | 'user'
    | 'submission'
    | 'webhook'
    | 'booking-settings';
  entityKey: string;
  regionCode: string;
  before?: unknown;
  after?: unknown;
}

/** Records who did what, when, with the state before and after — in the same transaction as the write itself. */
export async function audit(
  store: Store,
  t: Transaction,
  actor: Principal,
  event: AuditEvent,
): Promise<void> {
  await store.models.AuditEntry.create(
    {
      at: new Date(),
      username: actor.username,
      role: actor.role,
      action: event.action,
      entityType: event.entityType,
      entityKey: event.entityKey,
      regionCode: event.regionCode,
      before: event.before ?? null,
      after: event.after ?? null,
    },
    { transaction: t },
  );
}
