import type { PublicItemSummary, ResolvedItem } from '@oneseal/schemas';
import { itemTotals, migrateDocument, NO_TOTALS, serviceTags } from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import type { PublishedItemRow } from '../db/models';
import { ITEM_FIGURES } from '../db/models';
import type { SearchEntry } from './search';
import { indexSearchEntries, searchEntry } from './search';
import type { ModelStore } from './store';
import { inTransaction } from './store';
import { addToTownship, recountTownships, rowTotals, subtractTotals } from './townshipMetrics';

const LEGAL_PERSONS = new Set(['2', '3', '4', '6']);

/**
 * One entry of a township's public list (the model's PublicItemSummary): what the portal shows of an item before
 * it is opened — what the item states of these elements; an unstated one is left out.
 */
export function itemSummary(item: ResolvedItem): PublicItemSummary {
  return {
    code: item.code,
    name: item.name,
    type: item.type,
    version: item.version,
    tags: serviceTags(item),
    serviceObjects: item.serviceObjects,
    promisedLimit: item.promisedLimit,
    statutoryLimit: item.statutoryLimit,
    handlingLimit: item.handlingLimit,
    visits: item.visits,
    online: item.online?.available,
    implementingBody: item.implementingBody?.name,
  };
}

/**
 * The public index row of a published item — filter and sort columns, the list summary, the search text's
 * key and the item's metric figures, all worked out here once at publish — and its search text.
 */
export function publishedEntry(item: ResolvedItem): { row: PublishedItemRow; search: SearchEntry } {
  const tags = serviceTags(item);
  const search = searchEntry(item.name, item.keywords);
  const totals = itemTotals(item);
  return {
    search,
    row: {
      regionCode: item.regionCode,
      itemCode: item.code,
      version: item.version,
      name: item.name,
      type: item.type ?? '',
      tagImmediate: tags.includes('马上办'),
      tagOnline: tags.includes('网上办'),
      tagNearby: tags.includes('就近办'),
      tagOneVisit: tags.includes('一次办'),
      objectNatural: (item.serviceObjects ?? []).includes('1'),
      objectLegal: (item.serviceObjects ?? []).some((o) => LEGAL_PERSONS.has(o)),
      sortOrder: item.order ?? 0,
      summary: JSON.stringify(itemSummary(item)),
      searchKey: search.textKey,
      ...Object.fromEntries(ITEM_FIGURES.map((k) => [k, totals[k]])),
      item: JSON.stringify(item),
    } as PublishedItemRow,
  };
}

/** The current published row of an item, read for update: its figures are about to be taken away. */
function currentRow(store: ModelStore, t: Transaction, regionCode: string, itemCode: string) {
  return store.models.PublishedItem.findOne({
    where: { regionCode, itemCode },
    attributes: ITEM_FIGURES,
    transaction: t,
    lock: t.LOCK.UPDATE,
  });
}

/**
 * Makes `item` the public version of its township's item, in the publishing transaction: the row, its search
 * text, and the township's totals (the old version's figures out, the new one's in).
 */
export async function putPublished(store: ModelStore, t: Transaction, item: ResolvedItem): Promise<void> {
  const { row, search } = publishedEntry(item);
  await indexSearchEntries(store, t, [search]);
  const old = await currentRow(store, t, item.regionCode, item.code);
  await store.models.PublishedItem.upsert(row, { transaction: t });
  await addToTownship(
    store,
    t,
    item.regionCode,
    subtractTotals(rowTotals(row), old ? rowTotals(old) : NO_TOTALS),
  );
}

/** Takes an item off its township's public list (withdraw, cancel), its figures out of the township's totals. */
export async function removePublished(
  store: ModelStore,
  t: Transaction,
  regionCode: string,
  itemCode: string,
): Promise<void> {
  const old = await currentRow(store, t, regionCode, itemCode);
  if (!old) return;
  await store.models.PublishedItem.destroy({ where: { regionCode, itemCode }, transaction: t });
  await addToTownship(store, t, regionCode, subtractTotals(NO_TOTALS, rowTotals(old)));
}

/** Publishes many items at once into an empty public list (the seeds): rows in bulk, then the totals counted. */
export async function putPublishedInBulk(store: ModelStore, t: Transaction, items: readonly ResolvedItem[]) {
  const entries = items.map(publishedEntry);
  await indexSearchEntries(
    store,
    t,
    entries.map((e) => e.search),
  );
  await store.models.PublishedItem.bulkCreate(
    entries.map((e) => e.row),
    { transaction: t },
  );
  await recountTownships(store, t);
}

/** The columns worked out from the item document (everything but the key, the version and the document). */
export type DerivedColumn = Exclude<keyof PublishedItemRow, 'regionCode' | 'itemCode' | 'version' | 'item'>;

export const DERIVED_COLUMNS: readonly DerivedColumn[] = [
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
  ...ITEM_FIGURES,
];

/**
 * Works every published row's derived columns out again from its stored document, in batches (memory holds one
 * batch), then recounts the townships' totals of the figures among them. For a database migrated from before
 * those columns existed, or after the model changes what a figure means. `columns` names what may be written (a
 * migration names its own).
 */
export async function refreshPublishedRows(
  store: ModelStore,
  columns: readonly DerivedColumn[],
  batchSize = 500,
): Promise<{ rows: number; townships: number }> {
  let after: { regionCode: string; itemCode: string } | undefined;
  let rows = 0;
  for (;;) {
    const last = after;
    const batch = await inTransaction(store, async (t) => {
      const found = await store.models.PublishedItem.findAll({
        attributes: ['regionCode', 'itemCode', 'item'],
        where: last
          ? {
              [Op.or]: [
                { regionCode: { [Op.gt]: last.regionCode } },
                { regionCode: last.regionCode, itemCode: { [Op.gt]: last.itemCode } },
              ],
            }
          : {},
        order: [
          ['regionCode', 'ASC'],
          ['itemCode', 'ASC'],
        ],
        limit: batchSize,
        transaction: t,
        lock: t.LOCK.UPDATE,
      });
      // Read through the model's migration: a migration before 0008 finds version-1 documents here.
      const entries = found.map((stored) =>
        publishedEntry(migrateDocument(JSON.parse(stored.item)).document as ResolvedItem),
      );
      if (entries.length > 0)
        await indexSearchEntries(
          store,
          t,
          entries.map((e) => e.search),
        );
      // The key is the stored row's: the document's own codes are not trusted to match it.
      for (const [i, { row }] of entries.entries())
        await store.models.PublishedItem.update(Object.fromEntries(columns.map((c) => [c, row[c]])), {
          where: { regionCode: found[i]!.regionCode, itemCode: found[i]!.itemCode },
          transaction: t,
        });
      return found.map((r) => ({ regionCode: r.regionCode, itemCode: r.itemCode }));
    });
    rows += batch.length;
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1];
  }
  const figures = ITEM_FIGURES.filter((k) => columns.includes(k));
  const townships = await inTransaction(store, (t) => recountTownships(store, t, figures));
  return { rows, townships };
}
