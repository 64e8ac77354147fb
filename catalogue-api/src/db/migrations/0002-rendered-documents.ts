import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * Printed documents of published versions (guide PDFs, notices, flowcharts, books). A published version never
 * changes, so what was rendered for it once is served again; kept in the database so every instance shares it.
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  const blob = q.sequelize.getDialect() === 'mysql' ? DataTypes.BLOB('long') : DataTypes.BLOB;
  await q.createTable('rendered_documents', {
    key: { type: DataTypes.STRING(200), primaryKey: true },
    region_code: { type: DataTypes.STRING(12), allowNull: false },
    content_type: { type: DataTypes.STRING(60), allowNull: false },
    content: { type: blob, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await q.addIndex('rendered_documents', ['region_code']);
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.dropTable('rendered_documents');
}
