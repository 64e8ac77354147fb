import { breakUnits, characterUnits } from '../breakUnits';

describe('breakUnits', () => {
  it('cuts Chinese into dictionary words, so a line never breaks inside 户籍', () => {
    expect(breakUnits('本县户籍老年人免交')).toEqual(['本县', '户籍', '老年人', '免交']);
    expect(breakUnits('材料齐全并符合法定形式')).toEqual(['材料', '齐全', '并', '符合', '法定', '形式']);
  });

  it('gives the text back when joined, keeps Latin runs whole and glues punctuation', () => {
    const text = '申请人持GB/T 50180-2018文件，到乡镇（街道）便民服务中心办理。';
    const units = breakUnits(text);
    expect(units.join('')).toBe(text);
    expect(units).toEqual(expect.arrayContaining(['GB/T', ' ', '乡镇', '（街道）', '办理。']));
  });

  it('cuts the same text the same way every time', () => {
    const text = '乡镇人民政府民政办公室受理临时救助申请并入户调查核实';
    const first = breakUnits(text);
    expect(breakUnits(text)).toEqual(first);
    expect(breakUnits(`前缀${text}`).slice(1)).toEqual(first);
  });
});

describe('characterUnits', () => {
  it('cuts one over-long word into characters without orphaning its punctuation', () => {
    expect(characterUnits('《批准书》，')).toEqual(['《批', '准', '书》，']);
  });
});

describe('short asides in brackets', () => {
  it('keeps （市、区） and （居） whole, but lets a long aside break', () => {
    expect(breakUnits('县（市、区）民政部门')).toEqual(['县', '（市、区）', '民政部门']);
    expect(breakUnits('村（居）民委员会')).toContain('（居）');
    const long = breakUnits('（涉及公共安全、生态保护红线或者永久基本农田的）');
    expect(long.length).toBeGreaterThan(3);
  });
});
