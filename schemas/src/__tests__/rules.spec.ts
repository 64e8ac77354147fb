import type { BaseItem, ItemImplementation } from '../index';
import { checkItem, RULES, validateItem } from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

type Mutation = (impl: ItemImplementation, base: BaseItem) => void;

const FEE = { name: '工本费', standard: '10元/件', basis: '桂价费〔2010〕1号' };

/** For every rule: how to break it, starting from the conformant fixture. The rule must then fire at `path`. */
const BREAKS: Record<string, { path: string; break: Mutation }> = {
  'conformance.base-code': { path: '/baseCode', break: (impl) => void (impl.baseCode = '0117399000') },
  'conformance.base-active': { path: '/baseCode', break: (_impl, base) => void (base.status = 'cancelled') },
  'conformance.same-type': { path: '/type', break: (impl) => void (impl.type = '20') },
  'conformance.same-legal-basis': {
    path: '/legalBasis',
    break: (impl) =>
      void (impl.legalBasis = [{ law: '《村庄和集镇规划建设管理条例》', article: '第三十三条' }]),
  },
  'conformance.promised-within-statutory': {
    path: '/promisedLimit',
    // 30 natural days are about 21.4 working days: more than the statutory 20 working days.
    break: (impl) => void (impl.promisedLimit = { value: 30, unit: 'day' }),
  },
  'conformance.materials-subset': {
    path: '/materials/2/material',
    break: (impl) => void impl.materials.push({ material: 'HUKOU' }),
  },
  'conformance.materials-not-stricter': {
    path: '/materials/1/necessity',
    break: (impl, base) => {
      base.materials[1]!.necessity = '2';
      impl.materials[1]!.necessity = '1';
    },
  },
  'conformance.visits-within-base': { path: '/visits', break: (impl) => void (impl.visits = 3) },
  'conformance.fees-within-base': {
    path: '/fees/charged',
    break: (impl) => void (impl.fees = { charged: true, items: [FEE] }),
  },
  'quality.immediate-case-limit': {
    path: '/promisedLimit',
    break: (impl) => void (impl.caseType = '1'),
  },
  'quality.zero-limit-is-immediate': {
    path: '/caseType',
    break: (impl) => void (impl.promisedLimit = { none: 'immediate' }),
  },
  'quality.full-online-zero-visits': { path: '/visits', break: (impl) => void (impl.online!.depth = '4') },
  'quality.zero-visits-channel': {
    path: '/handlingForms',
    break: (impl) => {
      impl.visits = 0;
      impl.online = { available: false };
    },
  },
  'quality.visit-reason': { path: '/visitReason', break: (impl) => void delete impl.visitReason },
  'quality.online-address': { path: '/online/url', break: (impl) => void delete impl.online!.url },
  'quality.fee-items-uncharged': {
    path: '/fees/items',
    break: (impl) => void (impl.fees = { charged: false, items: [FEE] }),
  },
  'quality.fee-basis': {
    path: '/base/fees/items/0/basis',
    break: (_impl, base) =>
      void (base.fees = { charged: true, items: [{ name: '工本费', standard: '10元/件' }] }),
  },
  'quality.fee-online-payment': {
    path: '/onlinePayment',
    break: (_impl, base) => void (base.fees = { charged: true, items: [FEE] }),
  },
  'quality.contacts-differ': {
    path: '/contacts/1/phone',
    break: (impl) => void (impl.contacts![1]!.phone = '(0773)8822001'),
  },
  'quality.licence-steps': { path: '/base/process', break: (_impl, base) => void base.process!.splice(3, 1) },
  'quality.licence-faq': { path: '/faq', break: (_impl, base) => void (base.faq = []) },
  'quality.result-sample': {
    path: '/base/result/sample',
    break: (_impl, base) => void delete base.result!.sample,
  },
  'quality.no-catch-all-condition': {
    path: '/base/acceptanceConditions/1',
    break: (_impl, base) => void base.acceptanceConditions!.push('法律法规规定的其他条件'),
  },
  'quality.in-hall': { path: '/inHall', break: (impl) => void (impl.inHall = false) },
  'quality.promise-shortened': {
    path: '/promisedLimit',
    break: (impl) => void (impl.promisedLimit = { value: 20, unit: 'workday' }),
  },
  'quality.proxy-contact': {
    path: '/proxy/contact',
    break: (impl) => void (impl.proxy = { available: true, atVillage: true }),
  },
};

