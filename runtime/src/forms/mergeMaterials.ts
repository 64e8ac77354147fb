// The materials of several items asked once each (一次告知), whatever order the items come in: every rule below
// is a function of the set of requirements, and texts that differ are listed in the order of the items' codes.
// Each item's own name, situation and necessity stay with the entry (`asks`), so nothing one item says is
// carried over to another.

import type {
  Condition,
  Item,
  MaterialForm,
  MaterialMedium,
  MaterialNecessity,
  MaterialSituation,
  MaterialSource,
  ResolvedMaterial,
} from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

/** What one item asks of a material: its own name, situation and necessity. */
export interface MaterialAsk {
  item: string;
  name: string;
  necessity: MaterialNecessity;
  /** The item's situation, its condition reading the merged form's fields. */
  when?: MaterialSituation;
}

export interface MergedMaterial extends ResolvedMaterial {
  /** Codes of the items that ask for it. */
  items: string[];
  /** Each item's own requirement, in the order of the items' codes. */
  asks: MaterialAsk[];
}

// 原件 and 复印件 as two demands: 原件和复印件 wants both, 原件或复印件 neither in particular (either will do).
const ORIGINAL = 1;
const COPY = 2;
const FORM_DEMANDS: Record<MaterialForm, number> = { '1': ORIGINAL, '2': COPY, '3': ORIGINAL | COPY, '4': 0 };
const FORM_OF_DEMANDS: Record<number, MaterialForm> = { 0: '4', 1: '1', 2: '2', 3: '3' };
// 纸质 and 电子 likewise: 纸质和电子 wants both.
const MEDIUM_DEMANDS: Record<MaterialMedium, number> = { '1': 1, '2': 2, '3': 3 };
const MEDIUM_OF_DEMANDS: Record<number, MaterialMedium> = { 1: '1', 2: '2', 3: '3' };

interface Requirement {
  item: Item;
  material: ResolvedMaterial;
  /** The situation with its condition rewritten for the merged form. */
  when?: MaterialSituation;
}

const distinct = (texts: (string | undefined)[]): string[] => [
  ...new Set(texts.filter((t): t is string => Boolean(t))),
];

/** Several differing texts as one, in the items' code order: "申请户主居民身份证／经营者居民身份证". */
const joined = (texts: (string | undefined)[], separator: string): string | undefined =>
  distinct(texts).join(separator) || undefined;

/**
 * How many originals and copies satisfy every item: each item's count of the kinds its form asks for (a form of
 * 复印件 collects no original, whatever its counts say), and at least as many pieces in all as an item content with
 * either (原件或复印件) wants.
 */
function counts(
  asks: readonly ResolvedMaterial[],
  form: MaterialForm,
): { originals: number; copies: number } {
  const most = (values: number[]) => Math.max(0, ...values);
  const either = asks.filter((m) => m.form === '4');
  if (form === '4') {
    return { originals: most(either.map((m) => m.originals)), copies: most(either.map((m) => m.copies)) };
  }
  let originals = most(asks.filter((m) => FORM_DEMANDS[m.form] & ORIGINAL).map((m) => m.originals));
  let copies = most(asks.filter((m) => FORM_DEMANDS[m.form] & COPY).map((m) => m.copies));
  const pieces = most(either.map((m) => m.originals + m.copies));
  if (originals + copies < pieces) {
    if (FORM_DEMANDS[form] & COPY) copies = pieces - originals;
    else originals = pieces - copies;
  }
  return { originals, copies };
}

/**
 * When the material is needed: always if any item asks it always; otherwise in any item's situation (texts
 * joined, conditions combined with "any" when every item gives one).
 */
function situation(requirements: readonly Requirement[]): MaterialSituation | undefined {
  const when = requirements.map((r) => r.when);
  if (when.some((w) => w === undefined)) return undefined;
  const situations = when as MaterialSituation[];
  const text = joined(
    situations.map((s) => s.text),
    '；或',
  )!;
  const conditions = situations.map((s) => s.condition);
  if (conditions.some((c) => c === undefined)) return { text };
  const unique = [...new Map(conditions.map((c) => [JSON.stringify(c), c as Condition])).values()];
  return {
    text,
    condition: unique.length === 1 ? unique[0]! : { any: unique as [Condition, ...Condition[]] },
  };
}

