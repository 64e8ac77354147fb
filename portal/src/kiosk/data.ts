import type { PublicItemSummary, Region } from '@oneseal/schemas';
import { api } from '../api';

/** Every published item of a township, page after page: the category screen counts them all. */
export async function townshipItems(region: string): Promise<PublicItemSummary[]> {
  const items: PublicItemSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.items(region, { cursor });
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return items;
}

/** The county a township belongs to: its parent, or the first six digits of its GB/T 2260 code. */
export const countyOf = (township: Pick<Region, 'code' | 'parentCode'>): string =>
  township.parentCode ?? township.code.slice(0, 6);
