// The form designer's edits as pure functions over an ItemForm: no React, no browser, so jest runs them in node.
// A field is addressed by its path of keys from the root (sections and steps included); a container's children
// are its `properties`, a repeating table's are the `properties` of its row (`items`).
import type {
  Condition,
  DataElement,
  FieldComponent,
  FormField,
  FormFields,
  ItemForm,
} from '@oneseal/schemas';
import { FIELD_TYPES, fieldTypeLabel } from '@oneseal/schemas';
import { bindDataElement, createField, FIELD_KEY, GENERATED_KEY, keyStem } from './fields';

export type FieldPath = readonly string[];

/** A container's children: a section's or object's properties, a table's row columns; undefined for a leaf. */
export function childrenOf(field: FormField): FormFields | undefined {
  if (field.type === 'array') return field.items?.properties;
  return field.properties;
}

export function isContainer(field: FormField): boolean {
  if (field.type === 'array')
    return FIELD_TYPES[field['x-component']].layout === 'rows' || field.items?.type === 'object';
  return field.type === 'void' || field.type === 'object';
}

function withChildren(field: FormField, children: FormFields): FormField {
  if (field.type === 'array') {
    const row: FormField = field.items ?? { type: 'object', title: '每行', 'x-component': 'section' };
    return { ...field, items: { ...row, properties: children } };
  }
  return { ...field, properties: children };
}

/** Entries in the order the renderer shows them: by x-index when every field has one, else as written. */
export function orderedEntries(fields: FormFields): [string, FormField][] {
  const entries = Object.entries(fields);
  if (entries.length > 0 && entries.every(([, f]) => f['x-index'] !== undefined))
    return [...entries].sort(([, a], [, b]) => (a['x-index'] ?? 0) - (b['x-index'] ?? 0));
  return entries;
}

/** Children of the container at `path` ([] is the form itself), or undefined when there is no such container. */
export function fieldsAt(form: ItemForm, path: FieldPath): FormFields | undefined {
  let fields: FormFields | undefined = form.properties;
  for (const key of path) {
    const field: FormField | undefined = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
    fields = field ? childrenOf(field) : undefined;
    if (!fields) return undefined;
  }
  return fields;
}

export function getField(form: ItemForm, path: FieldPath): FormField | undefined {
  if (path.length === 0) return undefined;
  const fields = fieldsAt(form, path.slice(0, -1));
  const key = path[path.length - 1]!;
  return fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
}

