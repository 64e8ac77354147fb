import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * Applications get their reference from a counter row per township and day, incremented inside the insert
 * transaction (services/references.ts), and a 查询码 kept only as a hash. The counters start from the
 * references already issued, so a day's numbering goes on where it stood.
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.createTable('submission_counters', {
    region_code: { type: DataTypes.STRING(9), allowNull: false, primaryKey: true },
    day: { type: DataTypes.STRING(8), allowNull: false, primaryKey: true },
    last_sequence: { type: DataTypes.INTEGER, allowNull: false },
  });
  // A reference is township (9) - date (8) - sequence: 450321100-20261126-0001.
  const integer = q.sequelize.getDialect() === 'mysql' ? 'UNSIGNED' : 'INTEGER';
  await q.sequelize.query(
    `INSERT INTO submission_counters (region_code, day, last_sequence)
     SELECT region_code, SUBSTR(reference, 11, 8), MAX(CAST(SUBSTR(reference, 20) AS ${integer}))
     FROM submissions GROUP BY region_code, SUBSTR(reference, 11, 8)`,
  );
  await q.addColumn('submissions', 'query_code_hash', { type: DataTypes.STRING(64), allowNull: true });
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.removeColumn('submissions', 'query_code_hash');
  await q.dropTable('submission_counters');
}
