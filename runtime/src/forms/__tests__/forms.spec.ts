import type { Condition, DataElement, Item, ItemForm, Option } from '@oneseal/schemas';
import { createAjv, evaluateCondition, idCardCheckChar } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import { conditionSchema } from '../conditionSchema';
import { applyBundle } from '../bundle';
import { fanOut, mergeForms, sectionKey } from '../mergeForms';
import { deriveForm } from '../deriveForm';

const seeds = loadSeedCatalogue();
/** The validation of a form the test expects to be there (model v2 lets an item leave its form unstated). */
const validationOf = (form: ItemForm | undefined) => {
  if (!form) throw new Error('the item states no form');
  return deriveForm(form).validation;
};
const items = resolveSeedItems(seeds).filter((i) => i.regionCode === '450321100');
const byCode = (code: string) => items.find((i) => i.code === code)!;
const homestead = byCode('0117302000');
const ajv = createAjv();
const validId = (first17: string) => first17 + idCardCheckChar(first17);

describe('conditions decide the same on the server as in the browser', () => {
  const conditions: Condition[] = [
    { field: 'a', op: 'eq', value: 'x' },
    { field: 'a', op: 'ne', value: 'x' },
    { field: 'a', op: 'in', value: ['x', 'y'] },
    { field: 'a', op: 'notIn', value: ['x', 'y'] },
    { field: 'n', op: 'gt', value: 3 },
    { field: 'n', op: 'gte', value: 3 },
    { field: 'n', op: 'lt', value: 3 },
    { field: 'n', op: 'lte', value: 3 },
    { field: 'a', op: 'empty' },
    { field: 'a', op: 'notEmpty' },
    { field: 'o.b', op: 'eq', value: true },
    {
      all: [
        { field: 'a', op: 'eq', value: 'x' },
        { field: 'n', op: 'gt', value: 1 },
      ],
    },
    { any: [{ field: 'a', op: 'eq', value: 'y' }, { not: { field: 'n', op: 'lte', value: 1 } }] },
  ];
  const values: Record<string, unknown>[] = [
    {},
    { a: 'x', n: 3 },
    { a: 'y', n: 4 },
    { a: 'z', n: 2 },
    { a: '', n: 0 },
    { a: ['x', 'z'] },
    { a: [], o: { b: true } },
    { a: null, o: { b: false }, n: '5' },
  ];
  const cases = conditions.flatMap((c) =>
    values.map((v) => [JSON.stringify(c), JSON.stringify(v), c, v] as const),
  );

  it.each(cases)('%s on %s', (_c, _v, condition, data) => {
    expect(ajv.validate(conditionSchema(condition), data)).toBe(evaluateCondition(condition, data));
  });
});

