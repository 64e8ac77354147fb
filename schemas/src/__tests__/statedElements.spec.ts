import type { Item } from '../index';
import {
  assessCompleteness,
  dialablePhone,
  ELEMENT_SET,
  formatTimeLimit,
  implementationCompleteness,
  resolveItem,
  toWorkdays,
} from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

describe('formatTimeLimit: limits as real guides state them', () => {
  it.each([
    [{ value: 20, unit: 'workday' }, '20个工作日'],
    [{ value: 30, unit: 'day' }, '30个自然日'],
    [{ value: 1, unit: 'month' }, '1个月'],
    [{ value: 1, unit: 'year' }, '1年'],
    [{ none: 'immediate' }, '即办'],
    [{ none: 'not-prescribed' }, '法律未规定'],
    [
      { value: 30, unit: 'workday', extension: { mode: 'by', value: 15, unit: 'workday' } },
      '30个工作日，可延长15个工作日',
    ],
    [
      {
        value: 30,
        unit: 'workday',
        extension: { mode: 'to', value: 45, unit: 'workday', condition: '调查难度较大等特殊情况的' },
      },
      '30个工作日；调查难度较大等特殊情况的，可延长至45个工作日',
    ],
    [{ value: 5, unit: 'workday', note: '公示期不计入' }, '5个工作日（公示期不计入）'],
    [{ note: '户籍人口及时办理，跨省流动人口承诺办理' }, '户籍人口及时办理，跨省流动人口承诺办理'],
  ] as const)('%j prints as %s', (limit, text) => {
    expect(formatTimeLimit(limit)).toBe(text);
  });

  it('never turns a month into a number of days, and has no span for what states none', () => {
    expect(formatTimeLimit({ value: 1, unit: 'month' })).not.toContain('30');
    expect(toWorkdays({ none: 'not-prescribed' })).toBeUndefined();
    expect(toWorkdays({ note: '当场' })).toBeUndefined();
    expect(toWorkdays(undefined)).toBeUndefined();
    expect(toWorkdays({ none: 'immediate' })).toBe(0);
  });
});

describe('area codes', () => {
  it('complete a local number with the area code of a Guilin division, and guess none elsewhere', () => {
    expect(dialablePhone('8865553', '450321100')).toBe('0773-8865553');
    expect(dialablePhone('8865553', '450300')).toBe('0773-8865553');
    expect(dialablePhone('0773-8865553', '450321100')).toBe('0773-8865553');
    expect(dialablePhone('13907731234', '450321100')).toBe('13907731234');
    expect(dialablePhone('8063801', '341700')).toBe('8063801');
    expect(dialablePhone('8063801', undefined)).toBe('8063801');
  });
});

const options = { regionName: '阳朔镇', materialName: (code: string) => code };

describe('completeness', () => {
  const full = (): Item => resolveItem(licenceBase(), licenceImplementation(), options);

  it('scores the share of the element set an item states and names what it leaves out', () => {
    const item = full();
    const complete = assessCompleteness(item);
    // The fixture states every element; 给付标准 is asked only of a 行政给付.
    expect(complete.total).toBe(ELEMENT_SET.length - 1);
    expect(complete.missing).toEqual([]);
    expect(complete.score).toBe(1);
    delete item.statutoryLimit;
    item.contacts = [{ kind: 'consult', phone: '0773-8822001' }];
    const partial = assessCompleteness(item);
    expect(partial.missing.map((m) => [m.path, m.label])).toEqual([
      ['/statutoryLimit', '法定办结时限'],
      ['/contacts', '监督投诉方式'],
    ]);
    expect(partial.missing[1]!.message).toBe('未载明监督投诉方式（全国政务服务事项基本要素要求）');
    expect(partial.score).toBeCloseTo((partial.total - 2) / partial.total);
  });

  it('asks a 行政给付 for its benefit standard, and nothing type-specific while the type is unstated', () => {
    const item = full();
    item.type = '05';
    expect(assessCompleteness(item).missing.map((m) => m.label)).toEqual(['给付标准']);
    item.benefitStandard = { tiers: [{ name: 'A类', amount: 504 }] };
    expect(assessCompleteness(item).missing).toEqual([]);
    delete item.type;
    expect(assessCompleteness(item).missing.map((m) => m.label)).toEqual(['事项类型']);
  });

  it('counts a contact whose use is not named as a way to ask, never as a complaint channel', () => {
    const item = full();
    item.contacts = [{ phone: '0566-8063801' }];
    expect(assessCompleteness(item).missing.map((m) => m.label)).toEqual(['监督投诉方式']);
  });

  it('of a draft names the base catalogue’s elements at /base', () => {
    const base = licenceBase();
    delete base.statutoryLimit;
    const impl = licenceImplementation();
    delete impl.hours;
    expect(implementationCompleteness(impl, base).missing.map((m) => m.path)).toEqual([
      '/base/statutoryLimit',
      '/hours',
    ]);
  });
});
