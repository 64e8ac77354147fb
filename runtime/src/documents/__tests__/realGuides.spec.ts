import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeListName, Item } from '@oneseal/schemas';
import { codeLabel, validateItem } from '@oneseal/schemas';
import { DATA_DIR } from '@oneseal/seeds';
import { renderGuide } from '../render';

// Seven real 办事指南 (issue 12), each a fixture holding exactly what its source states (see the folder's
// README). A guide rendered from one must show every stated element and print no value the fixture does not hold.

const fixture = (id: string) =>
  JSON.parse(readFileSync(join(DATA_DIR, 'real-guides', `${id}.json`), 'utf8')) as Item;

/** Texts each guide must show: what its source states, written out here from the source, not from the fixture. */
const MUST_APPEAR: Record<string, string[]> = {
  G03: [
    '困难残疾人生活补贴和重度残疾人护理补贴',
    '新疆生产建设兵团第三师四十二团',
    '承诺件',
    '24个工作日',
    '4个工作日',
    '行政给付',
    '不收费',
    '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》',
    '国发〔2015〕52号',
    '二、主要内容 (一)补贴对象',
    '新疆生产建设兵团第三师图木舒克市四十二团龙口镇木华黎社区288号110室社会事务办公室',
    '周一至周五上午10:00-14:00；周一至周五下午16:00-20:00（冬季与夏季时间一致法定节假日除外）',
    '0998-6983022',
    '0998-6983349',
    '第三师图木舒克市残疾人两项补贴申请审批表',
    '相关要求',
    '第二代中华人民共和国残疾人证',
    '申请人1寸免冠彩色照片',
    '身份证',
    '户口簿',
    '申请人申请书',
    '低保证明材料',
  ],
  G05: [
    '生育服务证登记',
    '公共服务',
    '工作日',
    '0 次',
    '窗口办理',
    '全市',
    '法定机关',
    '自然人',
    '即办件',
    '生育收养',
    '023-65751638',
    '证照',
    'Ⅳ级（全程网办）',
    '户籍人口及时办理，跨省流动人口承诺办理',
    '生育第一或第二个子女',
    '1.夫妻双方均未生育过子女；2.夫妻双方曾共同生育1个子女，均无其他子女；3.夫妻一方曾生育过1个子女。',
    '户籍或女方居住在本地',
    '女方在本地居住满1个月',
    '结婚证示例样表',
    '原件和复印件',
    '纸质和电子',
    '必要',
    '政府部门核发',
    '民政局',
    '2022-12-12',
  ],
  G06: [
    '城乡居民养老保险参保登记',
    '具有本市户籍且年满16周岁及以上，60周岁以下的人员',
    '户口簿',
    '(主页、本人页)',
    '本人居民身份证',
    '每月1-20日申请人向户籍所在地的乡镇社保所提出申请',
    '审核/登记',
    '当场',
    '对符合条件的进行参保登记',
    '待遇资格初审',
    '申报地社保所',
    '2022-11-25',
  ],
  G09: [
    '临时救助',
    '《柳州市临时救助申请核准表》',
    '户口本(居住证)',
    '身份证',
    '民政部门要求提供的相关证明材料',
    '所在地乡镇人民政府(街道办事处)设立的统一的社会救助申请受理窗口',
    '调查',
    '5个工作日（自受理临时救助申请之日起）',
    '核准',
    '县(区)民政部门',
    '5个工作日（收到调查材料之日起）',
    '提出核准意见',
    '张榜公示',
    '7个自然日',
  ],
  S11: [
    '最低生活保障',
    '户籍状况、家庭收入、家庭财产是认定低保对象的三个基本条件',
    '城乡低保统筹',
    'A类：504',
    'B类：345',
    'C类：240',
    '申请书',
    '家庭经济状况核对授权书',
    '身份证、户口本',
    '系统核查',
    '入户调查',
    '评议',
    '审核评分、审批',
    '法定工作日：周一至周五8:00—12:00，14:30-17:30',
    '青山乡人民政府为民服务大厅',
    '0566-8063801',
  ],
  S12: [
    '最低生活保障',
    '共同生活的家庭成员人均收入低于当地最低生活保障标准',
    '家庭收入和财产状况书面声明',
    '经济状况核查委托书',
    '劳动能力状况、收入、财产等有关证明材料',
    '刚性支出证明',
    '灵活就业人员因在异地打工期间增加生活成本等刚性支出的，需要一并提供',
    '申请人自备',
    '铁岭县平顶堡镇便民服务中心民政窗口',
    '窗口办理',
    '30个工作日；发生公示有异议、人户分离、异地申办或者家庭经济状况调查难度较大等特殊情况的，可延长至45个工作日',
    '024-78754008',
  ],
  S17: [
    '惠民殡葬补贴',
    '电厂辖区低保、特困、重点优抚对象、公安机关认定无名尸、流浪儿童等其他困难群体，以及生态葬的普通居民。',
    '死亡人员户口本、身份证',
    '复印件3份',
    '户口本需复印首页和本人页，身份证正反面复印',
    '火化证',
    '死亡证明',
    '一寸蓝底照片',
    '3张',
    '低保、特困、重点优抚对象等相应证件',
    '各个项目的发票',
    '手撕发票须能看清发票的编号并且要有明细',
    '骨灰寄存证',
    '有骨灰寄存费用的',
    '要求加盖公章的有效证件',
    '金牛卡',
    '一张，及正反面复印件3份',
    '遗体运接费：最高390元',
    '冷藏(冻)费：最高300元',
    '火化费：最高240元',
    '卫生纸棺费：最高200元',
    '骨灰盒费：最高200元',
    '骨灰寄存费：最高240元',
    '生态安葬费：最高800元',
    '不超过最高补贴额度的按照实际费用进行补贴',
  ],
};

