import type { Item } from '@oneseal/schemas';
import { renderGuide, renderNotice } from '../render';

const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const section = (html: string, key: string) => {
  const start = html.indexOf(`data-section="${key}"`);
  return start < 0 ? undefined : text(html.slice(start, html.indexOf('</section>', start)));
};

/** A guide that states its name and one material, nothing else. */
const bare: Item = {
  kind: 'item',
  schemaVersion: 2,
  name: '临时救助',
  materials: [{ material: 'M1', name: '户口本（居住证）' }],
};

describe('a guide prints only what the item states (issue 12)', () => {
  it('says 未载明 in the sections every guide carries and invents no value', async () => {
    const html = await renderGuide(bare);
    for (const key of 'legal-basis conditions process time-limits fees consult complaint place-hours'.split(
      ' ',
    ))
      expect(section(html, key)).toContain('未载明');
    const plain = text(html);
    for (const invented of [
      '0 次',
      '1 次',
      '不收费',
      '不支持网上办理',
      '即办件',
      '承诺件',
      '全市',
      '第 1 版',
      '扫码',
      '必要',
      '原件',
    ])
      expect(plain).not.toContain(invented);
    // Columns no material states are not printed, not printed empty.
    expect(html).not.toContain('<th>必要性</th>');
  });

  it('prints one figure no guide calls 法定 or 承诺 once, as 办理时限, with its extension', async () => {
    const html = await renderGuide({
      ...bare,
      handlingLimit: {
        value: 30,
        unit: 'workday',
        extension: {
          mode: 'to',
          value: 45,
          unit: 'workday',
          condition: '家庭经济状况调查难度较大等特殊情况的',
        },
      },
    });
    const limits = section(html, 'time-limits')!;
    expect(limits).toContain('办理时限 30个工作日；家庭经济状况调查难度较大等特殊情况的，可延长至45个工作日');
    expect(limits).not.toContain('法定');
    expect(limits).not.toContain('承诺');
    expect(text(html).match(/30个工作日/g)).toHaveLength(1);
  });

  it('prints a month as a month', async () => {
    const html = await renderGuide({ ...bare, statutoryLimit: { value: 1, unit: 'month' } });
    expect(section(html, 'time-limits')).toContain('1个月');
    expect(section(html, 'time-limits')).not.toContain('30');
  });

  it('prints an exemption as 免交情形, never as 不需要提供', async () => {
    const html = await renderGuide({
      ...bare,
      materials: [{ material: 'M1', name: '户口簿', exemption: '本地户籍老年人免交' }],
    });
    expect(section(html, 'materials')).toContain('免交情形：本地户籍老年人免交');
    expect(html).not.toContain('不需要提供');
  });

  it('numbers conditions once: texts that number themselves keep their own numbers', async () => {
    const own = await renderGuide({
      ...bare,
      acceptanceConditions: ['（一）户籍在本乡镇', '（二）家庭人均收入低于当地低保标准'],
    });
    expect(own).toContain('<ul class="plain"><li>（一）户籍在本乡镇</li>');
    const plain = await renderGuide({
      ...bare,
      acceptanceConditions: ['户籍在本乡镇', '家庭人均收入低于当地低保标准'],
    });
    expect(plain).toContain('<ol><li>户籍在本乡镇</li>');
  });

  it('prints a benefit standard with its tiers and rule', async () => {
    const html = await renderGuide({
      ...bare,
      benefitStandard: {
        summary: '城乡低保统筹',
        tiers: [
          { name: 'A类', amount: 504 },
          { name: '火化费', amount: 240, unit: '元', upTo: true },
        ],
        rule: '不超过最高补贴额度的按照实际费用进行补贴',
      },
    });
    const benefit = section(html, 'benefit')!;
    for (const line of [
      '城乡低保统筹',
      'A类：504',
      '火化费：最高240元',
      '不超过最高补贴额度的按照实际费用进行补贴',
    ])
      expect(benefit).toContain(line);
  });

  it('prints generic and county-level bodies as stated, without a credit code', async () => {
    const html = await renderGuide({
      ...bare,
      implementingBody: { name: '各乡镇民政站', generic: true, level: '5' },
    });
    const body = section(html, 'accepting-body')!;
    expect(body).toContain('各乡镇民政站');
    expect(body).toContain('乡镇（街道）级');
    expect(body).not.toContain('统一社会信用代码');
  });

  it('gives a notice of a guide that states nothing no phone, place or limit', () => {
    const plain = text(renderNotice(bare));
    expect(plain).not.toMatch(/电话|承诺办结时限|办理地点|不收费/);
    expect(plain).toContain('户口本（居住证）');
  });
});
