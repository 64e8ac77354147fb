import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseItem, Item } from '../index';
import {
  assessCompleteness,
  codeLabel,
  codeOptions,
  diffDocuments,
  evaluateCondition,
  metrics,
  aggregateMetrics,
  addTotals,
  itemTotals,
  metricsFromTotals,
  NO_TOTALS,
  resolveItem,
  ResolutionError,
  serviceTags,
  validateItem,
} from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

// The generator is a plain script (it runs before tsc, and prettier inside it needs real dynamic import, which
// jest's sandbox lacks), so the freshness check runs it as a child process.
const generator = join(__dirname, '..', '..', 'scripts', 'generate-types.js');
const check = (dir: string) =>
  spawnSync(process.execPath, [generator, '--check', '--dir', dir], { encoding: 'utf8' });

describe('generated types', () => {
  it('are what the schemas generate today (run `npm run build` after editing a schema)', () => {
    const result = check(join(__dirname, '..', 'generated'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported stale when they differ from the schemas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oneseal-types-'));
    for (const file of ['types.ts', 'codeLists.ts'])
      copyFileSync(join(__dirname, '..', 'generated', file), join(dir, file));
    writeFileSync(
      join(dir, 'types.ts'),
      readFileSync(join(dir, 'types.ts'), 'utf8').replace("'01' | '02'", "'01'"),
    );
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('types.ts');
  });
});

describe('code lists', () => {
  it('carry their zh labels in schema order', () => {
    expect(codeLabel('ItemType', '01')).toBe('行政许可');
    expect(codeLabel('MaterialNecessity', '3')).toBe('容缺后补');
    expect(codeLabel('ItemType', '99')).toBeUndefined();
    expect(codeOptions('CaseType').map((o) => o.label)).toEqual(['即办件', '承诺件', '上报件', '联办件']);
  });
});

const names: Record<string, string> = {
  'ID-CARD': '居民身份证',
  'SITE-PLAN': '建设项目用地位置图和总平面图',
};
const options = { regionName: '阳朔镇', materialName: (code: string) => names[code] };

describe('resolveItem', () => {
  it('merges catalogue and local elements into a valid item, with the township’s version and selection', () => {
    const item = resolveItem(licenceBase(), licenceImplementation(), options);
    expect(validateItem(item).errors).toEqual([]);
    expect(item).toMatchObject({
      kind: 'item',
      name: licenceBase().name,
      regionCode: '450321100',
      regionName: '阳朔镇',
      version: 1,
      baseVersion: 3,
    });
    expect(item.statutoryLimit).toEqual({ value: 20, unit: 'workday' });
    expect(item.promisedLimit).toEqual({ value: 10, unit: 'workday' });
    expect(item.materials.map((m) => [m.name, m.necessity])).toEqual([
      ['申请人居民身份证', '1'],
      ['建设项目用地位置图和总平面图', '3'],
    ]);
  });

  it('keeps base FAQ and adds local ones; local fees replace the standard ones', () => {
    const impl = licenceImplementation();
    impl.faq = [{ question: '可以预约吗？', answer: '可以，拨打咨询电话预约。' }];
    impl.fees = { charged: false, items: [] };
    const item = resolveItem(licenceBase(), impl, options);
    expect(item.faq!.map((f) => f.question)).toEqual(['临时建筑可以使用多久？', '可以预约吗？']);
    expect(item.fees).toBe(impl.fees);
  });

  it('leaves out what neither level states, rather than defaulting it', () => {
    const base: BaseItem = licenceBase();
    delete base.statutoryLimit;
    delete base.result;
    base.faq = [];
    delete base.fees;
    const impl = licenceImplementation();
    delete impl.promisedLimit;
    delete impl.visits;
    delete impl.contacts;
    const item = resolveItem(base, impl, options);
    expect(validateItem(item).errors).toEqual([]);
    for (const key of ['statutoryLimit', 'promisedLimit', 'result', 'visits', 'contacts', 'fees', 'faq'])
      expect(item).not.toHaveProperty(key);
  });

  it('carries the process routes and arrow labels of the base item', () => {
    const base = licenceBase();
    base.process![0]!.nextLabel = '材料齐全并符合法定形式';
    base.processRoutes = [{ id: 'general', name: '一般程序', steps: ['accept', 'review'] }];
    const item = resolveItem(base, licenceImplementation(), options);
    expect(item.processRoutes).toEqual(base.processRoutes);
    expect(item.process![0]!.nextLabel).toBe('材料齐全并符合法定形式');
    expect(validateItem(item).errors).toEqual([]);
  });

  it('refuses a material the base item does not list', () => {
    const impl = licenceImplementation();
    impl.materials.push({ material: 'HUKOU' });
    expect(() => resolveItem(licenceBase(), impl, options)).toThrow(ResolutionError);
  });
});

describe('conditions', () => {
  const values = {
    buildType: 'rebuild',
    floors: 3,
    owner: { hasHouse: true },
    reasons: ['illness', 'disaster'],
  };

  it('compare fields, nested paths and multiple answers', () => {
    expect(evaluateCondition({ field: 'buildType', op: 'in', value: ['rebuild', 'extend'] }, values)).toBe(
      true,
    );
    expect(evaluateCondition({ field: 'floors', op: 'gt', value: 3 }, values)).toBe(false);
    expect(evaluateCondition({ field: 'owner.hasHouse', op: 'eq', value: true }, values)).toBe(true);
    expect(evaluateCondition({ field: 'reasons', op: 'eq', value: 'illness' }, values)).toBe(true);
    expect(evaluateCondition({ field: 'missing', op: 'empty' }, values)).toBe(true);
    expect(evaluateCondition({ field: 'floors', op: 'gt', value: '2' }, values)).toBe(false);
  });

  it('combine with all, any and not', () => {
    const rebuild = { field: 'buildType', op: 'eq', value: 'rebuild' } as const;
    const tall = { field: 'floors', op: 'gte', value: 4 } as const;
    expect(evaluateCondition({ all: [rebuild, tall] }, values)).toBe(false);
    expect(evaluateCondition({ any: [rebuild, tall] }, values)).toBe(true);
    expect(evaluateCondition({ not: tall }, values)).toBe(true);
  });

  it('never reads inherited properties such as __proto__ or constructor', () => {
    expect(evaluateCondition({ field: 'constructor', op: 'notEmpty' }, values)).toBe(false);
  });
});

function item(regionCode: string, local: Partial<Item>): Item {
  const base = resolveItem(licenceBase(), { ...licenceImplementation(), regionCode }, options);
  return { ...base, regionName: regionCode, ...local };
}

describe('metrics and tags', () => {
  // Township A: 10 items, all in the hall, 9 with ≤ 1 visit, 8 online. Township B: 2 items, one not in the hall.
  const a = Array.from({ length: 10 }, (_, i) =>
    item('450321100', {
      visits: i === 0 ? 2 : 1,
      online:
        i < 8 ? { available: true, url: 'https://zwfw.gxzf.gov.cn/', depth: '3' } : { available: false },
      promisedLimit: { value: 5, unit: 'workday' },
    }),
  );
  const b = [
    item('450323101', { inHall: false }),
    item('450323101', { visits: 0, online: { available: true, depth: '1' } }),
  ];

  it('measure each township against the reform targets', () => {
    const [ma, mb] = metrics([...b, ...a]);
    expect(ma).toMatchObject({ regionCode: '450321100', itemCount: 10, allTargetsMet: true });
    expect(ma!.atMostOneVisit).toEqual({ count: 9, share: 0.9, target: 0.9, met: true });
    expect(ma!.online).toEqual({ count: 8, share: 0.8, target: 0.8, met: true });
    expect(ma!.meanPromisedRatio).toBeCloseTo(5 / 20);
    expect(ma!.meanMaterials).toBe(2);
    expect(mb).toMatchObject({ regionCode: '450323101', itemCount: 2, allTargetsMet: false });
    expect(mb!.inHall).toEqual({ count: 1, share: 0.5, target: 1, met: false });
    // Depth Ⅰ (consultation only) is not 网上可办.
    expect(mb!.online.count).toBe(1);
  });

  it('roll several townships up as one region', () => {
    const county = aggregateMetrics([...a, ...b], { code: '450300', name: '桂林市' });
    expect(county.itemCount).toBe(12);
    expect(county.inHall.count).toBe(11);
  });

  it('add up: a region’s figures are the sum of its townships’ totals, exactly', () => {
    const sum = (items: Item[]) => items.map(itemTotals).reduce(addTotals, NO_TOTALS);
    const region = { code: '450300', name: '桂林市' };
    expect(metricsFromTotals(addTotals(sum(a), sum(b)), region)).toEqual(
      aggregateMetrics([...b, ...a], region),
    );
    // A ratio of 1/3 is kept in whole millionths, so sums never drift.
    const third = item('450321100', {
      promisedLimit: { value: 1, unit: 'workday' },
      statutoryLimit: { value: 3, unit: 'workday' },
    });
    expect(itemTotals(third).ratioSum).toBe(333_333);
  });

  it('are empty but defined for a township without items', () => {
    expect(aggregateMetrics([], { code: '450321100', name: '阳朔镇' })).toMatchObject({
      itemCount: 0,
      meanPromisedRatio: null,
      meanCompleteness: null,
      allTargetsMet: false,
    });
  });

  it('count what is unstated as not met, never as met, and leave unstated limits out of the ratio', () => {
    const unstated = item('450330102', { promisedLimit: { none: 'not-prescribed' } });
    delete unstated.visits;
    delete unstated.inHall;
    delete unstated.online;
    const [m] = metrics([unstated, item('450330102', {})]);
    expect(m!.atMostOneVisit.count).toBe(1);
    expect(m!.inHall.count).toBe(1);
    expect(m!.online.count).toBe(1);
    expect(m!.meanPromisedRatio).toBeCloseTo(10 / 20);
    expect(m!.promisedRatioCount).toBe(1);
    expect(m!.meanCompleteness).toBeGreaterThan(0);
    expect(m!.meanCompleteness).toBeLessThan(1);
    // Kept as totals a database can add up: no ratio counted, the score in whole millionths.
    expect(itemTotals(unstated)).toMatchObject({
      ratioSum: 0,
      ratioCount: 0,
      atMostOneVisit: 0,
      online: 0,
      inHall: 0,
      completenessSum: Math.round(assessCompleteness(unstated).score * 1e6),
    });
    const scores = [unstated, item('450330102', {})].map((i) => assessCompleteness(i).score);
    expect(m!.meanCompleteness).toBeCloseTo((scores[0]! + scores[1]!) / 2, 6);
  });

  it('earn service tags from the data', () => {
    expect(
      serviceTags({
        caseType: '1',
        visits: 0,
        online: { available: true, depth: '4' },
        nearby: { allVillages: true },
      }),
    ).toEqual(['马上办', '网上办', '就近办', '一次办']);
    expect(
      serviceTags({
        caseType: '2',
        visits: 2,
        online: { available: false },
        nearby: { allVillages: false, villages: [] },
      }),
    ).toEqual([]);
    // Unstated earns nothing: a tag is a promise to the public.
    expect(serviceTags({})).toEqual([]);
  });
});

describe('diffDocuments', () => {
  it('lists added, removed and changed fields by JSON Pointer', () => {
    const before = {
      name: '临时救助',
      promisedLimit: { value: 10, unit: 'workday' },
      faq: [{ q: 'a' }],
      place: '大厅',
    };
    const after = {
      name: '临时救助',
      promisedLimit: { value: 5, unit: 'workday' },
      faq: [{ q: 'a' }, { q: 'b' }],
      hours: '8:00',
    };
    expect(diffDocuments(before, after)).toEqual([
      { path: '/faq/1', op: 'added', after: { q: 'b' } },
      { path: '/hours', op: 'added', after: '8:00' },
      { path: '/place', op: 'removed', before: '大厅' },
      { path: '/promisedLimit/value', op: 'changed', before: 10, after: 5 },
    ]);
  });

  it('finds nothing between equal documents and escapes keys with slashes', () => {
    expect(diffDocuments({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffDocuments({ 'a/b': 1 }, { 'a/b': 2 })).toEqual([
      { path: '/a~1b', op: 'changed', before: 1, after: 2 },
    ]);
  });
});
