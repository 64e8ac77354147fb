import { escapeXml } from '../escapeXml';
import { breakUnits } from '../../text/breakUnits';
import { charWidthEm, textWidthEm, wrapBalanced, wrapText } from '../textMetrics';

describe('text widths', () => {
  it('counts CJK characters and full-width punctuation as one em, Latin as about half', () => {
    expect(charWidthEm('审')).toBe(1);
    expect(charWidthEm('，')).toBe(1);
    expect(charWidthEm('（')).toBe(1);
    expect(charWidthEm('“')).toBe(1);
    expect(charWidthEm('𠀀')).toBe(1);
    expect(charWidthEm('a')).toBeGreaterThan(0.45);
    expect(charWidthEm('a')).toBeLessThan(0.65);
    expect(charWidthEm('W')).toBeGreaterThan(charWidthEm('i'));
    expect(charWidthEm('a', true)).toBeGreaterThan(charWidthEm('a'));
    expect(textWidthEm('时限：5个工作日')).toBeCloseTo(7 + charWidthEm('5'));
  });
});

describe('wrapText', () => {
  const width = (line: string): number => textWidthEm(line);

  it('wraps Chinese text at the width, between words', () => {
    const text = '乡镇农业农村、自然资源、规划建设、生态环境、应急管理等相关岗位联合审查人员';
    const lines = wrapText(text, { maxEm: 10 });
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(10);
    // Every line ends where a word ends.
    const ends = new Set(breakUnits(text).map((_, i, units) => units.slice(0, i + 1).join('').length));
    let at = 0;
    for (const line of lines) expect(ends.has((at += line.length))).toBe(true);
    expect(wrapText('本县户籍老年人免交', { maxEm: 3 })).toEqual(['本县', '户籍', '老年人', '免交']);
  });

  it('keeps Latin words and numbers whole and drops spaces at line ends', () => {
    const lines = wrapText('审查记录 GB/T 50180-2018 符合性 ISO/IEC 27001:2013 Annex A', { maxEm: 6 });
    for (const word of ['GB/T', '50180-2018', 'ISO/IEC', '27001:2013', 'Annex']) {
      expect(lines.some((line) => line.split(' ').includes(word) || line.includes(word))).toBe(true);
    }
    for (const line of lines) expect(line).toBe(line.trim());
  });

  it('cuts a word only when it is wider than a whole line', () => {
    const lines = wrapText('https://zwfw.gxzf.gov.cn/item/11450321EK278590XU-0117302000', { maxEm: 8 });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(8);
    expect(lines.join('')).toBe('https://zwfw.gxzf.gov.cn/item/11450321EK278590XU-0117302000');
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    const text = '核发《农村宅基地批准书》，并（同步）推送“电子证照”。完成后告知申请人，流程结束。';
    for (let maxEm = 3; maxEm <= 12; maxEm++) {
      for (const line of wrapText(text, { maxEm })) {
        expect('，。、；：？！）》”'.includes(line[0] ?? '')).toBe(false);
        expect('（《“'.includes(line[line.length - 1] ?? '')).toBe(false);
      }
    }
    expect(breakUnits('（规划许可）审查表')).toEqual(['（规划许可）', '审查', '表']);
  });

  it('leaves room for a prefix on the first line', () => {
    const [first, second] = wrapText('一二三四五六七八九十', { maxEm: 8, firstLineInsetEm: 3 });
    expect(first).toBe('一二三四五');
    expect(second).toBe('六七八九十');
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', { maxEm: 5 })).toEqual(['']);
  });
});

describe('wrapBalanced', () => {
  it('evens lines out instead of leaving a lone last word', () => {
    expect(wrapText('乡镇人民政府分管领导审批', { maxEm: 10 })).toEqual(['乡镇人民政府分管领导', '审批']);
    expect(wrapBalanced('乡镇人民政府分管领导审批', { maxEm: 10 })).toEqual(['乡镇人民政府', '分管领导审批']);
  });

  it('breaks after a pause mark when that costs no extra line', () => {
    expect(wrapBalanced('申请人、村（居）民委员会', { maxEm: 9 })).toEqual(['申请人、', '村（居）民委员会']);
    // Here breaking at the pause would need three lines: plain balancing wins.
    expect(wrapBalanced('最低生活保障审核确认、临时救助金给付', { maxEm: 12 })).toHaveLength(2);
  });

  it('never needs more lines than greedy wrapping', () => {
    const text = '申请人通过广西数字政务一体化平台或者乡镇便民服务中心窗口提交申请材料，GB/T 50180-2018';
    for (let maxEm = 4; maxEm <= 20; maxEm += 1.5) {
      const lines = wrapBalanced(text, { maxEm });
      expect(lines.length).toBeLessThanOrEqual(wrapText(text, { maxEm }).length);
      for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm);
    }
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and template braces', () => {
    expect(escapeXml(`<a href="x" title='y'>&{{z}}</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#123;&#123;z&#125;&#125;&lt;/a&gt;',
    );
  });

  it('drops characters XML 1.0 forbids, keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u001fd\ufffee\tf\ng𠀀\ud800h')).toBe('abcde\tf\ng𠀀h');
  });
});
