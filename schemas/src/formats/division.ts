/** 行政区划代码: GB/T 2260 six digits for province/city/county, nine digits for a township. */

const COUNTY_OR_ABOVE = /^[1-9]\d{5}$/;
const TOWNSHIP = /^[1-9]\d{8}$/;

export function isDivisionCode(value: string): boolean {
  return COUNTY_OR_ABOVE.test(value) || TOWNSHIP.test(value);
}

/** The third part of a township code tells its kind: 0xx 街道, 1xx 镇, 2xx 乡, 4xx 类乡级. */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'township-like';

export function townshipKind(code: string): TownshipKind | undefined {
  if (!TOWNSHIP.test(code)) return undefined;
  return ({ '0': 'subdistrict', '1': 'town', '2': 'township', '4': 'township-like' } as const)[
    code[6] as '0' | '1' | '2' | '4'
  ];
}

/**
 * The digits every code inside a region starts with: 450300 (city) → 4503, 450000 (province) → 45, a county
 * or township → itself. A database finds a region's townships with `LIKE '4503%'`.
 */
export function regionCodePrefix(ancestor: string): string {
  return ancestor.length === 6 ? ancestor.replace(/(00)+$/, '') : ancestor;
}

/** True when `code` is `ancestor` itself or lies inside it (450321100 lies in 450321 and in 450300). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  // A county has as many digits as its city (450321 in 450300): compare the significant prefix, not lengths.
  return code.length >= ancestor.length && code.startsWith(regionCodePrefix(ancestor));
}
