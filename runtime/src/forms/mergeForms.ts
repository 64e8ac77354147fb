import type { Condition, DataElement, FormField, FormFields, Item, ItemForm } from '@oneseal/schemas';
import { codeOf, mergeMaterials } from './mergeMaterials';
import type { MergedMaterial } from './mergeMaterials';
import { commonOptions } from './options';

/** A problem the editor must fix before these items can be asked in one form. */
export interface MergeConflict {
  field: string;
  items: string[];
  message: string;
}

export interface MergedForm {
  form: ItemForm;
  /** For each shared field (by its key in the merged form): the items it serves. */
  provenance: Record<string, string[]>;
  /** Where each item's section sits in the merged data (its local fields nest under this key). */
  sections: Record<string, string>;
  materials: MergedMaterial[];
  conflicts: MergeConflict[];
}

const GROUP_ORDER: DataElement['group'][] = ['applicant', 'agent', 'organisation', 'contact', 'other'];

export const sectionKey = (itemCode: string) => `item_${itemCode}`;

/**
 * The data element every application asks, whatever its items' forms ask (a guide may state no form, or ask a
 * landline only): the mobile number the applicant looks the application up by (办件查询).
 */
export const CONTACT_ELEMENT = 'mobile';

type NonEmpty<T> = [T, ...T[]];

interface Bound {
  field: FormField;
  item: string;
  /** When the item asks it: its own condition and its containers', in the item's paths until rewritten. */
  when: Condition[];
}

/** Every bound field of a form (by data element) and the form with them taken out (empty containers dropped). */
function split(
  fields: FormFields,
  bound: Map<string, Bound[]>,
  item: string,
  rename: Map<string, string>,
  path = '',
  when: Condition[] = [],
): FormFields {
  const local: FormFields = {};
  for (const [key, field] of Object.entries(fields)) {
    const element = field['x-data-element'];
    const fieldPath = field.type === 'void' ? path : path ? `${path}.${key}` : key;
    const conditions = field['x-visible-when'] ? [...when, field['x-visible-when']] : when;
    if (element && field.type !== 'void') {
      bound.set(element, [...(bound.get(element) ?? []), { field, item, when: conditions }]);
      rename.set(fieldPath, element);
      continue;
    }
    if (field.properties) {
      const children = split(field.properties, bound, item, rename, fieldPath, conditions);
      if (Object.keys(children).length === 0 && field.type === 'void') continue;
      local[key] = { ...field, properties: children };
    } else local[key] = field;
    if (field.type !== 'void') rename.set(fieldPath, `${sectionKey(item)}.${fieldPath}`);
  }
  return local;
}

/** Conditions of an item's form read its own field paths: in the merged form they read the new ones. */
function rewrite(condition: Condition, rename: Map<string, string>): Condition {
  // map keeps the non-empty tuples non-empty
  if ('all' in condition) return { all: condition.all.map((c) => rewrite(c, rename)) as NonEmpty<Condition> };
  if ('any' in condition) return { any: condition.any.map((c) => rewrite(c, rename)) as NonEmpty<Condition> };
  if ('not' in condition) return { not: rewrite(condition.not, rename) };
  return { ...condition, field: rename.get(condition.field) ?? condition.field };
}

function rewriteAll(fields: FormFields, rename: Map<string, string>): FormFields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => {
      const next: FormField = { ...field };
      if (field['x-visible-when']) next['x-visible-when'] = rewrite(field['x-visible-when'], rename);
      if (field.properties) next.properties = rewriteAll(field.properties, rename);
      return [key, next];
    }),
  );
}

/** A field asking for a data element as the dictionary states it, before any item's own rules. */
export function elementField(element: DataElement): FormField {
  const field: FormField = {
    type: element.type,
    title: element.name,
    'x-component': element.component,
    'x-data-element': element.code,
  };
  if (element.format) field.format = element.format;
  return field;
}

/** The strictest field that satisfies every item asking for one data element; or the reason there is none. */
function strictest(element: DataElement, asks: Bound[]): { field: FormField } | { conflict: string } {
  const fields = asks.map((a) => a.field);
  const merged = elementField(element);
  // Asked whenever any item would ask it: always if one asks it always, otherwise while any condition holds.
  const always = asks.filter((a) => a.when.length === 0);
  if (always.length === 0) {
    const each = asks.map((a) => (a.when.length === 1 ? a.when[0]! : { all: a.when as NonEmpty<Condition> }));
    merged['x-visible-when'] = each.length === 1 ? each[0]! : { any: each as NonEmpty<Condition> };
  }
  // Required while shown, if an item that asks it then requires it. An item asking it only in some situation
  // cannot make the always-shown field required in every situation.
  if ((always.length > 0 ? always : asks).some((a) => a.field.required)) merged.required = true;
  const patterns = [
    ...new Set(fields.map((f) => f.pattern ?? element.pattern).filter((p): p is string => Boolean(p))),
  ];
  if (patterns.length > 1)
    return { conflict: `各事项对“${element.name}”的格式要求（正则）不同，无法判断哪个更严，请统一` };
  if (patterns[0]) merged.pattern = patterns[0];
  const most = (values: (number | undefined)[]) =>
    values.some((v) => v !== undefined)
      ? Math.max(...values.filter((v): v is number => v !== undefined))
      : undefined;
  const least = (values: (number | undefined)[]) =>
    values.some((v) => v !== undefined)
      ? Math.min(...values.filter((v): v is number => v !== undefined))
      : undefined;
  const bounds = {
    minLength: most([element.minLength, ...fields.map((f) => f.minLength)]),
    maxLength: least([element.maxLength, ...fields.map((f) => f.maxLength)]),
    minimum: most([element.minimum, ...fields.map((f) => f.minimum)]),
    maximum: least([element.maximum, ...fields.map((f) => f.maximum)]),
  };
  Object.assign(merged, Object.fromEntries(Object.entries(bounds).filter(([, v]) => v !== undefined)));
  if (
    (bounds.minLength ?? 0) > (bounds.maxLength ?? Infinity) ||
    (bounds.minimum ?? -Infinity) > (bounds.maximum ?? Infinity)
  )
    return { conflict: `各事项对“${element.name}”的长度或取值范围没有交集` };
  const kept = commonOptions([element.options, ...fields.map((f) => f.enum)]);
  if (kept) {
    if (kept.length === 0) return { conflict: `各事项对“${element.name}”的可选项没有交集` };
    merged.enum = kept as NonEmpty<(typeof kept)[number]>;
  }
  const hints = [...new Set(fields.map((f) => f.description).filter(Boolean))];
  if (hints.length > 0) merged.description = hints.join('；');
  return { field: merged };
}

