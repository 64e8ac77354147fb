import type { ImportReport } from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { ApiError } from '../http/errors';
import type { Store } from './store';
import { inTransaction } from './store';

/**
 * How every import ends, whatever it read (the township's Excel list, a national exchange file): each row
 * has been checked with the model and stands in the report as accepted, unchanged or refused. With mode
 * `all`, a single refused row means nothing is written (422 `import-refused`, the report in the error); with
 * `valid`, the accepted rows are written. The writes of the accepted rows run in one transaction, through the
 * same services an editor's own saves use (each audited), so an import either lands whole or not at all.
 */
export async function settleImport<P>(
  store: Store,
  report: ImportReport,
  pending: readonly P[],
  write: (t: Transaction, pending: readonly P[]) => Promise<void>,
): Promise<ImportReport> {
  if (report.mode === 'all' && report.refused.length > 0) {
    const reasons = report.refused.flatMap((r) => r.reasons);
    throw new ApiError(
      422,
      'import-refused',
      {
        zh: `有 ${report.refused.length} 行未通过检查，本次没有导入任何内容（可修改后重新导入，或以 mode=valid 只导入通过检查的行）`,
        en: `${report.refused.length} rows were refused; nothing was imported`,
      },
      reasons.map((x) => ({
        path: `/${x.sheet}/${x.row}${x.column ? `/${x.column}` : ''}`,
        message: x.message,
      })),
      { report },
    );
  }
  if (pending.length === 0) return report;
  await inTransaction(store, (t) => write(t, pending));
  report.written = true;
  return report;
}
