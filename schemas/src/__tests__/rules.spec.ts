import type { BaseItem, ItemImplementation } from '../index';
import { checkItem, RULES, validateItem } from '../index';
import { licenceBase, licenceImplementation } from './fixtures';

type Mutation = (impl: ItemImplementation, base: BaseItem) => void;

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
    break: (impl) =>
      void (impl.fees = {
        charged: true,
        items: [{ name: '工本费', standard: '10元/件', basis: '桂价费〔2010〕1号' }],
      }),
  },
  'quality.immediate-case-limit': {
    path: '/promisedLimit/value',
    break: (impl) => void (impl.caseType = '1'),
  },
  'quality.zero-limit-is-immediate': {
    path: '/caseType',
    break: (impl) => void (impl.promisedLimit = { value: 0, unit: 'workday' }),
  },
  'quality.full-online-zero-visits': { path: '/visits', break: (impl) => void (impl.online.depth = '4') },
  'quality.zero-visits-channel': {
    path: '/handlingForms',
    break: (impl) => {
      impl.visits = 0;
      impl.online = { available: false };
    },
  },
  'quality.visit-reason': { path: '/visitReason', break: (impl) => void delete impl.visitReason },
  'quality.online-address': { path: '/online/url', break: (impl) => void delete impl.online.url },
  'quality.fee-basis': {
    path: '/base/fees/items/0/basis',
    break: (_impl, base) =>
      void (base.fees = { charged: true, items: [{ name: '工本费', standard: '10元/件' }] }),
  },
  'quality.fee-online-payment': {
    path: '/onlinePayment',
    break: (_impl, base) =>
      void (base.fees = {
        charged: true,
        items: [{ name: '工本费', standard: '10元/件', basis: '桂价费〔2010〕1号' }],
      }),
  },
  'quality.contacts-differ': {
    path: '/contacts/complaintPhone',
    break: (impl) => void (impl.contacts.complaintPhone = '(0773)8822001'),
  },
  'quality.contacts-area-code': {
    path: '/contacts/consultPhone',
    break: (impl) => void (impl.contacts.consultPhone = '13907731234'),
  },
  'quality.licence-steps': { path: '/base/process', break: (_impl, base) => void base.process.splice(3, 1) },
  'quality.licence-faq': { path: '/faq', break: (_impl, base) => void (base.faq = []) },
  'quality.result-sample': {
    path: '/base/result/sample',
    break: (_impl, base) => void delete base.result.sample,
  },
  'quality.no-catch-all-condition': {
    path: '/base/acceptanceConditions/1',
    break: (_impl, base) => void base.acceptanceConditions.push('法律法规规定的其他条件'),
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

  it('compares limits in working days across units', () => {
    const impl = licenceImplementation();
    impl.promisedLimit = { value: 28, unit: 'day' }; // 20 working days: equal to the statutory limit, allowed
    expect(checkItem(impl, licenceBase()).map((f) => f.rule)).not.toContain(
      'conformance.promised-within-statutory',
    );
  });
});
