// mergeForms does not depend on the order the applicant chose the items in: merge(A, B) equals merge(B, A) up
// to the order of lists, and each item's own material name, necessity and situation are kept (property tests,
// fast-check, over pairs of seed items and over seed items given generated forms and materials).

import type {
  Condition,
  DataElement,
  FormField,
  Item,
  MaterialForm,
  MaterialNecessity,
  ResolvedMaterial,
} from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import fc from 'fast-check';
import type { MergedForm } from '../mergeForms';
import { elementField, mergeForms } from '../mergeForms';
import { materialUse } from '../mergeMaterials';

const seeds = loadSeedCatalogue();
const seen = new Set<string>();
/** One resolved item per base item (the items a township can put in one application). */
const seedItems = resolveSeedItems(seeds).filter((i) => !seen.has(i.code) && seen.add(i.code));
const elements = seeds.dataElements;

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The merge with every list whose order is the items' order sorted: what must not depend on that order. */
function normalised(merged: MergedForm) {
  return {
    ...merged,
    provenance: Object.fromEntries(Object.entries(merged.provenance).map(([k, v]) => [k, [...v].sort()])),
    conflicts: merged.conflicts
      .map((c) => ({ ...c, items: [...c.items].sort() }))
      .sort((a, b) => (a.field < b.field ? -1 : 1)),
    materials: merged.materials
      .map((m) => ({ ...m, items: [...m.items].sort() }))
      .sort((a, b) => (a.material < b.material ? -1 : 1)),
  };
}

// What a material may leave unstated (model v2): the entry states one only when some item does. Counts go
// together: one item's "1 piece, either kind" may become the entry's 1 original when another wants originals.
const OPTIONAL = [
  ['form'],
  ['medium'],
  ['originals', 'copies'],
  ['unit'],
  ['necessity'],
  ['source'],
  ['exemption'],
] as const;

/** What every merged material owes each item asking for it. */
function checkMaterials(merged: MergedForm, items: readonly Item[]): void {
  for (const m of merged.materials) {
    const owns = items.flatMap((item) => item.materials.filter((x) => x.material === m.material));
    for (const keys of OPTIONAL)
      if (owns.every((own) => keys.every((key) => own[key] === undefined)))
        for (const key of keys) expect(m[key]).toBeUndefined();
    for (const item of items) {
      const own = item.materials.find((x) => x.material === m.material);
      if (!own) continue;
      const ask = m.asks.find((a) => a.item === item.code)!;
      // The item's own name, necessity, situation and exemption are kept.
      expect(ask.name).toBe(own.name);
      expect(ask.necessity).toBe(own.necessity);
      expect(ask.when?.text).toBe(own.when?.text);
      expect(ask.exemption).toBe(own.exemption);
      // An item that always asks for it makes it asked always, never under another item's situation; one that
      // asks it without exemption makes it exempt for nobody.
      if (!own.when) expect(m.when).toBeUndefined();
      if (own.exemption === undefined) expect(m.exemption).toBeUndefined();
      // Never less than the item states: its form's demands (or, stating no form, the kinds it counts), its
      // counts of those kinds, its necessity if always.
      if (own.form === '1' || own.form === '3' || (own.form === undefined && own.originals)) {
        expect(['1', '3']).toContain(m.form ?? '1');
        if (own.originals !== undefined) expect(m.originals).toBeGreaterThanOrEqual(own.originals);
      }
      if (own.form === '2' || own.form === '3' || (own.form === undefined && own.copies)) {
        expect(['2', '3']).toContain(m.form ?? '2');
        if (own.copies !== undefined) expect(m.copies).toBeGreaterThanOrEqual(own.copies);
      }
      if (own.form === '4')
        expect((m.originals ?? 0) + (m.copies ?? 0)).toBeGreaterThanOrEqual(
          (own.originals ?? 0) + (own.copies ?? 0),
        );
      if (!own.when && own.necessity !== undefined)
        expect(Number(m.necessity)).toBeLessThanOrEqual(Number(own.necessity));
    }
    // The entry says what it asks: 复印件 collects no original, 原件 no copy.
    if (m.form === '2') expect(m.originals ?? 0).toBe(0);
    if (m.form === '1') expect(m.copies ?? 0).toBe(0);
  }
}

const twoSeedItems = fc
  .tuple(fc.constantFrom(...seedItems), fc.constantFrom(...seedItems))
  .filter(([a, b]) => a.code !== b.code);

