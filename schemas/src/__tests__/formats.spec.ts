import {
  createAjv,
  idCardCheckChar,
  isDivisionCode,
  isIdCardNumber,
  isLandline,
  isMobile,
  isPhone,
  isUscc,
  isWithinRegion,
  townshipKind,
  usccCheckChar,
} from '../index';

describe('公民身份号码 (GB 11643)', () => {
  it('accepts numbers whose check character matches, including X', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    const first17 = '45032119850615123';
    expect(isIdCardNumber(first17 + idCardCheckChar(first17))).toBe(true);
  });

  it('computes the check character from the GB 11643 weights', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → "X"
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it('refuses a wrong check character, a lowercase x and a wrong length', () => {
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(isIdCardNumber('11010519491231002x')).toBe(false);
    expect(isIdCardNumber('11010519491231002')).toBe(false);
  });

  it('refuses birth dates that do not exist or lie in the future', () => {
    const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
    expect(isIdCardNumber(withCheck('45032119900230001'))).toBe(false); // 30 February
    expect(isIdCardNumber(withCheck('45032119890229001'))).toBe(false); // 1989 is no leap year
    expect(isIdCardNumber(withCheck('45032120000229001'))).toBe(true); // 2000 is
    expect(isIdCardNumber(withCheck('45032120991231001'))).toBe(false); // not born yet
    expect(isIdCardNumber(withCheck('45032118991231001'))).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts real codes, including the standard example and a check character of letters', () => {
    for (const code of [
      '91350100M000100Y43',
      '9144030071526726XG',
      '91330100799655058B',
      '91110000100017643K',
    ]) {
      expect(isUscc(code)).toBe(true);
    }
  });

  it('computes the check character as alphabet[(31 − Σ mod 31) mod 31]', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, a wrong organisation-code check and letters outside the alphabet', () => {
    expect(isUscc('91350100M000100Y44')).toBe(false);
    // Same body with its organisation-code check changed from 4 to 5, GB 32100 check recomputed to match.
    const badOrgCheck = '91350100M000100Y5';
    expect(isUscc(badOrgCheck + usccCheckChar(badOrgCheck))).toBe(false);
    expect(isUscc('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isUscc('9135010M000100Y43')).toBe(false);
  });
});

describe('divisions and phones', () => {
  it('takes 6-digit county and 9-digit township codes only', () => {
    expect(['450300', '450321', '450321100'].map(isDivisionCode)).toEqual([true, true, true]);
    expect(['45032', '4503211000', '045032', '45032110A'].map(isDivisionCode)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('tells a township code’s kind and its ancestors', () => {
    expect(['450302001', '450321100', '450321200', '450305400'].map(townshipKind)).toEqual([
      'subdistrict',
      'town',
      'township',
      'township-like',
    ]);
    expect(isWithinRegion('450321100', '450321')).toBe(true);
    expect(isWithinRegion('450321100', '450300')).toBe(true);
    expect(isWithinRegion('450323101', '450321')).toBe(false);
    expect(isWithinRegion('450321', '450321100')).toBe(false);
    // Counties have as many digits as their city.
    expect(isWithinRegion('450321', '450300')).toBe(true);
    expect(isWithinRegion('450322', '450321')).toBe(false);
    expect(isWithinRegion('450102', '450300')).toBe(false);
    expect(isWithinRegion('450300', '450000')).toBe(true);
  });

  it('tells mobiles from landlines with an area code', () => {
    expect(isMobile('13907731234')).toBe(true);
    expect(isMobile('12345')).toBe(false);
    expect(isMobile('12907731234')).toBe(false);
    expect(
      ['0773-8822001', '07738822001', '(0773)8822001', '010-65123456', '0773-8822001-801'].map(isLandline),
    ).toEqual([true, true, true, true, true]);
    expect(['8822001', '0773-0822001', '773-8822001'].map(isLandline)).toEqual([false, false, false]);
    expect(isPhone('13907731234') && isPhone('0773-8822001')).toBe(true);
  });
});

describe('createAjv', () => {
  it('registers the formats for use in any schema', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: {
        id: { type: 'string', format: 'cn-id-card' },
        uscc: { type: 'string', format: 'cn-uscc' },
        region: { type: 'string', format: 'cn-division-code' },
        mobile: { type: 'string', format: 'cn-mobile' },
        phone: { type: 'string', format: 'cn-phone' },
      },
    });
    expect(
      validate({
        id: '11010519491231002X',
        uscc: '91350100M000100Y43',
        region: '450321100',
        mobile: '13907731234',
        phone: '0773-8822001',
      }),
    ).toBe(true);
    expect(
      validate({
        id: '110105194912310021',
        uscc: '91350100M000100Y44',
        region: '45032',
        mobile: '12345',
        phone: '8822001',
      }),
    ).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual([
      '/id',
      '/uscc',
      '/region',
      '/mobile',
      '/phone',
    ]);
  });
});