export const samePath = (a: FieldPath | undefined, b: FieldPath | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((k, i) => k === b[i]);

/** Whether `path` is `ancestor` or lies inside it. */
export const isWithin = (path: FieldPath, ancestor: FieldPath) =>
  ancestor.length <= path.length && ancestor.every((k, i) => path[i] === k);

// ---------------------------------------------------------------------------------------------------------------
// Data paths and key scopes

/**
 * The dotted path of a field's answer in the submitted data (sections and steps add no level), or undefined for a
 * column of a repeating table, whose answers live in rows and cannot be named from outside.
 */
export function dataPath(form: ItemForm, path: FieldPath): string | undefined {
  const segments: string[] = [];
  let fields: FormFields | undefined = form.properties;
  for (const [i, key] of path.entries()) {
    const field = fields?.[key];
    if (!field) return undefined;
    const last = i === path.length - 1;
    if (field.type !== 'void') segments.push(key);
    if (!last && field.type === 'array') return undefined;
    fields = childrenOf(field);
  }
  return segments.join('.');
}

/**
 * The container whose data object holds the answers of the fields in `container`: the nearest enclosing object or
 * table row, or the form ([]). Keys must be unique within it, sections and steps included, since they add no level.
 */
export function scopeRoot(form: ItemForm, container: FieldPath): FieldPath {
  for (let n = container.length; n > 0; n--) {
    const field = getField(form, container.slice(0, n));
    if (field && field.type !== 'void') return container.slice(0, n);
  }
  return [];
}

/** Every key in the data scope of `container`, with the path of the field that holds it. */
export function scopeKeys(form: ItemForm, container: FieldPath): Map<string, FieldPath> {
  const root = scopeRoot(form, container);
  const keys = new Map<string, FieldPath>();
  const walk = (fields: FormFields, at: FieldPath) => {
    for (const [key, field] of Object.entries(fields)) {
      const path = [...at, key];
      if (!keys.has(key)) keys.set(key, path);
      if (field.type === 'void' && field.properties) walk(field.properties, path);
    }
  };
  walk(fieldsAt(form, root) ?? {}, root);
  return keys;
}

/** `stem_1`, `stem_2`…, or `stem` itself when asked for it exactly: the first key free in the scope. */
export function uniqueKey(form: ItemForm, container: FieldPath, stem: string, exact = false): string {
  const taken = scopeKeys(form, container);
  if (exact && !taken.has(stem)) return stem;
  for (let n = 1; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

/** Why `key` cannot name the field at `path`, in Chinese, or undefined when it can. */
export function keyProblem(form: ItemForm, path: FieldPath, key: string): string | undefined {
  if (!key) return '请填写字段名';
  if (!FIELD_KEY.test(key)) return '字段名以字母或下划线开头，只含字母、数字、下划线，最长 64 个字符';
  const holder = scopeKeys(form, path.slice(0, -1)).get(key);
  if (holder && !samePath(holder, path))
    return `字段名 ${key} 已被“${getField(form, holder)?.title ?? key}”使用`;
  return undefined;
}

/** A value-carrying field a visibility condition can read. */
export interface ConditionTarget {
  path: FieldPath;
  dataPath: string;
  field: FormField;
}

/** Every field a condition can name: answers outside repeating tables, in form order. */
export function conditionTargets(form: ItemForm): ConditionTarget[] {
  const out: ConditionTarget[] = [];
  const walk = (fields: FormFields, at: FieldPath, prefix: string) => {
    for (const [key, field] of orderedEntries(fields)) {
      const path = [...at, key];
      const data = field.type === 'void' ? prefix : prefix ? `${prefix}.${key}` : key;
      if (field.type !== 'void') out.push({ path, dataPath: data, field });
      if (field.type !== 'array' && field.properties) walk(field.properties, path, data);
    }
  };
  walk(form.properties, [], '');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Editing the tree (every function returns a new form and leaves its argument untouched)

/** Replaces the children of the container at `path` with what `edit` makes of them. */
function editChildren(form: ItemForm, path: FieldPath, edit: (fields: FormFields) => FormFields): ItemForm {
  const rebuild = (fields: FormFields, rest: FieldPath): FormFields => {
    if (rest.length === 0) return edit(fields);
    const [key, ...below] = rest as [string, ...string[]];
    const field = fields[key];
    if (!field || !isContainer(field)) throw new Error(`no container at ${path.join('/')}`);
    return { ...fields, [key]: withChildren(field, rebuild(childrenOf(field) ?? {}, below)) };
  };
  return { ...form, properties: rebuild(form.properties, path) };
}

/** Rebuilds an object from ordered entries, renumbering x-index where the fields carry one. */
function fromEntries(entries: [string, FormField][]): FormFields {
  const indexed = entries.some(([, f]) => f['x-index'] !== undefined);
  return Object.fromEntries(entries.map(([k, f], i) => [k, indexed ? { ...f, 'x-index': i } : f]));
}

/** Why `field` may not go into the container at `container`, or undefined when it may. */
export function placementProblem(form: ItemForm, container: FieldPath, field: FormField): string | undefined {
  const { placement } = FIELD_TYPES[field['x-component']];
  if (container.length === 0) return undefined;
  const parent = getField(form, container);
  if (!parent || !isContainer(parent)) return '只能放入分组、分步或重复表格';
  if (placement === 'top') return `${fieldTypeLabel(field['x-component'])}只能放在表单最外层`;
  if (parent.type === 'array' && (isContainer(field) || placement === 'outside-rows'))
    return '重复表格的列只能是简单字段';
  return undefined;
}

export function insertField(
  form: ItemForm,
  container: FieldPath,
  index: number,
  key: string,
  field: FormField,
): ItemForm {
  return editChildren(form, container, (fields) => {
    const entries = orderedEntries(fields).filter(([k]) => k !== key);
    entries.splice(Math.max(0, Math.min(index, entries.length)), 0, [key, field]);
    return fromEntries(entries);
  });
}

/** Adds a new field of `component` at `index` of `container` (the end when omitted); answers the form and its path. */
export function addField(
  form: ItemForm,
  container: FieldPath,
  component: FieldComponent,
  index = Number.MAX_SAFE_INTEGER,
): { form: ItemForm; path: FieldPath } {
  const key = uniqueKey(form, container, keyStem(component));
  return {
    form: insertField(form, container, index, key, createField(component)),
    path: [...container, key],
  };
}

export function removeField(form: ItemForm, path: FieldPath): ItemForm {
  const key = path[path.length - 1];
  if (key === undefined) return form;
  return editChildren(form, path.slice(0, -1), (fields) =>
    fromEntries(orderedEntries(fields).filter(([k]) => k !== key)),
  );
}

export function updateField(
  form: ItemForm,
  path: FieldPath,
  update: (field: FormField) => FormField,
): ItemForm {
  const key = path[path.length - 1];
  if (key === undefined) return form;
  return editChildren(form, path.slice(0, -1), (fields) => {
    const field = fields[key];
    return field ? { ...fields, [key]: update(field) } : fields;
  });
}

/** A condition with every reference to `from` (or a field inside it) pointed at `to`. */
export function renameInCondition(condition: Condition, from: string, to: string): Condition {
  if ('all' in condition)
    return { all: condition.all.map((c) => renameInCondition(c, from, to)) as [Condition, ...Condition[]] };
  if ('any' in condition)
    return { any: condition.any.map((c) => renameInCondition(c, from, to)) as [Condition, ...Condition[]] };
  if ('not' in condition) return { not: renameInCondition(condition.not, from, to) };
  if (condition.field === from) return { ...condition, field: to };
  if (condition.field.startsWith(`${from}.`))
    return { ...condition, field: to + condition.field.slice(from.length) };
  return condition;
}

/** Every field's visibility condition rewritten to read `to` where it read `from`. */
function renameReferences(form: ItemForm, from: string | undefined, to: string | undefined): ItemForm {
  if (from === undefined || to === undefined || from === to || from === '') return form;
  const walk = (fields: FormFields): FormFields =>
    Object.fromEntries(
      Object.entries(fields).map(([key, field]) => {
        let next = field;
        const when = field['x-visible-when'];
        if (when) {
          const renamed = renameInCondition(when, from, to);
          if (renamed !== when) next = { ...next, 'x-visible-when': renamed };
        }
        const children = childrenOf(next);
        if (children) next = withChildren(next, walk(children));
        return [key, next];
      }),
    );
  return { ...form, properties: walk(form.properties) };
}

/** Renames the field at `path` in place (same position), and the conditions that read it. */
export function renameField(
  form: ItemForm,
  path: FieldPath,
  key: string,
): { form: ItemForm; path: FieldPath } {
  const old = path[path.length - 1];
  if (old === undefined || old === key) return { form, path };
  const container = path.slice(0, -1);
  if (Object.hasOwn(fieldsAt(form, container) ?? {}, key)) return { form, path };
  const next = [...container, key];
  const from = dataPath(form, path);
  let edited = editChildren(form, container, (fields) =>
    Object.fromEntries(orderedEntries(fields).map(([k, f]) => [k === old ? key : k, f])),
  );
  edited = renameReferences(edited, from, dataPath(edited, next));
  return { form: edited, path: next };
}

/**
 * Moves the field at `from` to position `index` of `container`, where `index` counts the container's children as
 * they stand before the move. A key taken in the new scope gets a fresh one; conditions follow the field.
 * Answers the form unchanged when the move is impossible (into itself, or where the field may not go).
 */
export function moveField(
  form: ItemForm,
  from: FieldPath,
  container: FieldPath,
  index: number,
): { form: ItemForm; path: FieldPath } {
  const field = getField(form, from);
  const key = from[from.length - 1];
  if (!field || key === undefined || isWithin(container, from)) return { form, path: from };
  if (placementProblem(form, container, field)) return { form, path: from };
  const parent = from.slice(0, -1);
  let target = index;
  if (samePath(parent, container)) {
    const position = orderedEntries(fieldsAt(form, parent) ?? {}).findIndex(([k]) => k === key);
    if (position < target) target -= 1;
    if (position === target) return { form, path: from };
  }
  const oldData = dataPath(form, from);
  let edited = removeField(form, from);
  const newKey = scopeKeys(edited, container).has(key)
    ? uniqueKey(edited, container, key.replace(/_\d+$/, ''))
    : key;
  edited = insertField(edited, container, target, newKey, field);
  const path = [...container, newKey];
  return { form: renameReferences(edited, oldData, dataPath(edited, path)), path };
}

/** A copy of the field right after it, under a fresh key (and fresh keys for what it holds, where they clash). */
export function duplicateField(form: ItemForm, path: FieldPath): { form: ItemForm; path: FieldPath } {
  const field = getField(form, path);
  const key = path[path.length - 1];
  if (!field || key === undefined) return { form, path };
  const container = path.slice(0, -1);
  const taken = new Set(scopeKeys(form, container).keys());
  const fresh = (stem: string) => {
    const base = stem.replace(/_\d+$/, '');
    let n = 1;
    while (taken.has(`${base}_${n}`)) n++;
    taken.add(`${base}_${n}`);
    return `${base}_${n}`;
  };
  // Sections and steps share their parent's scope: their children's keys must be fresh as well, and conditions
  // inside the copy read the copied answers. Two fields bound to one data element would ask the same thing twice.
  const scope = dataPath(form, scopeRoot(form, container)) ?? '';
  const renames: [string, string][] = [];
  const copy = (f: FormField): FormField => {
    const next: FormField = { ...f };
    delete next['x-data-element'];
    if (f.type !== 'void' || !f.properties) return next;
    next.properties = Object.fromEntries(
      Object.entries(f.properties).map(([k, child]) => {
        const renamed = fresh(k);
        if (child.type !== 'void') renames.push([k, renamed]);
        return [renamed, copy(child)];
      }),
    );
    return next;
  };
  const reread = (f: FormField): FormField => {
    let next = f;
    const when = f['x-visible-when'];
    if (when) {
      const at = (k: string) => (scope ? `${scope}.${k}` : k);
      const rewritten = renames.reduce((c, [from, to]) => renameInCondition(c, at(from), at(to)), when);
      next = { ...next, 'x-visible-when': rewritten };
    }
    const children = childrenOf(next);
    return children
      ? withChildren(next, Object.fromEntries(Object.entries(children).map(([k, c]) => [k, reread(c)])))
      : next;
  };
  const newKey = fresh(key);
  if (field.type !== 'void') renames.push([key, newKey]);
  const position = orderedEntries(fieldsAt(form, container) ?? {}).findIndex(([k]) => k === key);
  const duplicate: FormField = { ...copy(field), title: `${field.title}（副本）`.slice(0, 200) };
  const result = reread(duplicate);
  return {
    form: insertField(form, container, position + 1, newKey, result),
    path: [...container, newKey],
  };
}

/**
 * Binds the field at `path` to `element`; a key the designer made up becomes the element's code (the name the
 * answer has in a one-table application) when that code is free in its scope.
 */
export function bindField(
  form: ItemForm,
  path: FieldPath,
  element: DataElement,
): { form: ItemForm; path: FieldPath } {
  const field = getField(form, path);
  const key = path[path.length - 1];
  if (!field || key === undefined) return { form, path };
  const bound = updateField(form, path, (f) => bindDataElement(f, element));
  const previous = field['x-data-element'];
  const replaceable = GENERATED_KEY.test(key) || (previous !== undefined && key === previous);
  if (replaceable && key !== element.code && !keyProblem(bound, path, element.code))
    return renameField(bound, path, element.code);
  return { form: bound, path };
}
