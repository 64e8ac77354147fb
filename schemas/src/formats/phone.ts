/** Chinese mobile and landline numbers as written on guides: 13812345678, 0773-1234567, (0773)1234567. */

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 010/02x (3 digits) or 0xxx (4 digits), then a 7–8 digit local number, optional extension.
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)[2-9]\d{6,7}(?:-\d{1,6})?$/;
// A local number as guides print it when the area is obvious to their readers: 8063801, 2953773-805.
const LOCAL = /^[2-9]\d{6,7}(?:-\d{1,6})?$/;
const POSTCODE = /^[1-8]\d{5}$/;

export function isMobile(value: string): boolean {
  return MOBILE.test(value);
}

export function isLandline(value: string): boolean {
  return LANDLINE.test(value);
}

/** A landline number without its area code. */
export function isLocalNumber(value: string): boolean {
  return LOCAL.test(value);
}

/** A phone a citizen can call: a landline with its area code, or a mobile. */
export function isPhone(value: string): boolean {
  return isMobile(value) || isLandline(value);
}

/** A service phone as a guide may state it: callable as it is, or a local number the region's area code completes. */
export function isServicePhone(value: string): boolean {
  return isPhone(value) || isLocalNumber(value);
}

export function isPostcode(value: string): boolean {
  return POSTCODE.test(value);
}
