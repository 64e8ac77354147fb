import type { MetricTotals } from '@oneseal/schemas';
import { NO_TOTALS } from '@oneseal/schemas';
import type { Transaction, WhereOptions } from 'sequelize';
import { col, fn, literal } from 'sequelize';
import type { ItemFigures, PublishedItemRow, TownshipMetricsRow } from '../db/models';
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
function sumsOfRows(store: ModelStore, t: Transaction) {
  return store.models.PublishedItem.findAll({
    attributes: [
      'regionCode',
      [fn('COUNT', literal('*')), 'itemCount'],
      ...ITEM_FIGURES.map((k): [ReturnType<typeof fn>, string] => [fn('SUM', col(snake(k))), k]),
    ],
    group: ['region_code'],
    raw: true,
    transaction: t,
  }) as unknown as Promise<(Pick<PublishedItemRow, 'regionCode'> & Record<string, unknown>)[]>;
}

/**
 * Recomputes every township's totals from the published rows (an empty database's seeds, a migrated
 * database, `oneseal metrics --rebuild`). Memory holds one row per township, never the items.
 */
export async function recountTownships(store: ModelStore, t: Transaction): Promise<number> {
  const sums = await sumsOfRows(store, t);
  await store.models.TownshipMetrics.destroy({ where: {}, transaction: t });
  await store.models.TownshipMetrics.bulkCreate(
    sums.map((s) => ({ regionCode: s.regionCode, ...asTotals(s) })),
    { transaction: t },
  );
  return sums.length;
}

/** The townships with published items in `where`, each with its totals, in order of code. */
export async function townshipTotals(
  store: ModelStore,
  where: WhereOptions<TownshipMetricsRow>,
): Promise<TownshipMetricsRow[]> {
  const rows = await store.models.TownshipMetrics.findAll({
    where,
    order: [['regionCode', 'ASC']],
    raw: true,
  });
  return rows.map((r) => ({
    regionCode: r.regionCode,
    ...asTotals(r as unknown as Record<string, unknown>),
  }));
}

/** The totals of all townships in `where` together, summed by the database. */
export async function sumOfTownships(
  store: ModelStore,
  where: WhereOptions<TownshipMetricsRow>,
): Promise<MetricTotals> {
  const row = await store.models.TownshipMetrics.findOne({
    attributes: TOTALS.map((k): [ReturnType<typeof fn>, string] => [fn('SUM', col(snake(k))), k]),
    where,
    raw: true,
  });
  return asTotals((row ?? {}) as Record<string, unknown>);
}
