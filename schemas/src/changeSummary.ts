import type { BaseItem, ItemImplementation } from './generated/types';
import type { JsonSchemaObject } from './schemaFiles';
import { schemaFile } from './schemaFiles';
import { SERVER_OWNED_PROPERTIES } from './serverOwned';

/** One labelled change between two versions of an implementation, as the change feed and the review print it. */
export interface ChangeLine {
  /** The element's zh title from the schema (承诺办结时限), with its list entry when it is inside one. */
  label: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** The whole line: `承诺办结时限：9 个工作日 → 7 个工作日`, `新增申请材料：居民户口簿`. */
  text: string;
}

export interface ChangeSummaryOptions {
  /** Name of a library material, for selections that carry only its code (an implementation's materials). */
  materialName?: (code: string) => string | undefined;
}

/** A schema node together with the file its relative `$ref`s are read against. */
interface Located {
  node: JsonSchemaObject;
  file: string;
}

const UNSTATED = '（未载明）';
const MAX_TEXT = 60;

function follow(ref: string, file: string): Located {
  const [target, pointer] = ref.split('#');
  const targetFile = target || file;
  let node = schemaFile(targetFile);
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = node[part] as JsonSchemaObject;
  return { node, file: targetFile };
}

/** The definition a node stands for: its `$ref` followed to the end (the node's own title stays the label). */
function deref(at: Located): Located {
  let current = at;
  while (typeof current.node.$ref === 'string') current = follow(current.node.$ref, current.file);
  return current;
}

/** Every property an object schema declares, its own and those of the groups it includes (`allOf`). */
function propertiesOf(at: Located): [string, Located][] {
  const own = Object.entries(at.node.properties ?? {}).map(([key, node]): [string, Located] => [
    key,
    { node, file: at.file },
  ]);
  const included = ((at.node.allOf as JsonSchemaObject[] | undefined) ?? []).flatMap((part) =>
    propertiesOf(deref({ node: part, file: at.file })),
  );
  const seen = new Set<string>();
  // A property declared twice (regionCode in the item and in LocalFields) is summarised once.
  return [...own, ...included].filter(([key]) => !seen.has(key) && seen.add(key) !== undefined);
}

const titleOf = (node: JsonSchemaObject): string | undefined =>
  typeof node.title === 'string' ? node.title : undefined;
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function codeText(def: JsonSchemaObject, value: unknown): string {
  const labels = def['x-labels'] as Record<string, string> | undefined;
  return labels?.[String(value)] ?? String(value);
}

function codeLabelIn(defName: string, value: unknown): string {
  return codeText(schemaFile('codes.schema.json').$defs![defName]!, value);
}

/** "9 个工作日", "即办", "20 个工作日，可延长 10 个工作日（自受理之日起计算）". */
function formatLimit(limit: Record<string, unknown>): string {
  const span = (value: unknown, unit: unknown) => `${String(value)} ${codeLabelIn('TimeUnit', unit)}`;
  const figure = limit.none
    ? codeLabelIn('NoLimit', limit.none)
    : limit.value !== undefined && limit.unit !== undefined
      ? span(limit.value, limit.unit)
      : '';
  const extension = isObject(limit.extension)
    ? `，${codeLabelIn('ExtensionMode', limit.extension.mode)} ${span(limit.extension.value, limit.extension.unit)}`
    : '';
  const note = typeof limit.note === 'string' ? limit.note : '';
  const stated = figure ? `${figure}${extension}` : '';
  return stated && note ? `${stated}（${clip(note)}）` : stated || clip(note);
}

/** "不收费", or "收费：工本费 10 元；证书费（按件收取）". */
function formatFees(fees: Record<string, unknown>): string {
  if (fees.charged !== true) return '不收费';
  const items = Array.isArray(fees.items) ? fees.items.filter(isObject) : [];
  if (items.length === 0) return '收费';
  return `收费：${items.map((fee) => `${String(fee.name)}（${clip(String(fee.standard))}）`).join('；')}`;
}

