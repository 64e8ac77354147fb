import { isLocalNumber } from './formats/phone';

/**
 * Telephone area codes by the first four digits of a division code (the prefecture-level city). Only codes
 * known for certain are listed: an area code that is not here is never guessed.
 */
export const AREA_CODES: Readonly<Record<string, string>> = {
  '4503': '0773', // 桂林市 and all its counties
};

/** The area code of a division (city, county, township or village code), when known. */
export function areaCodeOf(divisionCode: string | undefined): string | undefined {
  return divisionCode ? AREA_CODES[divisionCode.slice(0, 4)] : undefined;
}

/**
 * A service phone as it must be printed: a local number gets the region's area code ("8865553" in 阳朔镇 is
 * "0773-8865553"); anything else, or a local number of a region whose area code is unknown, stays as stated.
 */
export function dialablePhone(phone: string, divisionCode: string | undefined): string {
  const areaCode = isLocalNumber(phone) ? areaCodeOf(divisionCode) : undefined;
  return areaCode ? `${areaCode}-${phone}` : phone;
}