describe('mergeForms does not depend on the order of the items', () => {
  it('for pairs of seed items', () => {
    fc.assert(
      fc.property(twoSeedItems, ([a, b]) => {
        const ab = mergeForms([a, b], elements);
        const ba = mergeForms([b, a], elements);
        expect(normalised(ab)).toEqual(normalised(ba));
        checkMaterials(ab, [a, b]);
      }),
      { numRuns: 100 },
    );
  });

  // Generated forms: fields bound to a few data elements (with and without options), each required or not,
  // narrowed, described, or asked only in one situation of the item's own question; generated materials drawn
  // from three codes, so that the items share some, with every form, count, necessity, name and situation.
  const situation = (value: string): Condition => ({ field: 'situation', op: 'eq', value });
  const boundCodes = [
    'applicantName',
    'idType',
    'mobile',
    'agentRelationship',
    'maritalStatus',
    'familySize',
  ];
  const boundField = (element: DataElement) =>
    fc
      .record({
        required: fc.boolean(),
        maxLength: fc.option(fc.integer({ min: 10, max: 60 }), { nil: undefined }),
        description: fc.option(fc.constantFrom('与证件一致', '如实填写'), { nil: undefined }),
        when: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        options: element.options ? fc.subarray(element.options, { minLength: 1 }) : fc.constant(undefined),
      })
      .map(({ required, maxLength, description, when, options }): FormField => {
        const field = elementField(element);
        if (required) field.required = true;
        if (maxLength !== undefined && element.type === 'string') field.maxLength = maxLength;
        if (description) field.description = description;
        if (when) field['x-visible-when'] = situation(when);
        if (options) field.enum = options as FormField['enum'];
        return field;
      });
  const generatedForm = fc
    .subarray(
      elements.filter((e) => boundCodes.includes(e.code)),
      { minLength: 1 },
    )
    .chain((chosen) => fc.tuple(...chosen.map((element) => boundField(element))))
    .map((fields): Item['form'] => ({
      type: 'object',
      properties: {
        situation: {
          type: 'string',
          title: '申请情形',
          'x-component': 'radio',
          enum: [
            { label: '本人申请', value: 'a' },
            { label: '委托代办', value: 'b' },
          ],
        },
        ...Object.fromEntries(fields.map((field) => [field['x-data-element']!, field])),
      },
    }));
  const materialCodes = seeds.materials.slice(0, 3).map((m) => m.code);
  // Each attribute stated or left unstated (model v2), as real guides do.
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const generatedMaterial = (code: string) =>
    fc
      .record({
        name: fc.constantFrom('申请人居民身份证', '户主居民身份证'),
        form: maybe(fc.constantFrom<MaterialForm>('1', '2', '3', '4')),
        medium: maybe(fc.constantFrom('1' as const, '2' as const, '3' as const)),
        originals: maybe(fc.integer({ min: 0, max: 3 })),
        copies: maybe(fc.integer({ min: 0, max: 3 })),
        unit: maybe(fc.constantFrom('1' as const, '2' as const)),
        necessity: maybe(fc.constantFrom<MaterialNecessity>('1', '2', '3', '4')),
        source: maybe(fc.constantFrom('1' as const, '2' as const, '9' as const)),
        exemption: maybe(fc.constantFrom('本地户籍老年人免交', '可通过电子证照库调取的免交')),
        when: maybe(
          fc.record({
            text: fc.constantFrom('委托他人代办的', '户主与申请人不一致的'),
            condition: maybe(fc.constantFrom('a', 'b').map(situation)),
          }),
        ),
        notes: maybe(fc.constantFrom('须在有效期内', '复印件须签字')),
      })
      .map((m): ResolvedMaterial => {
        // Unstated is absent, as in a stored document.
        const stated = Object.entries(m).filter(([, value]) => value !== undefined);
        const material = { material: code, ...Object.fromEntries(stated) } as ResolvedMaterial;
        if (m.when && !m.when.condition) material.when = { text: m.when.text };
        return material;
      });
  const generatedMaterials = fc
    .subarray(materialCodes, { minLength: 1 })
    .chain((codes) => fc.tuple(...codes.map((code) => generatedMaterial(code))));
  const generatedItem = (base: Item) =>
    fc
      .record({ form: generatedForm, materials: generatedMaterials })
      .map(({ form, materials }): Item => ({ ...base, form, materials }));

  it('for seed items with generated forms and materials', () => {
    fc.assert(
      fc.property(
        twoSeedItems.chain(([a, b]) => fc.tuple(generatedItem(a), generatedItem(b))),
        ([a, b]) => {
          const ab = mergeForms([a, b], elements);
          const ba = mergeForms([b, a], elements);
          expect(normalised(ab)).toEqual(normalised(ba));
          checkMaterials(ab, [a, b]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('one material asked by two items', () => {
  const [first, second] = [...seedItems].sort(byCode);
  const idCard = (over: Partial<ResolvedMaterial>): ResolvedMaterial => ({
    material: 'ID-CARD',
    name: '居民身份证',
    form: '2',
    medium: '1',
    originals: 0,
    copies: 1,
    necessity: '1',
    source: '1',
    ...over,
  });
  const asking = (item: Item, material: ResolvedMaterial): Item => ({ ...item, materials: [material] });
  const a = asking(first!, idCard({ name: '代理人居民身份证', when: { text: '委托他人代办的' } }));
  const b = asking(second!, idCard({ name: '申请人居民身份证' }));

  it('stays asked always when one item always asks it, whichever item comes first', () => {
    for (const items of [
      [a, b],
      [b, a],
    ]) {
      const [merged] = mergeForms(items, elements).materials;
      expect(merged!.when).toBeUndefined();
      expect(merged!.name).toBe('代理人居民身份证／申请人居民身份证');
      expect(merged!.asks).toEqual([
        { item: a.code, name: '代理人居民身份证', necessity: '1', when: { text: '委托他人代办的' } },
        { item: b.code, name: '申请人居民身份证', necessity: '1' },
      ]);
    }
  });

  it('asks 原件和复印件 when one item wants the original and the other a copy, and says so', () => {
    const original = asking(first!, idCard({ form: '1', originals: 1, copies: 0 }));
    for (const items of [
      [original, b],
      [b, original],
    ]) {
      expect(mergeForms(items, elements).materials[0]).toMatchObject({ form: '3', originals: 1, copies: 1 });
    }
  });

  it('takes what one item leaves unstated from what the other states, whichever comes first', () => {
    const { form, medium, originals, copies, necessity, source, ...rest } = idCard({});
    const bare = asking(first!, rest);
    expect([form, medium, originals, copies, necessity, source]).not.toContain(undefined);
    for (const items of [
      [bare, b],
      [b, bare],
    ]) {
      const [merged] = mergeForms(items, elements).materials;
      expect(merged).toMatchObject({ form, medium, originals, copies, necessity, source });
      expect(merged!.asks.find((ask) => ask.item === bare.code)).not.toHaveProperty('necessity');
    }
  });

  it('states nothing that neither item states', () => {
    const unstated = (item: Item) => asking(item, { material: 'ID-CARD', name: '居民身份证' });
    const [merged] = mergeForms([unstated(second!), unstated(first!)], elements).materials;
    expect(merged).toEqual({
      material: 'ID-CARD',
      name: '居民身份证',
      items: [second!.code, first!.code],
      asks: [
        { item: first!.code, name: '居民身份证' },
        { item: second!.code, name: '居民身份证' },
      ],
    });
  });

  it('keeps an exemption with the item that grants it', () => {
    const exempt = asking(first!, idCard({ name: '申请人居民身份证', exemption: '本地户籍老年人免交' }));
    for (const items of [
      [exempt, b],
      [b, exempt],
    ]) {
      const [merged] = mergeForms(items, elements).materials;
      expect(merged!.exemption).toBeUndefined();
      expect(materialUse(merged!, (code) => (code === exempt.code ? '甲事项' : '乙事项'))).toContain(
        '甲事项（免交情形：本地户籍老年人免交）',
      );
    }
    const [both] = mergeForms([exempt, { ...exempt, code: second!.code }], elements).materials;
    expect(both!.exemption).toBe('本地户籍老年人免交');
  });

  it('says, item by item in the order chosen, what each asks where it differs from the entry', () => {
    const [merged] = mergeForms([b, a], elements).materials;
    expect(materialUse(merged!, (code) => (code === a.code ? '甲事项' : '乙事项'))).toBe(
      '用于：乙事项（申请人居民身份证）、甲事项（代理人居民身份证；适用情形：委托他人代办的）',
    );
  });
});
