/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet — registration authority and
 * kind (2), the GB/T 2260 area code of the registering office (6), the organisation code of GB 11714 with its
 * own check character (9), and a weighted check character over the first 17.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[1-9]\d{5}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an 8-character organisation code body (digits, and letters A=10 … Z=35). */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function isUscc(value: string): boolean {
  return (
    SHAPE.test(value) &&
    usccCheckChar(value) === value[17] &&
    orgCodeCheckChar(value.slice(8, 16)) === value[16]
  );
}
