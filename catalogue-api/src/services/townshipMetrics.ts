import type { MetricTotals } from '@oneseal/schemas';
import { NO_TOTALS, regionCodePrefix } from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { col, fn, literal, QueryTypes } from 'sequelize';
import type { ItemFigures, PublishedItemRow } from '../db/models';
import { ITEM_FIGURES, TOTALS } from '../db/models';
import type { ModelStore } from './store';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A published row's share of its township's totals. */
export function rowTotals(row: ItemFigures): MetricTotals {
  return { ...NO_TOTALS, ...Object.fromEntries(ITEM_FIGURES.map((k) => [k, Number(row[k])])), itemCount: 1 };
}

export function subtractTotals(a: MetricTotals, b: MetricTotals): MetricTotals {
  return Object.fromEntries(TOTALS.map((k) => [k, a[k] - b[k]])) as unknown as MetricTotals;
}

/** Numbers as the drivers return them (MySQL answers SUM as a decimal string). */
export function asTotals(row: Record<string, unknown>): MetricTotals {
  return Object.fromEntries(TOTALS.map((k) => [k, Number(row[k] ?? 0)])) as unknown as MetricTotals;
}

/**
 * Adds `delta` to a township's totals inside the transaction that changes its published items. One relative
 * upsert: the database adds to whatever is committed, so concurrent writers never overwrite each other.
 */
export async function addToTownship(
  store: ModelStore,
  t: Transaction,
  regionCode: string,
  delta: MetricTotals,
): Promise<void> {
  if (TOTALS.every((k) => delta[k] === 0)) return;
  const columns = TOTALS.map(snake);
  // The only difference between the two databases is how an upsert is spelled.
  const onConflict =
    store.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE' : 'ON CONFLICT (region_code) DO UPDATE SET';
  const values = TOTALS.map((k) => delta[k]);
  await store.sequelize.query(
    `INSERT INTO township_metrics (region_code, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)}) ` +
      `${onConflict} ${columns.map((c) => `${c} = ${c} + ?`).join(', ')}`,
    { replacements: [regionCode, ...values, ...values], transaction: t },
  );
}

/** Sums of the published rows' figures, per township, in SQL (one row per township comes back). */
function sumsOfRows(store: ModelStore, t: Transaction, figures: readonly (keyof ItemFigures)[]) {
  return store.models.PublishedItem.findAll({
    attributes: [
      'regionCode',
      [fn('COUNT', literal('*')), 'itemCount'],
      ...figures.map((k): [ReturnType<typeof fn>, string] => [fn('SUM', col(snake(k))), k]),
    ],
    group: ['region_code'],
    raw: true,
    transaction: t,
  }) as unknown as Promise<(Pick<PublishedItemRow, 'regionCode'> & Record<string, unknown>)[]>;
}

/**
 * Recomputes every township's totals from the published rows (an empty database's seeds, a migrated
 * database, `oneseal metrics --rebuild`). Memory holds one row per township, never the items. A migration
 * names the figures whose columns exist at its point in the sequence; the others keep their defaults.
 */
export async function recountTownships(
  store: ModelStore,
  t: Transaction,
  figures: readonly (keyof ItemFigures)[] = ITEM_FIGURES,
): Promise<number> {
  const sums = await sumsOfRows(store, t, figures);
  await store.models.TownshipMetrics.destroy({ where: {}, transaction: t });
  await store.models.TownshipMetrics.bulkCreate(
    sums.map((s) => ({ regionCode: s.regionCode, ...asTotals(s) })),
    { transaction: t, fields: ['regionCode', 'itemCount', ...figures] },
  );
  return sums.length;
}

/** Which township rows a region covers: itself for a township, its code prefix for a county or city. */
function scope(region: { code: string; level: string }, column: string): { sql: string; value: string } {
  return region.level === 'township'
    ? { sql: `${column} = ?`, value: region.code }
    : { sql: `${column} LIKE ?`, value: `${regionCodePrefix(region.code)}%` };
}

// A township that has never published has no metric row: its figures are zeros.
const FIGURES_SQL = TOTALS.map((k) => `COALESCE(m.${snake(k)}, 0) AS ${k}`).join(', ');
const SUMS_SQL = TOTALS.map((k) => `SUM(m.${snake(k)}) AS ${k}`).join(', ');

/**
 * Every township of a region, each with its name and totals (zeros for one that publishes nothing: it counts as
 * not meeting the targets, it is not left out), in order of code, and their sum computed by the database. One
 * row per township is read — its region and its metric row — never an item, so the cost follows the number of
 * townships in scope, not of published items. Plain SQL: the metrics route is public and its cost should be the
 * statements'.
 */
export async function regionTotals(
  store: ModelStore,
  region: { code: string; level: string },
): Promise<{ townships: (MetricTotals & { regionCode: string; name: string })[]; sum: MetricTotals }> {
  const townships = scope(region, 'r.code');
  const metricRows = scope(region, 'm.region_code');
  const [rows, sums] = await Promise.all([
    store.sequelize.query<Record<string, unknown>>(
      `SELECT r.code AS regionCode, r.name AS name, ${FIGURES_SQL} FROM regions r ` +
        `LEFT JOIN township_metrics m ON m.region_code = r.code ` +
        `WHERE r.level = 'township' AND ${townships.sql} ORDER BY r.code`,
      { replacements: [townships.value], type: QueryTypes.SELECT, raw: true },
    ),
    store.sequelize.query<Record<string, unknown>>(
      `SELECT ${SUMS_SQL} FROM township_metrics m WHERE ${metricRows.sql} AND m.item_count > 0`,
      { replacements: [metricRows.value], type: QueryTypes.SELECT, raw: true },
    ),
  ]);
  return {
    townships: rows.map((r) => ({ regionCode: String(r.regionCode), name: String(r.name), ...asTotals(r) })),
    sum: asTotals(sums[0] ?? {}),
  };
}
