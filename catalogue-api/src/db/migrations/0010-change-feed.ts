import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * The change feed (政务公开, issue 16) and its webhooks.
 * - change_entries: one row per publish, withdrawal or cancellation of an item, and per base-item publish or
 *   retirement, written in the transaction that makes the change.
 * - change_regions: the entry's id under its region and every region above it (township, county, city), so a
 *   county's feed is one index range on (region_code, entry_id), whatever the number of rows.
 * - webhooks: the admins' subscriptions; webhook_outbox: one row per event and subscription, written in the
 *   same transaction as the entry, delivered by the server's dispatcher and marked delivered once.
 */
const str = (length: number, allowNull = false) => ({ type: DataTypes.STRING(length), allowNull });
// Milliseconds kept (MySQL's DATETIME drops them): retry waits and entry times are finer than a second.
const time = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const id = () => ({ type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true });

export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  const mysql = q.sequelize.getDialect() === 'mysql';
  const text = () => ({ type: mysql ? DataTypes.TEXT('long') : DataTypes.TEXT, allowNull: false });
  await q.createTable('change_entries', {
    id: id(),
    event_id: str(36),
    kind: str(20),
    region_code: str(12),
    region_name: str(100),
    item_code: str(12),
    item_name: str(200),
    from_version: { type: DataTypes.INTEGER, allowNull: true },
    to_version: { type: DataTypes.INTEGER, allowNull: true },
    effective_date: str(10, true),
    reason: { type: DataTypes.STRING(500), allowNull: false },
    summary: text(),
    author: str(100),
    at: time(),
  });
  await q.addIndex('change_entries', ['event_id'], { unique: true });
  // `since` is turned into an id bound by one look-up here.
  await q.addIndex('change_entries', ['at']);
  await q.createTable('change_regions', {
    region_code: { ...str(12), primaryKey: true },
    entry_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
  });
  await q.createTable('webhooks', {
    id: id(),
    url: str(500),
    secret: str(200),
    region_code: str(12, true),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    created_at: time(),
    created_by: str(64),
  });
  await q.createTable('webhook_outbox', {
    id: id(),
    webhook_id: { type: DataTypes.INTEGER, allowNull: false },
    event_id: str(36),
    body: text(),
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: time(),
    delivered_at: time(true),
    last_error: str(500, true),
  });
  // The dispatcher reads what is due: undelivered rows by their next attempt.
  await q.addIndex('webhook_outbox', ['delivered_at', 'next_attempt_at']);
  await q.addIndex('webhook_outbox', ['webhook_id', 'event_id'], { unique: true });
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.dropTable('webhook_outbox');
  await q.dropTable('webhooks');
  await q.dropTable('change_regions');
  await q.dropTable('change_entries');
}