/** The words of the templates and views: section headings, field labels, table headers, drawing marks. */
const LABELS = [
  // headings
  ...'事项内容 适用范围 事项审查类型 事项类型 审批依据 设定依据 受理机构 实施机构 决定机构 数量限制 给付标准 申请条件 申请材料 申请接收 办理流程 办理方式 帮办代办 办理时限 收费依据及标准 审批结果 办理结果 结果送达 申请人权利和义务 咨询途径 监督投诉渠道 办公地址和时间 公开查询 常见问题 廉洁风险点及防控措施'.split(
    ' ',
  ),
  // row labels and table headers
  ...'审查类型 办件类型 行使层级 权力来源 主题分类 名称 层级 性质 统一社会信用代码 窗口接收 网上申请 快递申请 预约办理 办理形式 到办事现场次数 必须现场办理原因 网上办理 通办范围 就近办 自助终端 网上支付 代办服务 联系方式 说明 法定办结时限 承诺办结时限 特别程序 结果类型 结果名称 结果样本 咨询电话 投诉电话 监督电话 联系电话 咨询途径 投诉渠道 监督渠道 联系途径 办公地址 办公时间 查询方式 索引号 发布机构 发布日期 公开网址 序号 材料名称 材料形式 份数 必要性 来源渠道 出具单位 环节 办理岗位 时限 产生文书'.split(
    ' ',
  ),
  '适用情形：',
  '免交情形：',
  '材料依据：',
  '服务对象：',
  '未载明',
  '办事指南',
  // the guide's header
  ...'实施主体 基本编码 实施编码 版本 生效日期'.split(' '),
  // the flowchart's marks: its title, terminators and field labels, and on a chart split over pages the
  // continued heading ("（一般程序，续）") — the connectors ("转 A", "接 A") are matched by CONNECTOR
  '办理流程图',
  '开始',
  '办结',
  '岗位：',
  '时限：',
  '文书：',
  '特别程序：',
  '续',
];