describe('deriveForm: the server’s check of a submission', () => {
  const validate = ajv.compile(validationOf(homestead.form));
  const good = {
    applicantName: '莫桂芳',
    idNumber: validId('45032119700312002'),
    mobile: '13907731234',
    householdAddress: '阳朔县阳朔镇矮山门村 12 号',
    village: '矮山门村',
    familySize: 4,
    buildType: 'new',
    siteLocation: '东至村道，西至莫家自留地，南至水渠，北至后山',
    landArea: 100,
    floors: 3,
    floorArea: 260,
    reason: '现住房为 1982 年所建泥砖房，人口增加，需新建住房',
  };

  it('accepts a complete application', () => {
    expect(validate(good)).toBe(true);
  });

  it.each([
    ['a wrong ID check character', { idNumber: '450321197003120021' }, '/idNumber'],
    ['a mobile of five digits', { mobile: '12345' }, '/mobile'],
    ['an area above the limit', { landArea: 151 }, '/landArea'],
    ['an option that is not offered', { buildType: 'demolish' }, '/buildType'],
    ['an empty required text', { reason: '' }, '/reason'],
    ['a field the form does not have', { extra: 1 }, ''],
  ])('refuses %s', (_case, change, path) => {
    expect(validate({ ...good, ...change })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
  });

  it('requires a conditional field only while its condition holds', () => {
    expect(validate({ ...good, buildType: 'rebuild' })).toBe(false);
    expect(
      validate({
        ...good,
        buildType: 'rebuild',
        originalLandCertificate: '桂(2019)阳朔县不动产权第0001234号',
      }),
    ).toBe(true);
    expect(validate({ ...good, buildType: 'new' })).toBe(true);
  });

  it('bounds every text answer at 2,000 characters unless the form says fewer (issue 10)', () => {
    const texts = ajv.compile(
      validationOf({
        type: 'object',
        properties: {
          free: { type: 'string', title: '说明', 'x-component': 'textarea' },
          short: { type: 'string', title: '姓名', maxLength: 30, 'x-component': 'text' },
          generous: { type: 'string', title: '情况', maxLength: 100000, 'x-component': 'textarea' },
        },
      }),
    );
    const long = (n: number) => '字'.repeat(n);
    expect(texts({ free: long(2000), short: long(30), generous: long(2000) })).toBe(true);
    expect(texts({ free: long(2001), short: long(31), generous: long(2001) })).toBe(false);
    expect(texts.errors!.map((e) => [e.instancePath, e.keyword])).toEqual([
      ['/free', 'maxLength'],
      ['/short', 'maxLength'],
      ['/generous', 'maxLength'],
    ]);
    // The reason field of the homestead form says nothing about its length: the ceiling holds it.
    expect(validate({ ...good, reason: long(2001) })).toBe(false);
  });

  it('compiles for every seed form', () => {
    for (const base of seeds.baseItems) expect(() => ajv.compile(validationOf(base.form))).not.toThrow();
  });
});

describe('mergeForms (一表申请)', () => {
  const three = [homestead, byCode('2030008000'), byCode('0520003000')];
  const merged = mergeForms(three, seeds.dataElements);

  it('asks a field bound to one data element once, and records which items it serves', () => {
    const shared = merged.form.properties.applicant!.properties!;
    expect(Object.keys(shared).filter((k) => k === 'idNumber')).toHaveLength(1);
    const asking = three
      .filter((i) => JSON.stringify(i.form).includes('"x-data-element":"idNumber"'))
      .map((i) => i.code);
    expect(merged.provenance.idNumber!.sort()).toEqual(asking.sort());
    expect(merged.conflicts).toEqual([]);
  });

  it('puts the shared fields first, in the dictionary’s group order, and each item’s own fields under its title', () => {
    const keys = Object.keys(merged.form.properties);
    expect(keys[0]).toBe('applicant');
    const groupOrder = ['applicant', 'agent', 'organisation', 'contact', 'other'];
    const groups = Object.keys(merged.form.properties.applicant!.properties!).map((code) =>
      groupOrder.indexOf(seeds.dataElements.find((d) => d.code === code)!.group),
    );
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(merged.form.properties[sectionKey(homestead.code)]).toMatchObject({
      type: 'object',
      title: homestead.name,
    });
    expect(JSON.stringify(merged.form.properties[sectionKey(homestead.code)])).toContain('"buildType"');
  });

  it('rewrites conditions to the merged paths, so the merged form validates like the items', () => {
    const section = merged.form.properties[sectionKey(homestead.code)]!;
    expect(JSON.stringify(section)).toContain(`"field":"${sectionKey(homestead.code)}.buildType"`);
    expect(() => ajv.compile(validationOf(merged.form))).not.toThrow();
  });

  it('fans the shared answers out to every item under its own keys', () => {
    const out = fanOut(three, {
      idNumber: validId('45032119700312002'),
      [sectionKey(homestead.code)]: { buildType: 'new' },
    });
    expect(out[homestead.code]).toMatchObject({ idNumber: expect.any(String), buildType: 'new' });
    for (const code of merged.provenance.idNumber!) expect(out[code]!.idNumber).toBeDefined();
  });

  it('asks every application for the mobile number it is looked up by, whatever the items’ forms ask', () => {
    const noForm: Item = { ...homestead };
    delete noForm.form;
    // 在乡复员军人定期定量生活补助 asks a landline only.
    const landline = resolveSeedItems(seeds).find((i) => i.code === '0530012000')!;
    const situational: Item = JSON.parse(JSON.stringify(homestead));
    const applicant = situational.form!.properties.applicant!.properties!;
    applicant.mobile!['x-visible-when'] = { field: 'applicantName', op: 'notEmpty' };
    for (const chosen of [[noForm], [landline], [situational]]) {
      const { form, conflicts } = mergeForms(chosen, seeds.dataElements);
      expect(conflicts).toEqual([]);
      const mobile = form.properties.applicant!.properties!.mobile!;
      expect(mobile).toMatchObject({ required: true, format: 'cn-mobile', 'x-data-element': 'mobile' });
      expect(mobile).not.toHaveProperty('x-visible-when');
    }
  });

  it('keeps the union of materials, once each, with the strictest requirement', () => {
    const codes = new Set(three.flatMap((i) => i.materials.map((m) => m.material)));
    expect(merged.materials.map((m) => m.material).sort()).toEqual([...codes].sort());
    for (const m of merged.materials) {
      const asks = three.flatMap((i) => i.materials.filter((x) => x.material === m.material));
      expect(Number(m.necessity)).toBe(Math.min(...asks.map((a) => Number(a.necessity))));
      const copies = asks.flatMap((a) => (a.copies === undefined ? [] : [a.copies]));
      expect(m.copies).toBe(copies.length > 0 ? Math.max(...copies) : undefined);
      expect(m.items.sort()).toEqual(
        three
          .filter((i) => i.materials.some((x) => x.material === m.material))
          .map((i) => i.code)
          .sort(),
      );
    }
  });
});

describe('merge rules on purpose-built forms', () => {
  const element: DataElement = {
    kind: 'data-element',
    schemaVersion: 2,
    code: 'relation',
    name: '与申请人关系',
    group: 'other',
    type: 'string',
    component: 'select',
  };
  type FormedItem = Item & { form: ItemForm };
  const item = (
    code: string,
    field: Record<string, unknown>,
    materials: Item['materials'] = [],
  ): FormedItem =>
    ({
      ...homestead,
      code,
      name: `事项${code}`,
      materials,
      form: {
        type: 'object',
        properties: {
          relation: {
            type: 'string',
            title: '关系',
            'x-component': 'select',
            'x-data-element': 'relation',
            ...field,
          },
        },
      },
    }) as FormedItem;
  const option = (value: string): Option => ({ label: value, value });
  const opts = (first: string, ...rest: string[]): [Option, ...Option[]] => [
    option(first),
    ...rest.map(option),
  ];

  it('lets required win and the narrower length win', () => {
    const { form } = mergeForms(
      [item('A', { maxLength: 20 }), item('B', { required: true, maxLength: 10, minLength: 2 })],
      [element],
    );
    expect(form.properties.applicant!.properties!.relation).toMatchObject({
      required: true,
      maxLength: 10,
      minLength: 2,
    });
  });

  it('intersects option lists', () => {
    const { form } = mergeForms(
      [item('A', { enum: opts('父母', '子女', '配偶') }), item('B', { enum: opts('子女', '配偶', '其他') })],
      [element],
    );
    expect(form.properties.applicant!.properties!.relation!.enum!.map((o) => o.value)).toEqual([
      '子女',
      '配偶',
    ]);
  });

  it('reports an empty intersection to the editor instead of dropping the field silently', () => {
    const result = mergeForms(
      [item('A', { enum: opts('父母') }), item('B', { enum: opts('子女') })],
      [element],
    );
    expect(result.conflicts).toEqual([
      { field: 'relation', items: ['A', 'B'], message: expect.stringContaining('没有交集') },
    ]);
  });

  it('reports lengths that cannot both hold, and patterns it cannot rank', () => {
    expect(
      mergeForms([item('A', { minLength: 8 }), item('B', { maxLength: 4 })], [element]).conflicts,
    ).toHaveLength(1);
    expect(
      mergeForms([item('A', { pattern: '^a' }), item('B', { pattern: '^b' })], [element]).conflicts,
    ).toHaveLength(1);
  });

  it('keeps a shared field conditional while every item asks it only in some situation', () => {
    // Each item shows the field only for its own situation: the merged field shows when either holds.
    const onlyFor = (code: string, value: string) =>
      ({
        ...item(code, { required: true, 'x-visible-when': { field: 'who', op: 'eq', value } }),
        form: {
          type: 'object',
          properties: {
            who: { type: 'string', title: '申请人类型', 'x-component': 'radio', enum: opts('person', 'org') },
            ...item(code, { required: true, 'x-visible-when': { field: 'who', op: 'eq', value } }).form
              .properties,
          },
        },
      }) as Item;
    const { form } = mergeForms([onlyFor('A', 'org'), onlyFor('B', 'person')], [element]);
    const shared = form.properties.applicant!.properties!.relation!;
    expect(shared.required).toBe(true);
    expect(shared['x-visible-when']).toEqual({
      any: [
        { field: 'item_A.who', op: 'eq', value: 'org' },
        { field: 'item_B.who', op: 'eq', value: 'person' },
      ],
    });
    const validate = ajv.compile(validationOf(form));
    const answers = (a: string, b: string) => ({ item_A: { who: a }, item_B: { who: b } });
    expect(validate(answers('person', 'org'))).toBe(true);
    expect(validate(answers('org', 'org'))).toBe(false);
    expect(validate({ ...answers('org', 'org'), relation: '子女' })).toBe(true);
  });

  it('asks a shared field always when one item asks it always, required only if that item requires it', () => {
    const conditional = item('B', { required: true, 'x-visible-when': { field: 'x', op: 'eq', value: 1 } });
    const optional = mergeForms([item('A', {}), conditional], [element]).form.properties.applicant!
      .properties!.relation!;
    expect(optional['x-visible-when']).toBeUndefined();
    expect(optional.required).toBeUndefined();
    const required = mergeForms([item('A', { required: true }), conditional], [element]).form.properties
      .applicant!.properties!.relation!;
    expect(required.required).toBe(true);
  });

  it('asks 原件和复印件 when one item wants a copy and the other the original, and 必要 over 非必要', () => {
    const m = (form: '1' | '2', necessity: '1' | '2', originals: number, copies: number) => ({
      material: 'ID-CARD',
      name: '居民身份证',
      form,
      medium: '1' as const,
      originals,
      copies,
      necessity,
      source: '1' as const,
    });
    const { materials } = mergeForms(
      [item('A', {}, [m('2', '1', 0, 1)]), item('B', {}, [m('1', '2', 2, 0)])],
      [element],
    );
    expect(materials).toEqual([
      expect.objectContaining({ form: '3', originals: 2, copies: 1, necessity: '1', items: ['A', 'B'] }),
    ]);
  });
});

describe('applyBundle (一件事)', () => {
  const bundle = seeds.bundles.find((b) => b.code === 'RURAL-HOUSING')!;

  it('takes the items whose conditions the answers meet, with their notes', () => {
    const plain = applyBundle(bundle, { buildType: 'new', dangerousHouse: false });
    expect(plain.items).toEqual(['0117302000', '0117315000']);
    expect(plain.notes).toEqual([{ item: '0117315000', note: '房屋竣工后申请验收' }]);
    expect(applyBundle(bundle, { buildType: 'new', dangerousHouse: true }).items).toContain('2017304000');
  });

  it('drops and requires materials as the answers say', () => {
    const newPlot = applyBundle(bundle, { buildType: 'new', dangerousHouse: true });
    expect(newPlot.excluded.map((e) => e.material)).toEqual(['LAND-TITLE']);
    expect(newPlot.required.map((r) => r.material)).toEqual(['HOUSE-APPRAISAL']);
    const rebuild = applyBundle(bundle, { buildType: 'rebuild', dangerousHouse: false });
    expect(rebuild.excluded).toEqual([]);
    expect(rebuild.required).toEqual([]);
  });
});
