import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseItem, ItemImplementation, Material } from '../index';
import { summarizeChanges } from '../index';

// Real seed data: 阳朔镇's 农村村民宅基地和建房（规划许可）审批 (promised in 9 working days, seven materials) and its base item.
const SEEDS = join(__dirname, '..', '..', '..', 'seeds', 'data');
const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(SEEDS, ...parts), 'utf8')) as T;
const yangshuo = () =>
  readJson<ItemImplementation[]>('implementations', '450321100.json').find(
    (i) => i.baseCode === '0117302000',
  )!;
const homesteadBase = () => readJson<BaseItem>('base-items', '0117302000.json');
const library = new Map(
  readJson<Material[]>('materials', 'common.json')
    .concat(readJson<Material[]>('materials', 'land-agri.json'))
    .map((m) => [m.code, m.name]),
);
const materialName = (code: string) => library.get(code);
const texts = (before: ItemImplementation | BaseItem, after: ItemImplementation | BaseItem) =>
  summarizeChanges(before, after, { materialName }).map((line) => line.text);

describe('summarizeChanges', () => {
  it('says nothing about an unchanged item or about the server-owned lifecycle', () => {
    const before = yangshuo();
    const after = { ...yangshuo(), version: 2, status: 'draft' as const, effectiveDate: '2026-01-01' };
    expect(summarizeChanges(before, yangshuo())).toEqual([]);
    expect(summarizeChanges(before, after)).toEqual([]);
  });

  it('states a shorter promised limit with its unit', () => {
    const after = { ...yangshuo(), promisedLimit: { value: 7, unit: 'workday' as const } };
    expect(summarizeChanges(yangshuo(), after)).toEqual([
      {
        label: '承诺办结时限',
        change: 'changed',
        before: '9 个工作日',
        after: '7 个工作日',
        text: '承诺办结时限：9 个工作日 → 7 个工作日',
      },
    ]);
  });

  it('names added and removed materials by name, whatever their position, and a changed count in 份', () => {
    const before = yangshuo();
    const kept = before.materials.filter((m) => m.material !== 'HUKOU');
    // 委托书 moves to the front: its position is no change; 居民户口簿 goes; 居民身份证 now asks for 2 copies.
    const after: ItemImplementation = {
      ...before,
      materials: [
        { material: 'AGENT-AUTH' },
        ...kept.map((m) => (m.material === 'ID-CARD' ? { ...m, copies: 2 } : m)).reverse(),
      ],
    };
    expect(texts(before, after)).toEqual([
      `新增申请材料：${library.get('AGENT-AUTH')}`,
      '删除申请材料：居民户口簿',
      '申请材料“居民身份证”复印件：（未载明） → 2 份',
    ]);
  });

  it('labels visits in 次, booleans as 是/否, codes by their label and nested elements by both titles', () => {
    const before = yangshuo();
    const after: ItemImplementation = {
      ...before,
      visits: 1,
      appointment: true,
      online: { available: true, depth: '3' },
      handlingForms: ['1', '2', '3'],
    };
    // In the schema's order of elements.
    expect(texts(before, after)).toEqual([
      '删除办理形式：快递申请',
      '到办事现场次数：0 次 → 1 次',
      '网上办理·网办深度：Ⅳ级（全程网办） → Ⅲ级（网上受理、办理、结果反馈）',
      '预约办理：否 → 是',
    ]);
  });

  it('states fees from 不收费 to each item charged', () => {
    const before: ItemImplementation = { ...yangshuo(), fees: { charged: false } };
    const after: ItemImplementation = {
      ...before,
      fees: { charged: true, items: [{ name: '不动产登记费', standard: '每件 80 元' }] },
    };
    expect(texts(before, after)).toEqual(['收费：不收费 → 收费：不动产登记费（每件 80 元）']);
  });

  it('summarises a base item: benefit tiers in 元, steps by name, materials by their own name', () => {
    const base = homesteadBase();
    const funeral = readJson<{ benefitStandard: BaseItem['benefitStandard'] }>('real-guides', 'S17.json');
    const withTiers: BaseItem = { ...base, benefitStandard: funeral.benefitStandard };
    const tiers = funeral.benefitStandard!.tiers!;
    const after: BaseItem = {
      ...withTiers,
      benefitStandard: {
        ...withTiers.benefitStandard,
        tiers: tiers.map((t) => (t.name === '火化费' ? { ...t, amount: 300 } : t)),
      },
      materials: base.materials.filter((m) => m.material !== 'ID-CARD'),
      process: base.process!.map((step, i) => (i === 0 ? { ...step, post: '综合受理窗口' } : step)),
    };
    const firstStep = base.process![0]!;
    expect(texts(withTiers, after)).toEqual([
      '删除申请材料：申请户主居民身份证',
      `办理流程“${firstStep.name}”岗位：${firstStep.post ?? '（未载明）'} → 综合受理窗口`,
      '给付标准·分档标准“火化费”：火化费 240 元（最高） → 火化费 300 元（最高）',
    ]);
  });

  it('never prints a schema key or a JSON path', () => {
    const before = yangshuo();
    const after: ItemImplementation = {
      ...before,
      promisedLimit: { value: 5, unit: 'day', note: '自受理之日起计算' },
      contacts: [{ kind: 'consult', phone: '0773-8822345' }],
      place: '阳朔镇政务服务中心',
      materials: before.materials.slice(1),
    };
    for (const text of texts(before, after)) {
      expect(text).not.toMatch(/[A-Za-z]{3,}|\/\w/);
      expect(text).toMatch(/^[^：]+：/);
    }
  });
});
