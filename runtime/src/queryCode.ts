// The 查询码 of an application: with its reference it opens the full application from any device, so it must
// not be guessable. Ten characters from 32 that cannot be mistaken for one another (no 0/O, no 1/I) carry
// 50 random bits; people may type it in either case, with spaces or a hyphen between its two halves.

export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;

/** The code as the API takes it: the canonical letters, in either case. */
export const QUERY_CODE_PATTERN = `^[${QUERY_CODE_ALPHABET}${QUERY_CODE_ALPHABET.toLowerCase()}]{${QUERY_CODE_LENGTH}}$`;

/** A code from random bytes (one per character; 32 divides 256, so every character is equally likely). */
export function queryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== QUERY_CODE_LENGTH) throw new Error(`need ${QUERY_CODE_LENGTH} random bytes`);
  return Array.from(bytes, (b) => QUERY_CODE_ALPHABET[b & 31]).join('');
}

/** What a person typed, as the canonical code; undefined when it cannot be one. */
export function normaliseQueryCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(QUERY_CODE_PATTERN).test(code) ? code : undefined;
}

/** For reading aloud and copying by hand: two groups of five (ABCDE-FGHJK). */
export const formatQueryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
