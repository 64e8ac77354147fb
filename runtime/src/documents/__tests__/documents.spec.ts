import type { Item } from '@oneseal/schemas';
import { codeLabel, formatTimeLimit, validateItem } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import { guideSections } from '../guideView';
import { mergeForms } from '../../forms';
import { renderBlankForm, renderGuide, renderNotice, renderSubmissionNotice } from '../render';
import { UnknownMaterialError } from '../noticeView';
import { PAYLOAD, planted } from './plant';

const catalogue = loadSeedCatalogue();
const items = resolveSeedItems(catalogue);
const homestead = items.find((i) => i.regionCode === '450321100' && i.code === '0117302000')!;

// The order of 行政许可标准化指引 (2016) appendix 2, then 常见问题; 帮办代办 and 廉洁风险点 where present. Where
// two headings share a place, the first is a 行政许可's and the second every other type's.
const STANDARD_ORDER = [
  '事项内容',
  '适用范围',
  '事项审查类型',
  '事项类型',
  '审批依据',
  '设定依据',
  '受理机构',
  '实施机构',
  '决定机构',
  '数量限制',
  '给付标准',
  '申请条件',
  '申请材料',
  '申请接收',
  '办理流程',
  '办理方式',
  '帮办代办',
  '办理时限',
  '收费依据及标准',
  '审批结果',
  '办理结果',
  '结果送达',
  '申请人权利和义务',
  '咨询途径',
  '监督投诉渠道',
  '办公地址和时间',
  '公开查询',
  '常见问题',
  '廉洁风险点及防控措施',
];

const headings = (html: string) =>
  [...html.matchAll(/<h2>[一二三四五六七八九十]+、([^<]+)<\/h2>/g)].map((m) => m[1]!);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');

describe('renderGuide', () => {
  it('prints the sections in the standard order, numbered, leaving out the empty optional ones', async () => {
    for (const item of items.filter((i) => i.regionCode === '450321100').slice(0, 12)) {
      const titles = headings(await renderGuide(item));
      expect(titles).toEqual(STANDARD_ORDER.filter((t) => titles.includes(t)));
      expect(titles.includes('数量限制')).toBe(Boolean(item.quantityLimit));
      expect(titles.includes('常见问题')).toBe((item.faq?.length ?? 0) > 0);
      expect(titles.includes('帮办代办')).toBe(item.proxy?.available === true);
      expect(titles.includes('廉洁风险点及防控措施')).toBe((item.riskPoints?.length ?? 0) > 0);
      expect(titles.includes('公开查询')).toBe(Boolean(item.publicQuery || item.publication));
      // 审批依据 and 审批结果 are a licence's words; other items have 设定依据 and 办理结果 (issue 12).
      const licence = item.type === '01';
      expect(titles.includes('审批依据')).toBe(licence);
      expect(titles.includes('设定依据')).toBe(!licence);
      expect(titles.includes('审批结果')).toBe(licence && item.result !== undefined);
    }
  });

  it('takes every fact from the item: basis, limits, materials, fees, place, hours, contacts, version', async () => {
    const local: Item = {
      ...homestead,
      contacts: [
        { kind: 'consult', phone: '8865553' },
        { kind: 'complaint', phone: '0773-8880370' },
        ...(homestead.contacts ?? []),
      ],
    };
    const html = await renderGuide(local, { publicBaseUrl: 'https://ys.example.gov.cn' });
    const plain = text(html);
    for (const b of homestead.legalBasis!) expect(plain).toContain(b.law);
    expect(plain).toContain(formatTimeLimit(homestead.statutoryLimit!));
    expect(plain).toContain(formatTimeLimit(homestead.promisedLimit!));
    for (const m of homestead.materials) {
      expect(plain).toContain(m.name);
      expect(html).toContain(`data-material="${m.material}"`);
    }
    for (const value of [
      homestead.place!,
      homestead.hours!,
      // A local number is printed with 阳朔镇's area code.
      '0773-8865553',
      '0773-8880370',
      '12345政务服务便民热线',
      homestead.implementingBody!.name!,
    ])
      expect(plain).toContain(value);
    expect(plain).toContain(`第 ${homestead.version} 版`);
    expect(plain).toContain(homestead.fees!.charged ? homestead.fees!.items![0]!.name : '不收费');
    for (const step of homestead.process!) expect(plain).toContain(step.name);
    expect(html).toContain('<svg'); // flowchart and QR code inline
    expect(guideSections(homestead, { hasFlowchart: true }).find((s) => s.key === 'materials')).toMatchObject(
      { partial: 'section-materials' },
    );
  });

  it('renders the material table with form, copies, necessity, source and issuer', async () => {
    const html = await renderGuide(homestead);
    const idCard = homestead.materials.find((m) => m.material === 'ID-CARD')!;
    const row = html.slice(
      html.indexOf('data-material="ID-CARD"'),
      html.indexOf('</tr>', html.indexOf('data-material="ID-CARD"')),
    );
    for (const cell of [
      codeLabel('MaterialForm', idCard.form!)!,
      codeLabel('MaterialNecessity', idCard.necessity!)!,
      codeLabel('MaterialSource', idCard.source!)!,
    ])
      expect(row).toContain(cell);
  });

  it('is deterministic: the same item gives the same bytes', async () => {
    expect(await renderGuide(homestead)).toBe(
      await renderGuide(JSON.parse(JSON.stringify(homestead)) as Item),
    );
  });
});

