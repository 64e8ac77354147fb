import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * Rate-limit and login-lockout counters shared by every instance on MySQL, in the layout rate-limiter-flexible's
 * MySQL store reads and writes (columns in this order: it inserts positionally). Embedded SQLite serves one
 * instance and counts in process memory, so the table exists on MySQL only. They replace login_failures.
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.dropTable('login_failures');
  if (q.sequelize.getDialect() !== 'mysql') return;
  await q.createTable('rate_limits', {
    key: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true },
    points: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    expire: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
  });
  await q.addIndex('rate_limits', ['expire']);
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.createTable('login_failures', {
    key: { type: DataTypes.STRING(200), allowNull: false, primaryKey: true },
    count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    window_start: { type: DataTypes.BIGINT, allowNull: false },
  });
  if (q.sequelize.getDialect() === 'mysql') await q.dropTable('rate_limits');
}