/** The entry for one material asked by several items. */
function mergeOne(requirements: Requirement[]): MergedMaterial {
  // Texts are listed, and the first attachment taken, in the order of the items' codes.
  const sorted = [...requirements].sort((a, b) =>
    a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0,
  );
  const asks = sorted.map((r) => r.material);
  const form = FORM_OF_DEMANDS[asks.reduce((demand, m) => demand | FORM_DEMANDS[m.form], 0)]!;
  const medium = MEDIUM_OF_DEMANDS[asks.reduce((demand, m) => demand | MEDIUM_DEMANDS[m.medium], 0)]!;
  const when = situation(sorted);
  // The strictest necessity of the items that ask it in every situation; of all of them when each asks it only
  // in some situation. An item asking more only in its own situation says so in its ask.
  const always = sorted.filter((r) => r.when === undefined).map((r) => r.material);
  const necessity = (always.length > 0 ? always : asks)
    .map((m) => m.necessity)
    .reduce((a, b) => (Number(b) < Number(a) ? b : a));
  // The applicant's own copy is the most demanding source; 其他 the least.
  const source = asks
    .map((m) => m.source)
    .reduce((a, b) => (Number(b) < Number(a) ? b : a)) as MaterialSource;
  const first = asks[0]!;
  const merged: MergedMaterial = {
    material: first.material,
    name: joined(
      asks.map((m) => m.name),
      '／',
    )!,
    form,
    medium,
    ...counts(asks, form),
    necessity,
    source,
    items: requirements.map((r) => r.item.code),
    asks: sorted.map((r) => ({
      item: r.item.code,
      name: r.material.name,
      necessity: r.material.necessity,
      ...(r.when ? { when: r.when } : {}),
    })),
  };
  const issuer = joined(
    asks.map((m) => m.issuer),
    '／',
  );
  const notes = joined(
    asks.map((m) => m.notes),
    '；',
  );
  const acceptanceStandard = joined(
    asks.map((m) => m.acceptanceStandard),
    '；',
  );
  const blankForm = asks.find((m) => m.blankForm)?.blankForm;
  const sampleForm = asks.find((m) => m.sampleForm)?.sampleForm;
  return {
    ...merged,
    ...(issuer ? { issuer } : {}),
    ...(notes ? { notes } : {}),
    ...(acceptanceStandard ? { acceptanceStandard } : {}),
    ...(blankForm ? { blankForm } : {}),
    ...(sampleForm ? { sampleForm } : {}),
    ...(when ? { when } : {}),
  };
}

/**
 * The union of the items' materials, one entry per material (in the order they first appear), each asking what
 * satisfies every item: 原件 from one item and 复印件 from another make 原件和复印件, the largest counts, the
 * strictest necessity of those who always ask it, needed always when any item always needs it.
 * `condition(item, c)` rewrites a condition of an item's form to the merged form's fields.
 */
export function mergeMaterials(
  items: readonly Item[],
  condition: (item: Item, c: Condition) => Condition,
): MergedMaterial[] {
  const byCode = new Map<string, Requirement[]>();
  for (const item of items) {
    for (const material of item.materials) {
      const when = material.when
        ? {
            text: material.when.text,
            ...(material.when.condition ? { condition: condition(item, material.when.condition) } : {}),
          }
        : undefined;
      byCode.set(material.material, [
        ...(byCode.get(material.material) ?? []),
        { item, material, ...(when ? { when } : {}) },
      ]);
    }
  }
  return [...byCode.values()].map(mergeOne);
}

/**
 * "用于：事项甲（申请户主居民身份证）、事项乙（经营者居民身份证；非必要；适用情形：…）": the items asking for a
 * merged material, in the order chosen, each with what it asks where that is not what the entry says.
 */
export function materialUse(material: MergedMaterial, itemName: (code: string) => string): string {
  const uses = material.items.map((code) => {
    const ask = material.asks.find((a) => a.item === code)!;
    const own = [
      ask.name !== material.name ? ask.name : undefined,
      ask.necessity !== material.necessity ? codeLabel('MaterialNecessity', ask.necessity) : undefined,
      ask.when ? `适用情形：${ask.when.text}` : undefined,
    ].filter(Boolean);
    return own.length > 0 ? `${itemName(code)}（${own.join('；')}）` : itemName(code);
  });
  return `用于：${uses.join('、')}`;
}
