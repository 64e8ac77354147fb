import type { PublicItemSummary } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';

/** The category of items that state no type (事项类型 is optional in the published summary). */
export const UNTYPED = 'other';

/** One button of the kiosk's category screen: a 事项类型 and the township's items of it. */
export interface Category {
  /** The ItemType code ('01' 行政许可 …), or UNTYPED. */
  key: string;
  label: string;
  items: PublicItemSummary[];
}

/**
 * A township's items grouped by the type the model gives them, in the code list's order (行政许可 first), and
 * only the types the township has; items of no stated type come last as 其他事项. Within a type, the list's order.
 */
export function itemCategories(items: readonly PublicItemSummary[]): Category[] {
  const typed = codeOptions('ItemType').map(({ value, label }) => ({
    key: value,
    label,
    items: items.filter((i) => i.type === value),
  }));
  const untyped = { key: UNTYPED, label: '其他事项', items: items.filter((i) => i.type === undefined) };
  return [...typed, untyped].filter((c) => c.items.length > 0);
}
