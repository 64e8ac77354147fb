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
function scope(region: { code: string; level: string }): { sql: string; value: string } {
  return region.level === 'township'
    ? { sql: 'm.region_code = ?', value: region.code }
    : { sql: 'm.region_code LIKE ?', value: `${regionCodePrefix(region.code)}%` };
}

const FIGURES_SQL = TOTALS.map((k) => `m.${snake(k)} AS ${k}`).join(', ');
const SUMS_SQL = TOTALS.map((k) => `SUM(m.${snake(k)}) AS ${k}`).join(', ');

/**
 * The townships of a region that have published items, each with its name and totals, in order of code, and
 * their sum computed by the database. One row per township is read; never an item. Plain SQL: the metrics
 * route is public and its cost should be the statements'.
 */
export async function regionTotals(
  store: ModelStore,
  region: { code: string; level: string },
): Promise<{ townships: (MetricTotals & { regionCode: string; name: string })[]; sum: MetricTotals }> {
  const { sql, value } = scope(region);
  const [rows, sums] = await Promise.all([
    store.sequelize.query<Record<string, unknown>>(
      `SELECT m.region_code AS regionCode, r.name AS name, ${FIGURES_SQL} FROM township_metrics m ` +
        `JOIN regions r ON r.code = m.region_code WHERE ${sql} AND m.item_count > 0 ORDER BY m.region_code`,
      { replacements: [value], type: QueryTypes.SELECT, raw: true },
    ),
    store.sequelize.query<Record<string, unknown>>(
      `SELECT ${SUMS_SQL} FROM township_metrics m WHERE ${sql} AND m.item_count > 0`,
      { replacements: [value], type: QueryTypes.SELECT, raw: true },
    ),
  ]);
  return {
    townships: rows.map((r) => ({ regionCode: String(r.regionCode), name: String(r.name), ...asTotals(r) })),
    sum: asTotals(sums[0] ?? {}),
  };
}