/** Where an arrow leaves one part of a split chart and comes back in another: 转/接 and a letter. */
const CONNECTOR = /^[转接] [A-Z]\d*$/;

/** Which code list each coded property of the model reads from (a property name may serve two lists). */
const CODE_FIELDS: Record<string, CodeListName[]> = {
  type: ['ItemType', 'ResultType'],
  caseType: ['CaseType'],
  handlingForms: ['HandlingForm'],
  handlingScope: ['HandlingScope'],
  serviceObjects: ['ServiceObject'],
  exerciseLevel: ['ExerciseLevel'],
  powerSource: ['PowerSource'],
  nature: ['BodyNature'],
  level: ['BodyLevel', 'LegalLevel'],
  form: ['MaterialForm'],
  medium: ['MaterialMedium'],
  necessity: ['MaterialNecessity'],
  source: ['MaterialSource'],
  unit: ['MaterialUnit', 'TimeUnit'],
  none: ['NoLimit'],
  mode: ['ExtensionMode'],
  kind: ['ContactKind', 'SpecialProcedureKind', 'BranchKind'],
  depth: ['OnlineDepth'],
  stage: ['StepStage'],
};

/**
 * Everything a fixture holds that may be printed: its texts and numbers, the labels of its codes, and the few
 * words that stand for a stated fact (不收费 for fees stated as not charged…). Nothing here is taken from the
 * rendered guide.
 */
function vocabulary(item: Item): string[] {
  const words = new Set<string>();
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string' || typeof value === 'number') {
      words.add(String(value));
      for (const list of key ? (CODE_FIELDS[key] ?? []) : [])
        if (codeLabel(list, String(value))) words.add(codeLabel(list, String(value))!);
    }
  };
  walk(item);
  if (item.fees?.charged === false) words.add('不收费');
  if (item.online?.available) for (const w of ['可网上办理', '可网上申请']) words.add(w);
  if (item.visits !== undefined) words.add('次');
  if (item.benefitStandard?.tiers?.some((t) => t.upTo)) words.add('最高');
  if (item.materials.some((m) => m.originals)) words.add('原件');
  if (item.materials.some((m) => m.copies)) words.add('复印件');
  if ((item.specialProcedures ?? []).some((p) => p.countsInLimit !== undefined))
    for (const w of ['计入办结时限', '不计入办结时限']) words.add(w);
  return [...words];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? `&${e};`),
  );

