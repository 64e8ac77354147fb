// The code of a booking (预约码): said over the phone and typed at the hall's window, so short and made of the
// 查询码's characters that cannot be mistaken for one another. Eight of 32 carry 40 random bits; a booking opens
// only with its code and the phone number it was made with, and look-ups are rate-limited.
import { QUERY_CODE_ALPHABET } from './queryCode';

export const BOOKING_CODE_LENGTH = 8;
export const BOOKING_CODE_PATTERN = `^[${QUERY_CODE_ALPHABET}${QUERY_CODE_ALPHABET.toLowerCase()}]{${BOOKING_CODE_LENGTH}}$`;

/** A code from random bytes, one per character (32 divides 256, so every character is equally likely). */
export function bookingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== BOOKING_CODE_LENGTH) throw new Error(`need ${BOOKING_CODE_LENGTH} random bytes`);
  return Array.from(bytes, (b) => QUERY_CODE_ALPHABET[b & 31]).join('');
}

/** What a person typed, as the canonical code; undefined when it cannot be one. */
export function normaliseBookingCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(BOOKING_CODE_PATTERN).test(code) ? code : undefined;
}

/** For reading aloud: two groups of four (ABCD-EFGH). */
export const formatBookingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
