import type { ResolvedItem } from '@oneseal/schemas';
import {
  checkItem,
  createAjv,
  formFieldEntries,
  metrics,
  SCHEMA_IDS,
  validateBundle,
  validateDocument,
  validateItem,
} from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '../index';

const seeds = loadSeedCatalogue();
const baseByCode = new Map(seeds.baseItems.map((b) => [b.code, b]));
const materialCodes = new Set(seeds.materials.map((m) => m.code));
const dataElements = new Map(seeds.dataElements.map((d) => [d.code, d]));
const YANGSHUO = '450321100';
const DAXU = '450323101';

describe('regions', () => {
  const validateRegion = createAjv().getSchema(SCHEMA_IDS.region)!;

  it('hold Guilin, its 17 county-level and 148 township-level divisions, each valid', () => {
    const count = (level: string) => seeds.regions.filter((r) => r.level === level).length;
    expect([count('city'), count('county'), count('township')]).toEqual([1, 17, 148]);
    const invalid = seeds.regions.filter((r) => !validateRegion(r));
    expect(invalid).toEqual([]);
  });

  it('link every township to a county of Guilin', () => {
    const counties = new Set(seeds.regions.filter((r) => r.level === 'county').map((r) => r.code));
    expect(seeds.regions.filter((r) => r.level === 'township' && !counties.has(r.parentCode!))).toEqual([]);
  });
});

describe('libraries', () => {
  it('hold at least 20 valid data elements with unique codes', () => {
    expect(seeds.dataElements.length).toBeGreaterThanOrEqual(20);
    expect(dataElements.size).toBe(seeds.dataElements.length);
    expect(seeds.dataElements.map((d) => [d.code, validateDocument(d).errors])).toEqual(
      seeds.dataElements.map((d) => [d.code, []]),
    );
  });

  it('hold valid materials with unique codes', () => {
    expect(materialCodes.size).toBe(seeds.materials.length);
    expect(seeds.materials.map((m) => [m.code, validateDocument(m).errors])).toEqual(
      seeds.materials.map((m) => [m.code, []]),
    );
  });
});

describe('base catalogue', () => {
  it('holds at least 40 items with unique codes', () => {
    expect(seeds.baseItems.length).toBeGreaterThanOrEqual(40);
    expect(baseByCode.size).toBe(seeds.baseItems.length);
  });

  it.each(seeds.baseItems.map((b) => [b.code, b.name, b] as const))(
    '%s %s is valid and uses only library entries',
    (_code, _name, base) => {
      expect(validateItem(base).errors).toEqual([]);
      expect(base.materials.filter((m) => !materialCodes.has(m.material)).map((m) => m.material)).toEqual([]);
      const fields = base.form ? formFieldEntries(base.form) : [];
      const unknownElements = fields
        .map((f) => f.field['x-data-element'])
        .filter((code) => code !== undefined && !dataElements.has(code));
      expect(unknownElements).toEqual([]);
      // A bound field is asked once across items, so it must keep its data element's type and format.
      const mismatched = fields.filter(({ field }) => {
        const element = field['x-data-element'] && dataElements.get(field['x-data-element']);
        return element && (element.type !== field.type || element.format !== field.format);
      });
      expect(mismatched.map((f) => f.path)).toEqual([]);
    },
  );
});

describe('pilot implementation lists', () => {
  const counties = seeds.regions.filter((r) => r.level === 'county');
  const townshipOf = (impl: { regionCode: string }) => seeds.regions.find((r) => r.code === impl.regionCode);

  it('cover one pilot township in each of the 17 counties, 阳朔镇 and 大圩镇 among them', () => {
    const pilots = new Set(seeds.implementations.map((i) => i.regionCode));
    expect(pilots.has(YANGSHUO) && pilots.has(DAXU)).toBe(true);
    const countiesCovered = new Set(
      [...pilots].map((code) => seeds.regions.find((r) => r.code === code)?.parentCode),
    );
    expect(counties.filter((c) => !countiesCovered.has(c.code)).map((c) => c.name)).toEqual([]);
    expect(pilots.size).toBe(17);
  });

  it('are all published, every entry valid against its schema', () => {
    const key = (i: { regionCode: string; baseCode: string }) => `${i.regionCode}/${i.baseCode}`;
    expect(seeds.implementations.filter((i) => i.status !== 'published').map(key)).toEqual([]);
    const invalid = seeds.implementations
      .map((i) => [key(i), validateItem(i).errors] as const)
      .filter(([, errors]) => errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('have no checkItem errors (warnings are allowed)', () => {
    const errors = seeds.implementations.flatMap((impl) =>
      checkItem(impl, baseByCode.get(impl.baseCode)!)
        .filter((f) => f.severity === 'error')
        .map((f) => `${townshipOf(impl)?.name} ${impl.baseCode} ${f.rule} ${f.path} ${f.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('give 阳朔镇 at least 30 items, 农村村民宅基地和建房审批 among them', () => {
    const yangshuo = seeds.implementations.filter((i) => i.regionCode === YANGSHUO);
    expect(yangshuo.length).toBeGreaterThanOrEqual(30);
    expect(yangshuo.map((i) => baseByCode.get(i.baseCode)?.name)).toContain(
      '农村村民宅基地和建房（规划许可）审批',
    );
  });

  it('list each base item at most once per township', () => {
    const keys = seeds.implementations.map((i) => `${i.regionCode}/${i.baseCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('hold no value the README admits was invented: no credit codes, phone numbers or deep links (issue 12)', () => {
    const text = JSON.stringify(seeds.implementations);
    expect(seeds.implementations.filter((i) => i.implementingBody?.uscc || i.implementationCode)).toEqual([]);
    expect(text.match(/0773-?\d{7,8}/g)).toBeNull();
    expect(seeds.implementations.flatMap((i) => i.contacts ?? []).filter((c) => c.phone)).toEqual([]);
    expect(seeds.implementations.filter((i) => i.online?.url)).toEqual([]);
  });
});

describe('resolved items and metrics', () => {
  let items: ResolvedItem[];
  beforeAll(() => {
    items = resolveSeedItems(seeds);
  });

  it('resolve to valid items', () => {
    const invalid = items
      .map((i) => [`${i.regionCode}/${i.code}`, validateItem(i).errors] as const)
      .filter(([, errors]) => errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('differ between townships, and some township misses a reform target while another meets them all', () => {
    const perTownship = metrics(items);
    expect(perTownship).toHaveLength(17);
    const shapes = new Set(
      perTownship.map((m) => `${m.itemCount}/${m.atMostOneVisit.share}/${m.online.share}/${m.inHall.share}`),
    );
    expect(shapes.size).toBeGreaterThan(10);
    expect(perTownship.some((m) => !m.allTargetsMet)).toBe(true);
    expect(perTownship.some((m) => m.allTargetsMet)).toBe(true);
  });
});

describe('一件事 bundles', () => {
  it('hold at least two valid bundles whose items are all in the base catalogue', () => {
    expect(seeds.bundles.length).toBeGreaterThanOrEqual(2);
    for (const bundle of seeds.bundles) {
      expect(validateBundle(bundle).errors).toEqual([]);
      expect(bundle.items.filter((i) => !baseByCode.has(i.itemCode)).map((i) => i.itemCode)).toEqual([]);
      expect(
        (bundle.materialRules ?? []).filter((r) => !materialCodes.has(r.material)).map((r) => r.material),
      ).toEqual([]);
    }
  });
});
