import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/**
 * Province scale (issue 11): what the public list, search and metrics read is stored when an item is
 * published, so none of them parses a whole item document.
 * - published_items: the list summary as a small JSON document, the key of the item's search text, and the
 *   item's share of the reform metrics (schemas' MetricTotals, one column per figure).
 * - search_texts / search_terms: an index of the searchable texts (name, aliases and their pinyin) by their
 *   one- and two-character terms. Many townships publish the same base item, so texts are stored once, keyed
 *   by their content: the index grows with the catalogue, not with the number of published rows.
 * - township_metrics: each township's totals, kept in the transaction that changes its published items.
 * The old LIKE search columns go.
 */
const ROW_FIGURES = [
  'at_most_one_visit',
  'online',
  'in_hall',
  'ratio_sum',
  'ratio_count',
  'materials_sum',
  'materials_count',
];
const count = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });

export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  // Filled for the rows already there by 0006, and by every publish after it.
  await q.addColumn('published_items', 'summary', { type: DataTypes.TEXT, allowNull: true });
  await q.addColumn('published_items', 'search_key', { type: DataTypes.STRING(32), allowNull: true });
  for (const column of ROW_FIGURES) await q.addColumn('published_items', column, count());
  await q.addIndex('published_items', ['region_code', 'search_key']);
  await q.removeIndex('published_items', ['search_pinyin']);
  await q.removeIndex('published_items', ['name']);
  // Plain ALTER TABLE on both databases (SQLite ≥ 3.35): Sequelize's SQLite removeColumn rebuilds the table.
  await q.sequelize.query('ALTER TABLE published_items DROP COLUMN search_pinyin');
  await q.sequelize.query('ALTER TABLE published_items DROP COLUMN search_text');

  await q.createTable('search_texts', {
    text_key: { type: DataTypes.STRING(32), primaryKey: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    initials: { type: DataTypes.STRING(200), allowNull: false },
    pinyin: { type: DataTypes.STRING(800), allowNull: false },
    haystack: { type: DataTypes.TEXT, allowNull: false },
  });
  await q.createTable('search_terms', {
    // Binary collation on MySQL: terms are compared as written (utf8mb4_unicode_ci would fold characters).
    term: { type: DataTypes.STRING(8).BINARY, primaryKey: true },
    text_key: { type: DataTypes.STRING(32), primaryKey: true },
  });
  await q.createTable('township_metrics', {
    region_code: { type: DataTypes.STRING(9), primaryKey: true },
    item_count: count(),
    at_most_one_visit: count(),
    online: count(),
    in_hall: count(),
    ratio_sum: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
    ratio_count: count(),
    materials_sum: count(),
    materials_count: count(),
  });
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  await q.dropTable('township_metrics');
  await q.dropTable('search_terms');
  await q.dropTable('search_texts');
  await q.addColumn('published_items', 'search_pinyin', {
    type: DataTypes.STRING(600),
    allowNull: false,
    defaultValue: '',
  });
  await q.addColumn('published_items', 'search_text', {
    type: DataTypes.STRING(1000),
    allowNull: false,
    defaultValue: '',
  });
  await q.addIndex('published_items', ['name']);
  await q.addIndex('published_items', ['search_pinyin']);
  await q.removeIndex('published_items', ['region_code', 'search_key']);
  for (const column of ['summary', 'search_key', ...ROW_FIGURES])
    await q.sequelize.query(`ALTER TABLE published_items DROP COLUMN ${column}`);
}