/** An item whose guide states no form asks no fields. */
const formOf = (item: Item): ItemForm => item.form ?? { type: 'object', properties: {} };

/**
 * One form for several items (一表申请): fields bound to the same data element are asked once — with the
 * strictest rule any item sets — and fanned out to every item on submit; shared applicant fields come first in
 * the dictionary's order; each item's own fields follow under its title. Conflicts no field can satisfy are
 * reported, never dropped.
 */
export function mergeForms(items: readonly Item[], dataElements: readonly DataElement[]): MergedForm {
  const elements = new Map(dataElements.map((d) => [d.code, d]));
  const bound = new Map<string, Bound[]>();
  const locals: { item: Item; fields: FormFields; rename: Map<string, string> }[] = [];
  for (const item of items) {
    const rename = new Map<string, string>();
    locals.push({ item, fields: split(formOf(item).properties, bound, codeOf(item), rename), rename });
  }
  // A bound field's conditions read its item's paths; once every item is split, they read the merged ones.
  for (const asks of bound.values())
    for (const ask of asks) {
      const { rename } = locals.find((l) => l.item.code === ask.item)!;
      ask.when = ask.when.map((c) => rewrite(c, rename));
    }

  const conflicts: MergeConflict[] = [];
  const shared: FormFields = {};
  const provenance: Record<string, string[]> = {};
  const order = dataElements.map((d) => d.code);
  // The contact number is asked whenever the dictionary defines it (the server's dictionary always does).
  const asked = elements.has(CONTACT_ELEMENT) ? [...bound.keys(), CONTACT_ELEMENT] : [...bound.keys()];
  const codes = [...new Set(asked)].sort((a, b) => {
    const ga = GROUP_ORDER.indexOf(elements.get(a)?.group ?? 'other');
    const gb = GROUP_ORDER.indexOf(elements.get(b)?.group ?? 'other');
    return ga - gb || order.indexOf(a) - order.indexOf(b);
  });
  for (const code of codes) {
    const asks = bound.get(code) ?? [];
    const element = elements.get(code);
    const served = [...new Set(asks.map((a) => a.item))];
    if (!element) {
      conflicts.push({ field: code, items: served, message: `数据元 ${code} 不在数据元字典中` });
      continue;
    }
    // The strictest field is worked out in the items' code order, so the items' order never changes it.
    const result =
      asks.length > 0
        ? strictest(
            element,
            [...asks].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0)),
          )
        : { field: elementField(element) };
    if ('conflict' in result) conflicts.push({ field: code, items: served, message: result.conflict });
    else {
      if (code === CONTACT_ELEMENT) {
        // Asked always and required: the server requires it of every application.
        delete result.field['x-visible-when'];
        result.field.required = true;
      }
      shared[code] = result.field;
      if (served.length > 0) provenance[code] = served;
    }
  }

  const properties: FormFields = {};
  if (Object.keys(shared).length > 0)
    properties.applicant = {
      type: 'void',
      title: '申请人信息',
      'x-component': 'section',
      properties: shared,
    };
  const sections: Record<string, string> = {};
  for (const { item, fields, rename } of locals) {
    if (Object.keys(fields).length === 0) continue;
    sections[codeOf(item)] = sectionKey(codeOf(item));
    properties[sectionKey(codeOf(item))] = {
      type: 'object',
      title: item.name,
      'x-component': 'section',
      properties: rewriteAll(fields, rename),
    };
  }
  return {
    form: {
      type: 'object',
      title: items.length === 1 ? (formOf(items[0]!).title ?? items[0]!.name) : '一表申请',
      properties,
    },
    provenance,
    sections,
    materials: mergeMaterials(items, (item, condition) =>
      rewrite(condition, locals.find((l) => l.item.code === item.code)!.rename),
    ),
    conflicts,
  };
}

/** The data each item receives from a submission of the merged form: the shared fields under each item's own keys. */
export function fanOut(
  items: readonly Item[],
  data: Record<string, unknown>,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const item of items) {
    const own: Record<string, unknown> = {
      ...((data[sectionKey(codeOf(item))] as Record<string, unknown> | undefined) ?? {}),
    };
    const place = (fields: FormFields, target: Record<string, unknown>) => {
      for (const [key, field] of Object.entries(fields)) {
        if (field.type === 'void') place(field.properties ?? {}, target);
        else if (field['x-data-element'] && data[field['x-data-element']] !== undefined)
          target[key] = data[field['x-data-element']];
      }
    };
    place(formOf(item).properties, own);
    out[codeOf(item)] = own;
  }
  return out;
}
