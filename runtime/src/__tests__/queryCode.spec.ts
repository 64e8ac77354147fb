import {
  formatQueryCode,
  normaliseQueryCode,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_PATTERN,
  queryCodeFromBytes,
} from '../queryCode';

describe('查询码', () => {
  it('has 32 distinct characters without 0, O, 1 or I: ten of them are 50 bits', () => {
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(32);
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it('maps every byte value to a character, each character from exactly 8 of the 256 values', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const c = queryCodeFromBytes(new Uint8Array(10).fill(b))[0]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
    expect(queryCodeFromBytes(new Uint8Array(10))).toMatch(new RegExp(QUERY_CODE_PATTERN));
  });

  it('reads what people type: either case, spaces and the hyphen it is printed with', () => {
    const code = queryCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(formatQueryCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    expect(normaliseQueryCode(formatQueryCode(code).toLowerCase())).toBe(code);
    expect(normaliseQueryCode(` ${code.slice(0, 5)} ${code.slice(5)} `)).toBe(code);
    for (const wrong of ['', code.slice(1), `${code}A`, code.replace(code[0]!, '0'), '13907731234'])
      expect(normaliseQueryCode(wrong)).toBeUndefined();
  });
});
