import type { QueryInterface } from 'sequelize';
import { DataTypes, QueryTypes } from 'sequelize';
import { applicantMobileOf, applicantNameOf } from '../../services/applicantIndex';

/**
 * Staff find an application by its applicant's name or mobile number (issue 13). Both are copied out of the
 * application's answers into indexed columns beside the township, so a search reads one township's index range
 * however many applications there are. The answers hold them already; these are copies, never anything new.
 */
const BATCH = 500;

export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.addColumn('submissions', 'applicant_name', { type: DataTypes.STRING(100), allowNull: true });
  await q.addColumn('submissions', 'applicant_mobile', { type: DataTypes.STRING(20), allowNull: true });
  // Applications made so far, a batch at a time in reference order (no offset scans).
  let after = '';
  for (;;) {
    const rows = await q.sequelize.query<{ reference: string; data: string | object }>(
      'SELECT reference, data FROM submissions WHERE reference > ? ORDER BY reference LIMIT ?',
      { replacements: [after, BATCH], type: QueryTypes.SELECT },
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as {
        form?: Record<string, unknown>;
      };
      const answers = data.form ?? {};
      await q.sequelize.query(
        'UPDATE submissions SET applicant_name = ?, applicant_mobile = ? WHERE reference = ?',
        { replacements: [applicantNameOf(answers), applicantMobileOf(answers), row.reference] },
      );
    }
    after = rows[rows.length - 1]!.reference;
  }
  await q.addIndex('submissions', ['region_code', 'applicant_name']);
  await q.addIndex('submissions', ['region_code', 'applicant_mobile']);
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.removeIndex('submissions', ['region_code', 'applicant_mobile']);
  await q.removeIndex('submissions', ['region_code', 'applicant_name']);
  // Plain ALTER TABLE on both databases (SQLite ≥ 3.35): Sequelize's SQLite removeColumn rebuilds the table.
  await q.sequelize.query('ALTER TABLE submissions DROP COLUMN applicant_mobile');
  await q.sequelize.query('ALTER TABLE submissions DROP COLUMN applicant_name');
}
