import type { Item } from '@oneseal/schemas';

/** What an editor might type to break a page: markup, an event handler, template syntax, a style breakout. */
export const PAYLOAD =
  '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">{{constructor}}</style>';

/**
 * A copy of `item` with the payload appended to every free-text field: every string holding Chinese text
 * (codes, dates, phones and URLs hold none, and must stay valid).
 */
export function planted<T extends Item>(item: T): T {
  const walk = (value: unknown, key = ''): unknown => {
    // A unit (平方米) is capped at 20 characters; the payload cannot fit it and stay valid.
    if (typeof value === 'string')
      return /[\u4e00-\u9fa5]/.test(value) && key !== 'unit' ? `${value}${PAYLOAD}` : value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(item) as T;
}