describe('every seed', () => {
  // One entry of each base item (the first township that lists it): every element the seeds hold is printed.
  const firstOfEach = [...new Map(items.map((i) => [i.code, i])).values()];

  it.each(firstOfEach.map((i) => [i.code, i.name, i] as const))(
    '%s %s renders its guide and notice, with no placeholder text',
    async (_code, name, item) => {
      for (const html of [await renderGuide(item), renderNotice(item)]) {
        expect(html).toContain(name);
        expect(text(html)).not.toMatch(/undefined|null|NaN|\[object/);
      }
    },
  );
});

describe('editor text is escaped everywhere', () => {
  const bad = planted(homestead);

  it('keeps the planted item valid (the payload is text, not a broken document)', () => {
    expect(validateItem(bad).errors).toEqual([]);
  });

  it.each([
    ['guide', () => renderGuide(bad)],
    [
      'notice',
      async () => renderNotice(bad, { missing: [bad.materials[0]!.material], refusal: { reason: PAYLOAD } }),
    ],
    ['blank form', async () => renderBlankForm(bad, catalogue.dataElements)],
  ])('in the %s', async (_name, render) => {
    const html = await render();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onerror="/);
    // The one </style> is the template's own, closing the head.
    expect(html.split('</style>')).toHaveLength(2);
    // Handlebars also escapes = (as &#x3D;); the payload shows as text, never as markup.
    expect(html).toMatch(/&lt;script&gt;window\.__xss(=|&#x3D;)1&lt;\/script&gt;/);
    expect(html).toContain('{{constructor}}');
  });
});

describe('renderNotice', () => {
  it('lists every material and condition, the place, the hours and the contacts', () => {
    const plain = text(renderNotice({ ...homestead, contacts: [{ kind: 'consult', phone: '8865553' }] }));
    for (const m of homestead.materials) expect(plain).toContain(m.name);
    for (const c of homestead.acceptanceConditions!) expect(plain).toContain(c);
    expect(plain).toContain('0773-8865553');
    expect(plain).toContain(homestead.place!);
    expect(plain).toContain(homestead.hours!);
    expect(plain).not.toContain('需要补正的材料');
  });

  it('cites 《行政许可法》第三十二条 for a licence only; other items cite their own basis (issue 12)', () => {
    expect(homestead.type).toBe('01');
    expect(text(renderNotice(homestead))).toContain('《中华人民共和国行政许可法》第三十二条');
    const aid = items.find((i) => i.type === '05' && i.regionCode === '450321100')!;
    const plain = text(renderNotice(aid));
    expect(plain).not.toContain('行政许可法');
    expect(plain).toContain(`根据${aid.legalBasis![0]!.law}等规定`);
    const unstated: Item = { ...aid };
    delete unstated.legalBasis;
    const bare = text(renderNotice(unstated));
    expect(bare).toContain('现将办理本事项的有关要求一次性告知如下');
    expect(bare).not.toContain('根据');
  });

  it('keeps the last section and the signatures together, so no page holds the signatures alone', () => {
    const html = renderNotice(homestead);
    const closing = html.slice(html.indexOf('<div class="closing">'));
    expect(closing).toContain('办理流程、时限、地点和联系方式');
    expect(closing).toContain('class="signature"');
  });

  it('names the missing materials and the deadline', () => {
    const missing = homestead.materials.slice(0, 2);
    const html = renderNotice(homestead, { missing: missing.map((m) => m.material), deadline: '2026-12-10' });
    const section = html.slice(
      html.indexOf('需要补正的材料'),
      html.indexOf('</section>', html.indexOf('需要补正的材料')),
    );
    for (const m of missing) expect(section).toContain(m.name);
    expect(section).not.toContain(homestead.materials[2]!.name);
    expect(section).toContain('2026-12-10');
  });

  it('gives the reason for a refusal and the applicant’s rights', () => {
    const plain = text(renderNotice(homestead, { refusal: { reason: '申请人不属于本集体经济组织成员' } }));
    expect(plain).toContain('申请人不属于本集体经济组织成员');
    expect(plain).toMatch(/行政复议/);
    expect(plain).toMatch(/行政诉讼/);
    expect(plain).toMatch(/陈述和申辩/);
  });

  it('refuses to name a material the item does not ask for', () => {
    expect(() => renderNotice(homestead, { missing: ['NOT-A-MATERIAL'] })).toThrow(UnknownMaterialError);
  });
});

describe('the material tables of every document', () => {
  it('print the columns the materials state, in the guide, notice, paper form and submission notice', async () => {
    const merged = mergeForms([homestead], catalogue.dataElements);
    const application = {
      reference: 'R',
      date: '2026-11-26',
      townshipName: '阳朔镇',
      items: [homestead],
      merged,
      data: {},
    };
    for (const html of [
      await renderGuide(homestead),
      renderNotice(homestead),
      renderBlankForm(homestead, catalogue.dataElements),
      renderSubmissionNotice(application),
    ])
      for (const header of ['材料形式', '份数', '必要性', '来源渠道'])
        expect(html).toContain(`<th>${header}</th>`);
  });
});

describe('renderBlankForm', () => {
  it('prints every field of the online form, options as boxes, and the conditions in words', () => {
    const html = renderBlankForm(homestead, catalogue.dataElements);
    const fields: { title: string; enum?: { label: string }[] }[] = [];
    const walk = (props: NonNullable<Item['form']>['properties']) => {
      for (const f of Object.values(props)) {
        if (f.type !== 'void') fields.push(f);
        if (f.properties) walk(f.properties);
      }
    };
    walk(homestead.form!.properties);
    const labels = [...html.matchAll(/<th class="words">(.*?)<\/th>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );
    for (const f of fields)
      expect(labels).toContainEqual(expect.stringMatching(new RegExp(`^${f.title}\\*?$`)));
    for (const option of fields.flatMap((f) => f.enum ?? [])) expect(html).toContain(`□ ${option.label}`);
    expect(text(html)).toContain('“建房类型”为“原址翻建”或“改建、扩建”时填写');
  });

  it('sets each label as words, so a label wider than its column wraps between words, never inside one', () => {
    const aged = items.find((i) => i.regionCode === '450321100' && i.code === '0520005000')!;
    const html = renderBlankForm(aged, catalogue.dataElements);
    expect(html).toContain(
      '代理人<wbr>与<wbr>申请人<wbr><span class="word">关系<span class="required">*</span></span>',
    );
    // 户籍地址 is one label of two words: no break inside 户籍.
    expect(html).toContain('户籍<wbr><span class="word">地址');
  });

  it('prints the options of a choice that leaves them to its data element, not a blank line', () => {
    const idType = catalogue.dataElements.find((e) => e.code === 'idType')!;
    expect(idType.options!.length).toBeGreaterThan(1);
    const item: Item = {
      ...homestead,
      form: {
        type: 'object',
        properties: {
          idType: { type: 'string', title: '证件类型', 'x-component': 'select', 'x-data-element': 'idType' },
          idNote: {
            type: 'string',
            title: '证件说明',
            'x-component': 'text',
            'x-visible-when': { field: 'idType', op: 'eq', value: idType.options![1]!.value },
          },
        },
      },
    };
    const html = renderBlankForm(item, catalogue.dataElements);
    for (const option of idType.options!) expect(html).toContain(`□ ${option.label}`);
    // The condition names the option by its label, as the applicant reads it.
    expect(text(html)).toContain(`“证件类型”为“${idType.options![1]!.label}”时填写`);
    // Without the dictionary there is nothing to offer: the line is left to write on.
    expect(renderBlankForm(item, [])).not.toContain('□');
  });
});
