import type { ResolvedItem } from '@oneseal/schemas';
import { serviceTags } from '@oneseal/schemas';
import type { PublishedItemRow } from '../db/models';
import { pinyinKeys } from './search';

const LEGAL_PERSONS = new Set(['2', '3', '4', '6']);

/** The public index row of a published item: the filter and sort columns, and the item as stored JSON text. */
export function publishedRow(item: ResolvedItem): PublishedItemRow {
  const tags = serviceTags(item);
  return {
    regionCode: item.regionCode,
    itemCode: item.code,
    version: item.version,
    name: item.name,
    searchPinyin: pinyinKeys(item.name, ...(item.keywords ?? [])).slice(0, 600),
    searchText: [item.name, ...(item.keywords ?? [])].join(' ').slice(0, 1000),
    type: item.type ?? '',
    tagImmediate: tags.includes('马上办'),
    tagOnline: tags.includes('网上办'),
    tagNearby: tags.includes('就近办'),
    tagOneVisit: tags.includes('一次办'),
    objectNatural: (item.serviceObjects ?? []).includes('1'),
    objectLegal: (item.serviceObjects ?? []).some((o) => LEGAL_PERSONS.has(o)),
    sortOrder: item.order ?? 0,
    item: JSON.stringify(item),
  };
}