/** "火化费 240 元（最高）". */
function formatTier(tier: Record<string, unknown>): string {
  const amount =
    tier.amount !== undefined ? ` ${String(tier.amount)} ${String(tier.unit ?? '')}`.trimEnd() : '';
  return `${String(tier.name)}${amount}${tier.upTo === true ? '（最高）' : ''}`;
}

/** Shapes read as one value, however many properties they hold. */
const WHOLE_VALUES: Record<string, (value: Record<string, unknown>) => string> = {
  TimeLimit: formatLimit,
  Fees: formatFees,
  BenefitTier: formatTier,
};

/** A value as the summary prints it: code labels, 是/否, counts with their unit, text clipped. */
function formatValue(at: Located, value: unknown, options: ChangeSummaryOptions): string {
  const own = at.node;
  const def = deref(at);
  const whole = WHOLE_VALUES[titleOf(def.node) ?? ''];
  if (whole && isObject(value)) return whole(value);
  if (def.node.enum) return codeText(def.node, value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    const unit = own['x-unit'] ?? def.node['x-unit'];
    return typeof unit === 'string' ? `${value} ${unit}` : String(value);
  }
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) {
    const items = itemsOf(def);
    return items ? value.map((v) => entryName(items, v, options)).join('、') : '';
  }
  if (isObject(value)) {
    return propertiesOf(def)
      .filter(([key, prop]) => value[key] !== undefined && titleOf(prop.node))
      .map(([key, prop]) => `${titleOf(prop.node)!}：${formatValue(prop, value[key], options)}`)
      .join('；');
  }
  return String(value);
}

function itemsOf(def: Located): Located | undefined {
  const items = def.node.items as JsonSchemaObject | undefined;
  return items ? { node: items, file: def.file } : undefined;
}

/** How entries of a list are told apart, by the title of the entries' definition; other lists compare whole. */
const ENTRY_KEYS: Record<string, (entry: Record<string, unknown>) => string> = {
  ProcessStep: (entry) => String(entry.id),
  BenefitTier: (entry) => String(entry.name),
  SpecialProcedure: (entry) => String(entry.name),
  MaterialSelection: (entry) => String(entry.material),
  MaterialRequirement: (entry) => String(entry.material),
  Faq: (entry) => String(entry.question),
  RiskPoint: (entry) => String(entry.point),
  LegalBasis: (entry) => [entry.law, entry.docNumber, entry.article].filter(Boolean).join(' '),
  Contact: (entry) =>
    [codeLabelIn('ContactKind', entry.kind), entry.phone, entry.channel].filter(Boolean).join(' '),
};

/** What an entry of a list is called in a line: a material by its name, a question by its text, a code by its label. */
function entryName(items: Located, entry: unknown, options: ChangeSummaryOptions): string {
  const def = deref(items);
  if (isObject(entry) && typeof entry.material === 'string')
    return typeof entry.name === 'string'
      ? entry.name
      : (options.materialName?.(entry.material) ?? entry.material);
  if (isObject(entry) && typeof entry.name === 'string') return clip(entry.name);
  const key = ENTRY_KEYS[titleOf(def.node) ?? ''];
  if (key && isObject(entry)) return clip(key(entry));
  return formatValue(items, entry, options);
}

function line(
  label: string,
  before: string | undefined,
  after: string | undefined,
  change: ChangeLine['change'] = 'changed',
): ChangeLine {
  return {
    label,
    change,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    text: `${label}：${before ?? UNSTATED} → ${after ?? UNSTATED}`,
  };
}

