import type { BaseItem } from '@oneseal/schemas';
import type { QueryInterface } from 'sequelize';
import { DataTypes, QueryTypes } from 'sequelize';
import { rescoreEntries } from '../../services/entryCompleteness';
import { refreshPublishedRows } from '../../services/publishedIndex';
import { inTransaction } from '../../services/store';
import { defineModels } from '../models';

/**
 * Model v2's figures in the stored summaries (issue 12 after issue 11):
 * - published_items and township_metrics gain the completeness sum (RegionMetrics.meanCompleteness);
 * - implementations gain each entry's completeness score, so a township's list shows it without documents.
 * 0005/0006 filled the summaries while the documents were still version 1, and 0008 upgraded the documents
 * since: every published row's derived columns and every township's totals are worked out again here from the
 * version-2 documents (unstated visits, channels and limits no longer count as met; limits without days have
 * no ratio), and every entry is scored against its base item's latest published version. The columns are
 * named here, so a later migration's columns are never written before they exist.
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.addColumn('published_items', 'completeness_sum', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
  await q.addColumn('township_metrics', 'completeness_sum', {
    type: DataTypes.BIGINT,
    allowNull: false,
    defaultValue: 0,
  });
  await q.addColumn('implementations', 'completeness', { type: DataTypes.DOUBLE, allowNull: true });

  const sequelize = q.sequelize;
  const store = {
    sequelize,
    dialect: sequelize.getDialect() === 'mysql' ? ('mysql' as const) : ('sqlite' as const),
    identity: `migration:${sequelize.config.database ?? ''}`,
    models: defineModels(sequelize),
  };
  await refreshPublishedRows(store, [
    'name',
    'type',
    'tagImmediate',
    'tagOnline',
    'tagNearby',
    'tagOneVisit',
    'objectNatural',
    'objectLegal',
    'sortOrder',
    'summary',
    'searchKey',
    'atMostOneVisit',
    'online',
    'inHall',
    'ratioSum',
    'ratioCount',
    'materialsSum',
    'materialsCount',
    'completenessSum',
  ]);
  // One base item at a time: its latest published version, then its entries a page at a time.
  const heads = await sequelize.query<{ code: string; version: number }>(
    'SELECT code, version FROM base_items WHERE version > 0 ORDER BY code',
    { type: QueryTypes.SELECT },
  );
  for (const head of heads) {
    const published = await store.models.BaseItemVersion.findOne({
      where: { code: head.code, version: head.version },
      attributes: ['doc'],
    });
    if (published) await inTransaction(store, (t) => rescoreEntries(store, t, published.doc as BaseItem));
  }
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.sequelize.query('ALTER TABLE implementations DROP COLUMN completeness');
  await q.sequelize.query('ALTER TABLE township_metrics DROP COLUMN completeness_sum');
  await q.sequelize.query('ALTER TABLE published_items DROP COLUMN completeness_sum');
}
