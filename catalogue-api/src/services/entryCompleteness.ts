import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { assessImplementation } from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import type { ModelStore } from './store';

/**
 * A township entry's completeness score (model v2) is kept in its row, written with the document, so a
 * township's list shows it without reading any document. It is measured against the base item's latest
 * published version, so publishing a base item scores its entries again.
 */

/** The score of an entry against its base item; null when it cannot be told (no published base, invalid draft). */
export function entryCompleteness(doc: ItemImplementation, base: BaseItem | undefined): number | null {
  if (!base) return null;
  return assessImplementation(doc, base).completeness?.score ?? null;
}

const PAGE = 200;

/**
 * Scores every entry of a base item against `base` (its version just published), a page of documents at a time
 * in key order, inside the caller's transaction. Costs one pass over the townships that list the item.
 */
export async function rescoreEntries(store: ModelStore, t: Transaction, base: BaseItem): Promise<number> {
  let after: string | undefined;
  let scored = 0;
  for (;;) {
    const rows = await store.models.Implementation.findAll({
      where: { baseCode: base.code, ...(after ? { regionCode: { [Op.gt]: after } } : {}) },
      attributes: ['regionCode', 'doc', 'completeness'],
      order: [['regionCode', 'ASC']],
      limit: PAGE,
      transaction: t,
    });
    for (const row of rows) {
      const completeness = entryCompleteness(row.doc as ItemImplementation, base);
      if (completeness === row.completeness) continue;
      await store.models.Implementation.update(
        { completeness },
        { where: { regionCode: row.regionCode, baseCode: base.code }, transaction: t },
      );
    }
    scored += rows.length;
    if (rows.length < PAGE) return scored;
    after = rows[rows.length - 1]!.regionCode;
  }
}
