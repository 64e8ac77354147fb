import type { QueryInterface } from 'sequelize';
import { refreshPublishedRows } from '../../services/publishedIndex';
import { defineModels } from '../models';

/**
 * Fills what 0005 added for the items published before it: each row's summary, search key and metric figures
 * from its stored document (in batches), the search index, and every township's totals. The columns are named
 * here, so a later migration's columns are never written before they exist.
 */
export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  const sequelize = q.sequelize;
  const dialect = sequelize.getDialect() === 'mysql' ? 'mysql' : 'sqlite';
  await refreshPublishedRows(
    {
      sequelize,
      dialect,
      identity: `migration:${sequelize.config.database ?? ''}`,
      models: defineModels(sequelize),
    },
    [
      'summary',
      'searchKey',
      'atMostOneVisit',
      'online',
      'inHall',
      'ratioSum',
      'ratioCount',
      'materialsSum',
      'materialsCount',
    ],
  );
}

export async function down(): Promise<void> {
  // Nothing to undo: 0005's down drops what this filled.
}