/** Every text a reader sees: the text nodes of the HTML and of the inline SVG, and the page headers' CSS text. */
function printedTexts(html: string): { text: string; inSvg: boolean }[] {
  const headers = [...html.matchAll(/content:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => ({
    text: m[1]!.replace(/\\([0-9a-f]+) ?/gi, (_x, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
    inSvg: false,
  }));
  const body = html.slice(html.indexOf('<body'));
  const nodes: { text: string; inSvg: boolean }[] = [];
  let depth = 0;
  for (const part of body.split(/(<[^>]+>)/)) {
    if (part.startsWith('<svg')) depth++;
    else if (part.startsWith('</svg')) depth--;
    else if (!part.startsWith('<') && part.trim())
      nodes.push({ text: decode(part).trim(), inSvg: depth > 0 });
  }
  return [...headers, ...nodes].filter((n) => n.text);
}

/** The pieces of a printed text left once every label and every fixture value in it is taken out. */
function leftovers(text: string, known: readonly string[]): string[] {
  let rest = text.replace(/^[一二三四五六七八九十]+、/, '').replace(/^\d+\.\s/, '');
  for (const word of known) rest = rest.split(word).join(' ');
  return rest.split(/[\s\p{P}]+/u).filter(Boolean);
}
const residue = (text: string, known: readonly string[]) => leftovers(text, known).join('');

/** The printed texts of a guide that neither a label nor a value of `item` accounts for. */
function untraced(html: string, item: Item): { text: string; inSvg: boolean }[] {
  const fixtureTexts = vocabulary(item);
  const known = [...new Set([...LABELS, ...fixtureTexts])].sort((a, b) => b.length - a.length);
  const rowCount = Math.max(item.materials.length, (item.process ?? []).length);
  return printedTexts(html).filter(({ text, inSvg }) => {
    // A table's row number.
    if (/^\d+$/.test(text) && Number(text) <= rowCount) return false;
    if (inSvg && CONNECTOR.test(text)) return false;
    const pieces = leftovers(text, known);
    // The flowchart wraps long texts over lines: what a line cuts off is a piece of a text the fixture holds.
    return !(pieces.length === 0 || (inSvg && pieces.every((p) => fixtureTexts.some((t) => t.includes(p)))));
  });
}

describe.each(Object.keys(MUST_APPEAR))('real guide %s', (id) => {
  const item = fixture(id);
  let html: string;
  beforeAll(async () => {
    html = await renderGuide(item);
  });

  it('is a valid item of the model (warnings allowed)', () => {
    expect(validateItem(item).errors).toEqual([]);
  });

  it('shows every element its source states', () => {
    const shown = printedTexts(html)
      .map((n) => n.text)
      .join('\n');
    expect(MUST_APPEAR[id]!.filter((text) => !shown.includes(text))).toEqual([]);
  });

  it('prints no value the fixture does not hold, headings and labels aside', () => {
    expect(untraced(html, item)).toEqual([]);
  });
});

describe('the traceability check itself', () => {
  it('catches an invented phone number, visits count or fee', async () => {
    const item = fixture('S11');
    const known = [...new Set([...LABELS, ...vocabulary(item)])].sort((a, b) => b.length - a.length);
    for (const invented of ['0566-8063802', '1 次', '不收费', '第 1 版', '0773-8865553'])
      expect(residue(invented, known)).not.toBe('');
    const guide = await renderGuide({ ...item, visits: 1, fees: { charged: false } });
    const stray = printedTexts(guide).filter(({ text }) => residue(text, known) !== '');
    expect(stray.map((s) => s.text)).toEqual(expect.arrayContaining(['1 次', '不收费']));
  });

  it('reads a chart split over pages (connectors, 续 headings, route headings) as labels, and still catches a stray value in it', async () => {
    const s11 = fixture('S11');
    // S11's eight steps three times over, as one route, each with S11's place as its post and its condition as
    // its description (texts the fixture holds): tall enough to go on over pages.
    const ids = [0, 1, 2].flatMap((round) => s11.process!.map((step) => `${step.id}-${round}`));
    const process = [0, 1, 2].flatMap((round) =>
      s11.process!.map((step, i) => {
        const id = ids[round * s11.process!.length + i]!;
        const next = ids[ids.indexOf(id) + 1];
        const [condition] = s11.acceptanceConditions!;
        return {
          id,
          name: step.name,
          post: s11.place,
          description: condition,
          ...(next ? { next: [next] } : {}),
        };
      }),
    );
    const tall: Item = {
      ...s11,
      process,
      processRoutes: [{ id: 'general', name: '一般程序', steps: [ids[0]!, ...ids.slice(1)] }],
    };
    const html = await renderGuide(tall);
    const svgTexts = printedTexts(html)
      .filter((n) => n.inSvg)
      .map((n) => n.text);
    expect(svgTexts).toEqual(expect.arrayContaining(['转 A', '接 A']));
    expect(svgTexts).toContainEqual(expect.stringContaining('（一般程序，续）'));
    expect(untraced(html, tall)).toEqual([]);
    const strayed: Item = {
      ...tall,
      process: process.map((step, i) => (i === 20 ? { ...step, post: '城关镇民政办' } : step)),
    };
    expect(
      untraced(await renderGuide(strayed), tall)
        .map((u) => u.text)
        .join(''),
    ).toContain('城关镇');
  });
});
