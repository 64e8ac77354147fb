import { nestsDeeperThan, refusedValueAt } from '../bodyChecks';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: '\\"[[[[', c: '\\' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(['\\', [[]]]), 2)).toBe(true);
  });

  it('reads a megabyte of brackets in one pass', () => {
    const text = '['.repeat(500_000) + ']'.repeat(500_000);
    expect(nestsDeeperThan(text, 64)).toBe(true);
    expect(nestsDeeperThan(text, 500_000)).toBe(false);
  });
});

describe('refusedValueAt', () => {
  it('finds a NUL in a string or a key, and a __proto__ key, by JSON pointer', () => {
    expect(refusedValueAt({ a: [{ b: 'x\u0000' }] })).toEqual({
      path: '/a/0/b',
      message: expect.stringMatching(/空字符/),
    });
    expect(refusedValueAt({ 'a/b': { 'c\u0000': 1 } })).toEqual({
      path: '/a~1b/c\u0000',
      message: expect.stringMatching(/空字符/),
    });
    expect(refusedValueAt(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toEqual({
      path: '/a/__proto__',
      message: expect.stringMatching(/__proto__/),
    });
    expect(refusedValueAt('\u0000')).toEqual({ path: '/', message: expect.stringMatching(/空字符/) });
  });

  it('passes everything else, constructor and prototype keys included (the model refuses those as field names)', () => {
    expect(
      refusedValueAt({ constructor: 'x', prototype: [1, null, true, '阳朔镇 😀'], n: 0 }),
    ).toBeUndefined();
  });
});