describe('checkItem', () => {
  it('finds nothing in a conformant implementation of a well-kept base item', () => {
    expect(validateItem(licenceBase()).errors).toEqual([]);
    expect(validateItem(licenceImplementation()).errors).toEqual([]);
    expect(checkItem(licenceImplementation(), licenceBase())).toEqual([]);
  });

  it('has a breaking example for every rule, and every rule has a stable unique id', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(BREAKS).sort()).toEqual([...ids].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s fires where it is broken, with a zh message',
    (id, rule) => {
      const impl = licenceImplementation();
      const base = licenceBase();
      BREAKS[id]!.break(impl, base);
      const findings = checkItem(impl, base).filter((f) => f.rule === id);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ rule: id, severity: rule.severity, path: BREAKS[id]!.path });
      expect(findings[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    },
  );

  it('lets an implementation tighten its base item: fewer materials, lighter requirements, fewer visits', () => {
    const impl = licenceImplementation();
    impl.materials = [{ material: 'ID-CARD', form: '1', copies: 0, necessity: '4' }];
    impl.visits = 0;
    impl.online = { available: true, url: 'https://zwfw.gxzf.gov.cn/', depth: '4' };
    delete impl.visitReason;
    impl.promisedLimit = { value: 3, unit: 'workday' };
    expect(checkItem(impl, licenceBase())).toEqual([]);
  });

  it('fires no rule for what is left unstated, whatever the visits (issue 12)', () => {
    const base = licenceBase();
    const impl = licenceImplementation();
    for (const key of [
      'visits',
      'visitReason',
      'online',
      'handlingForms',
      'contacts',
      'promisedLimit',
      'caseType',
      'inHall',
    ] as const)
      delete impl[key];
    for (const key of ['statutoryLimit', 'result', 'fees', 'maxVisits'] as const) delete base[key];
    expect(checkItem(impl, base)).toEqual([]);
    // One visit without a reason asks for it, but only as a warning: the editor is never forced to invent one.
    impl.visits = 1;
    expect(checkItem(impl, base).map((f) => [f.rule, f.severity])).toEqual([
      ['quality.visit-reason', 'warning'],
    ]);
    // Zero visits with forms and online unstated is no contradiction either.
    impl.visits = 0;
    expect(checkItem(impl, base)).toEqual([]);
  });

  it('blocks only what is wrong or contradictory; what is merely missing is a warning', () => {
    const errors = RULES.filter((r) => r.severity === 'error').map((r) => r.id);
    expect(errors.sort()).toEqual(
      [
        'conformance.base-active',
        'conformance.base-code',
        'conformance.fees-within-base',
        'conformance.materials-not-stricter',
        'conformance.materials-subset',
        'conformance.promised-within-statutory',
        'conformance.same-legal-basis',
        'conformance.same-type',
        'conformance.visits-within-base',
        'quality.fee-items-uncharged',
        'quality.full-online-zero-visits',
        'quality.immediate-case-limit',
        'quality.zero-visits-channel',
      ].sort(),
    );
  });

  it('compares limits in working days across units', () => {
    const impl = licenceImplementation();
    impl.promisedLimit = { value: 28, unit: 'day' }; // 20 working days: equal to the statutory limit, allowed
    expect(checkItem(impl, licenceBase()).map((f) => f.rule)).not.toContain(
      'conformance.promised-within-statutory',
    );
  });

  it('flags a promise in months only when it is certainly longer than the statutory limit', () => {
    const rules = (
      promisedLimit: ItemImplementation['promisedLimit'],
      statutoryLimit: BaseItem['statutoryLimit'],
    ) => {
      const impl = licenceImplementation();
      const base = licenceBase();
      impl.promisedLimit = promisedLimit;
      base.statutoryLimit = statutoryLimit;
      return checkItem(impl, base).map((f) => f.rule);
    };
    const rule = 'conformance.promised-within-statutory';
    // A month is 20 to 22.1 working days: within 22 working days it may be either, so it is not an error.
    expect(rules({ value: 1, unit: 'month' }, { value: 22, unit: 'workday' })).not.toContain(rule);
    expect(rules({ value: 1, unit: 'month' }, { value: 19, unit: 'workday' })).toContain(rule);
    expect(rules({ value: 2, unit: 'month' }, { value: 1, unit: 'month' })).toContain(rule);
    expect(rules({ none: 'immediate' }, { value: 1, unit: 'year' })).not.toContain(rule);
    // 法律未规定 and a limit only in words state no span to compare.
    expect(rules({ value: 90, unit: 'workday' }, { none: 'not-prescribed' })).not.toContain(rule);
    expect(rules({ value: 90, unit: 'workday' }, { note: '户籍人口及时办理' })).not.toContain(rule);
  });
});