function listLines(
  label: string,
  at: Located,
  before: unknown[],
  after: unknown[],
  options: ChangeSummaryOptions,
): ChangeLine[] {
  const items = itemsOf(deref(at));
  if (!items) return [line(label, formatValue(at, before, options), formatValue(at, after, options))];
  const entryDef = deref(items);
  const keyed = ENTRY_KEYS[titleOf(entryDef.node) ?? ''];
  const keyOf = (entry: unknown) => (keyed && isObject(entry) ? keyed(entry) : JSON.stringify(entry));
  const beforeByKey = new Map(before.map((entry) => [keyOf(entry), entry]));
  const afterByKey = new Map(after.map((entry) => [keyOf(entry), entry]));
  const names = (entries: unknown[]) => entries.map((entry) => entryName(items, entry, options)).join('、');
  const added = after.filter((entry) => !beforeByKey.has(keyOf(entry)));
  const removed = before.filter((entry) => !afterByKey.has(keyOf(entry)));
  const out: ChangeLine[] = [];
  if (added.length > 0) {
    const text = names(added);
    out.push({ label, change: 'added', after: text, text: `新增${label}：${text}` });
  }
  if (removed.length > 0) {
    const text = names(removed);
    out.push({ label, change: 'removed', before: text, text: `删除${label}：${text}` });
  }
  // An entry kept in both versions is compared element by element; its place in the list does not count.
  for (const entry of after) {
    const previous = beforeByKey.get(keyOf(entry));
    if (previous === undefined || same(previous, entry) || !isObject(entry) || !isObject(previous)) continue;
    const entryLabel = `${label}“${entryName(items, entry, options)}”`;
    const whole = WHOLE_VALUES[titleOf(entryDef.node) ?? ''];
    if (whole) out.push(line(entryLabel, whole(previous), whole(entry)));
    else out.push(...objectLines(entryLabel, entryDef, previous, entry, options, ''));
  }
  return out;
}

function valueLines(
  label: string,
  at: Located,
  before: unknown,
  after: unknown,
  options: ChangeSummaryOptions,
): ChangeLine[] {
  if (same(before, after)) return [];
  const def = deref(at);
  if (Array.isArray(before ?? []) && Array.isArray(after ?? []) && def.node.type === 'array')
    return listLines(
      label,
      at,
      (before as unknown[] | undefined) ?? [],
      (after as unknown[] | undefined) ?? [],
      options,
    );
  const whole = WHOLE_VALUES[titleOf(def.node) ?? ''];
  if (!whole && isObject(before) && isObject(after))
    return objectLines(label, def, before, after, options, '·');
  const [shownBefore, shownAfter] = [before, after].map((value) =>
    value === undefined ? undefined : formatValue(at, value, options),
  );
  // A change only an untitled part shows (a step's next steps, a form's field) is still a change.
  if (shownBefore === shownAfter) return [{ label, change: 'changed', text: `${label}：已修改` }];
  return [
    line(
      label,
      shownBefore,
      shownAfter,
      before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    ),
  ];
}

/** The changed elements of an object: each titled property, labelled `parent·child` inside a nested object. */
function objectLines(
  parent: string,
  def: Located,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  options: ChangeSummaryOptions,
  joiner: string,
): ChangeLine[] {
  const lines = propertiesOf(def).flatMap(([key, prop]) => {
    const title = titleOf(prop.node);
    // The document's lifecycle is the server's: a change entry states versions and dates apart.
    if (!title || (parent === '' && SERVER_OWNED_PROPERTIES.has(key))) return [];
    return valueLines(`${parent}${parent ? joiner : ''}${title}`, prop, before[key], after[key], options);
  });
  // Inside an element, a change only an untitled part shows (a step's next steps) is still a change.
  if (lines.length === 0 && parent && !same(before, after))
    return [{ label: parent, change: 'changed', text: `${parent}：已修改` }];
  return lines;
}

/**
 * What changed from one version of a township's implementation (or of a base item) to the next, in zh-CN lines labelled with the
 * schema's titles and stated with units (个工作日, 份, 次): changed values as `before → after`, list entries added
 * and removed by name (a material, a question, a contact), never by position, and never a JSON path or key.
 */
export function summarizeChanges(
  before: ItemImplementation | BaseItem,
  after: ItemImplementation | BaseItem,
  options: ChangeSummaryOptions = {},
): ChangeLine[] {
  if (before.kind !== after.kind)
    throw new Error('summarizeChanges compares two versions of one kind of document');
  const file = after.kind === 'base-item' ? 'base-item.schema.json' : 'item-implementation.schema.json';
  const root: Located = { node: schemaFile(file), file };
  return objectLines(
    '',
    root,
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
    options,
    '',
  );
}
