import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * 预约办理: each township's settings (one JSON document of the model's BookingSettings), one counter row per slot
 * that has been booked — the capacity is enforced on it by one conditional UPDATE (services/bookings.ts) — and
 * the bookings themselves. Slot starts are Beijing wall-clock times, "2026-12-07T08:30".
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  const longText = q.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
  await q.createTable('booking_settings', {
    region_code: { type: DataTypes.STRING(9), allowNull: false, primaryKey: true },
    settings: { type: longText, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
    updated_by: { type: DataTypes.STRING(64), allowNull: false },
  });
  await q.createTable('booking_slots', {
    region_code: { type: DataTypes.STRING(9), allowNull: false, primaryKey: true },
    slot_start: { type: DataTypes.STRING(16), allowNull: false, primaryKey: true },
    taken: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await q.createTable('bookings', {
    code: { type: DataTypes.STRING(8), allowNull: false, primaryKey: true },
    region_code: { type: DataTypes.STRING(9), allowNull: false },
    item_code: { type: DataTypes.STRING(40), allowNull: false },
    item_name: { type: DataTypes.STRING(200), allowNull: false },
    slot_start: { type: DataTypes.STRING(16), allowNull: false },
    slot_end: { type: DataTypes.STRING(5), allowNull: false },
    name: { type: DataTypes.STRING(50), allowNull: false },
    phone: { type: DataTypes.STRING(11), allowNull: false },
    status: { type: DataTypes.STRING(12), allowNull: false },
    booked_at: { type: DataTypes.DATE, allowNull: false },
    cancelled_at: { type: DataTypes.DATE, allowNull: true },
    reminded_at: { type: DataTypes.DATE, allowNull: true },
  });
  // Staff read a township's day; the reminder reads a day across townships.
  await q.addIndex('bookings', ['region_code', 'slot_start'], { name: 'bookings_region_start' });
  await q.addIndex('bookings', ['slot_start'], { name: 'bookings_start' });
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.dropTable('bookings');
  await q.dropTable('booking_slots');
  await q.dropTable('booking_settings');
}
