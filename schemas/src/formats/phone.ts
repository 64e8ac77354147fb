/** Chinese mobile and landline numbers as written on guides: 13812345678, 0773-1234567, (0773)1234567. */

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 010/02x (3 digits) or 0xxx (4 digits), then a 7–8 digit local number, optional extension.
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)[2-9]\d{6,7}(?:-\d{1,6})?$/;
const POSTCODE = /^[1-8]\d{5}$/;

export function isMobile(value: string): boolean {
  return MOBILE.test(value);
}

export function isLandline(value: string): boolean {
  return LANDLINE.test(value);
}

/** A phone a citizen can call: a landline with its area code, or a mobile. */
export function isPhone(value: string): boolean {
  return isMobile(value) || isLandline(value);
}

export function isPostcode(value: string): boolean {
  return POSTCODE.test(value);
}
