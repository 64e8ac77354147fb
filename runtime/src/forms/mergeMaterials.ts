// The materials of several items asked once each (一次告知), whatever order the items come in: every rule below
// is a function of the set of requirements, and texts that differ are listed in the order of the items' codes.
// Each item's own name, situation, necessity and exemption stay with the entry (`asks`), so nothing one item
// says is carried over to another. What an item leaves unstated (model v2) takes what the others state; what
// none of them states stays unstated in the entry.

import type {
  Condition,
  Item,
  MaterialForm,
  MaterialMedium,
  MaterialNecessity,
  MaterialSituation,
  MaterialSource,
  MaterialUnit,
  ResolvedMaterial,
} from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

/** Items are applied for by their basic code: a guide read from a file without one cannot be applied for. */
export function codeOf(item: Item): string {
  if (item.code === undefined) throw new Error(`事项“${item.name}”没有基本编码，不能在线申请`);
  return item.code;
}

/** What one item asks of a material: its own name, situation and necessity. */
export interface MaterialAsk {
  item: string;
  name: string;
  necessity?: MaterialNecessity;
  /** The item's situation, its condition reading the merged form's fields. */
  when?: MaterialSituation;
  /** When the item lets the applicant off (免交情形). */
  exemption?: string;
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
  /** The item's code. */
  item: string;
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

const most = (values: (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
};

/**
 * What an ask demands of 原件/复印件: its form's demands; an ask that states no form demands the kinds it states
 * a count of (原件1份 asks an original), so the entry's form never contradicts an item's counts.
 */
function demands(m: ResolvedMaterial): number {
  if (m.form !== undefined) return FORM_DEMANDS[m.form];
  return (m.originals ? ORIGINAL : 0) | (m.copies ? COPY : 0);
}

/** 原件 and 复印件 the entry asks: what the stated forms demand together; unstated when no item states a form. */
function formOf(asks: readonly ResolvedMaterial[]): MaterialForm | undefined {
  if (asks.every((m) => m.form === undefined)) return undefined;
  return FORM_OF_DEMANDS[asks.reduce((demand, m) => demand | demands(m), 0)];
}

/** The counts that are stated, and only those. */
const stated = (originals: number | undefined, copies: number | undefined) => ({
  ...(originals === undefined ? {} : { originals }),
  ...(copies === undefined ? {} : { copies }),
});

/**
 * How many originals and copies satisfy every item: each item's stated count of the kinds it asks for, and at
 * least as many pieces in all as an item content with either (原件或复印件) wants. A kind the entry does not ask
 * for is 0 when an item states a count of it (a form of 复印件 collects no original, whatever its counts say). A
 * count no item states stays unstated.
 */
function counts(
  asks: readonly ResolvedMaterial[],
  form: MaterialForm | undefined,
): { originals?: number; copies?: number } {
  if (form === undefined) return stated(most(asks.map((m) => m.originals)), most(asks.map((m) => m.copies)));
  const either = asks.filter((m) => m.form === '4');
  if (form === '4') return stated(most(either.map((m) => m.originals)), most(either.map((m) => m.copies)));
  const count = (kind: number, of: (m: ResolvedMaterial) => number | undefined) =>
    FORM_DEMANDS[form] & kind
      ? most(asks.filter((m) => demands(m) & kind).map(of))
      : most(asks.map((m) => (of(m) === undefined ? undefined : 0)));
  let originals = count(ORIGINAL, (m) => m.originals);
  let copies = count(COPY, (m) => m.copies);
  const pieces = most(
    either
      .filter((m) => m.originals !== undefined || m.copies !== undefined)
      .map((m) => (m.originals ?? 0) + (m.copies ?? 0)),
  );
  if (pieces !== undefined && (originals ?? 0) + (copies ?? 0) < pieces) {
    if (FORM_DEMANDS[form] & COPY) copies = pieces - (originals ?? 0);
    else originals = pieces - (copies ?? 0);
  }
  return stated(originals, copies);
}

/** The strictest of the stated codes (the lowest number: 必要 before 非必要, the applicant's own before 其他). */
function strictestCode<T extends string>(values: (T | undefined)[]): T | undefined {
  const known = values.filter((v): v is T => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => (Number(b) < Number(a) ? b : a));
}

/** The one unit the items count in; none when they state none or count in different units. */
function unitOf(asks: readonly ResolvedMaterial[]): MaterialUnit | undefined {
  const units = distinct(asks.map((m) => m.unit));
  return units.length === 1 ? (units[0] as MaterialUnit) : undefined;
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

/** The entry's exemption: only when every item lets the applicant off (texts joined); each item keeps its own. */
function exemptionOf(asks: readonly ResolvedMaterial[]): string | undefined {
  if (asks.some((m) => m.exemption === undefined)) return undefined;
  return joined(
    asks.map((m) => m.exemption),
    '；或',
  );
}

/** The entry for one material asked by several items. */
function mergeOne(requirements: Requirement[]): MergedMaterial {
  // Texts are listed, and the first attachment taken, in the order of the items' codes.
  const sorted = [...requirements].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const asks = sorted.map((r) => r.material);
  const form = formOf(asks);
  const mediums = asks.map((m) => m.medium).filter((m): m is MaterialMedium => m !== undefined);
  const medium =
    mediums.length === 0
      ? undefined
      : MEDIUM_OF_DEMANDS[mediums.reduce((demand, m) => demand | MEDIUM_DEMANDS[m], 0)];
  const when = situation(sorted);
  // The strictest necessity of the items that ask it in every situation; of all of them when each asks it only
  // in some situation. An item asking more only in its own situation says so in its ask.
  const always = sorted.filter((r) => r.when === undefined).map((r) => r.material);
  const necessity = strictestCode((always.length > 0 ? always : asks).map((m) => m.necessity));
  // The applicant's own copy is the most demanding source; 其他 the least.
  const source = strictestCode<MaterialSource>(asks.map((m) => m.source));
  const unit = unitOf(asks);
  const exemption = exemptionOf(asks);
  // Texts that differ are kept, each item's once, in the items' code order.
  const texts = Object.fromEntries(
    (
      [
        ['issuer', '／'],
        ['notes', '；'],
        ['acceptanceStandard', '；'],
        ['basis', '；'],
      ] as const
    ).flatMap(([key, separator]) => {
      const text = joined(
        asks.map((m) => m[key]),
        separator,
      );
      return text === undefined ? [] : [[key, text]];
    }),
  );
  const blankForm = asks.find((m) => m.blankForm)?.blankForm;
  const sampleForm = asks.find((m) => m.sampleForm)?.sampleForm;
  return {
    material: asks[0]!.material,
    name: joined(
      asks.map((m) => m.name),
      '／',
    )!,
    ...(form ? { form } : {}),
    ...(medium ? { medium } : {}),
    ...counts(asks, form),
    ...(unit ? { unit } : {}),
    ...(necessity ? { necessity } : {}),
    ...(source ? { source } : {}),
    ...texts,
    ...(blankForm ? { blankForm } : {}),
    ...(sampleForm ? { sampleForm } : {}),
    ...(exemption ? { exemption } : {}),
    ...(when ? { when } : {}),
    items: requirements.map((r) => r.item),
    asks: sorted.map((r) => ({
      item: r.item,
      name: r.material.name,
      ...(r.material.necessity ? { necessity: r.material.necessity } : {}),
      ...(r.when ? { when: r.when } : {}),
      ...(r.material.exemption ? { exemption: r.material.exemption } : {}),
    })),
  };
}

/**
 * The union of the items' materials, one entry per material (in the order they first appear), each asking what
 * satisfies every item: 原件 from one item and 复印件 from another make 原件和复印件, the largest counts, the
 * strictest necessity of those who always ask it, needed always when any item always needs it, and only what
 * some item states.
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
        { item: codeOf(item), material, ...(when ? { when } : {}) },
      ]);
    }
  }
  return [...byCode.values()].map(mergeOne);
}

/**
 * "用于：事项甲（申请户主居民身份证）、事项乙（经营者居民身份证；非必要；适用情形：…）": the items asking for a
 * merged material, in the order chosen, each with what it states where that is not what the entry says.
 */
export function materialUse(material: MergedMaterial, itemName: (code: string) => string): string {
  const uses = material.items.map((code) => {
    const ask = material.asks.find((a) => a.item === code)!;
    const own = [
      ask.name !== material.name ? ask.name : undefined,
      ask.necessity && ask.necessity !== material.necessity
        ? codeLabel('MaterialNecessity', ask.necessity)
        : undefined,
      ask.when ? `适用情形：${ask.when.text}` : undefined,
      ask.exemption && ask.exemption !== material.exemption ? `免交情形：${ask.exemption}` : undefined,
    ].filter(Boolean);
    return own.length > 0 ? `${itemName(code)}（${own.join('；')}）` : itemName(code);
  });
  return `用于：${uses.join('、')}`;
}
