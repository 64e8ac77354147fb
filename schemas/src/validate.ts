import type { ValidateFunction } from 'ajv';
import type { Ajv } from './ajv';
import { createAjv } from './ajv';
import { areaCodeOf } from './areaCodes';
import { conditionFields } from './condition';
import { formFieldEntries } from './formFields';
import { isLocalNumber } from './formats/phone';
import type {
  BaseItem,
  Bundle,
  Contact,
  Item,
  ItemImplementation,
  ProcessRoute,
  ProcessStep,
  TimeLimit,
  ValidationIssue,
} from './generated/types';
import { exceedsLimit } from './timeLimit';
import type { Locale } from './messages';
import { toIssues } from './messages';
import { SCHEMA_IDS } from './schemaFiles';
import { structureIssues } from './structure';

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

export type ItemDocument = BaseItem | ItemImplementation | Item;
export type DocumentKind = 'base-item' | 'implementation' | 'item' | 'bundle' | 'material' | 'data-element';

const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'base-item',
  'implementation',
  'item',
  'bundle',
  'material',
  'data-element',
];
const ITEM_KINDS: readonly DocumentKind[] = ['base-item', 'implementation', 'item'];

let sharedAjv: Ajv | undefined;
const compiled = new Map<DocumentKind, ValidateFunction>();

/** Validators are compiled once per process: compiling is the expensive part and the schemas never change. */
function validatorFor(kind: DocumentKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    sharedAjv ??= createAjv();
    validate = sharedAjv.getSchema(SCHEMA_IDS[kind]);
    if (!validate) throw new Error(`schema ${SCHEMA_IDS[kind]} is not registered`);
    compiled.set(kind, validate);
  }
  return validate;
}

function kindOf(doc: unknown): unknown {
  return doc !== null && typeof doc === 'object' ? (doc as { kind?: unknown }).kind : undefined;
}

function kindIssue(allowed: readonly DocumentKind[], locale: Locale): ValidationIssue {
  return {
    path: '/kind',
    message:
      locale === 'en'
        ? `must be one of: ${allowed.join(', ')}`
        : `文档类型（kind）应为以下之一：${allowed.join('、')}`,
  };
}

function duplicates<T>(values: readonly T[]): Set<T> {
  const seen = new Set<T>();
  const repeated = new Set<T>();
  for (const v of values) (seen.has(v) ? repeated : seen).add(v);
  return repeated;
}

/** What JSON Schema cannot say about a process: unique step ids, and transitions that lead to real steps. */
function processIssues(process: readonly ProcessStep[], prefix: string, en: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set(process.map((s) => s.id));
  const repeated = duplicates(process.map((s) => s.id));
  process.forEach((step, i) => {
    if (repeated.has(step.id))
      issues.push({
        path: `${prefix}/${i}/id`,
        message: en ? `step id "${step.id}" is used twice` : `环节编号 ${step.id} 重复`,
      });
    (step.next ?? []).forEach((to, j) => {
      if (!ids.has(to))
        issues.push({
          path: `${prefix}/${i}/next/${j}`,
          message: en ? `no step "${to}"` : `不存在环节 ${to}`,
        });
    });
    (step.branches ?? []).forEach((branch, j) => {
      if (branch.to !== undefined && !ids.has(branch.to))
        issues.push({
          path: `${prefix}/${i}/branches/${j}/to`,
          message: en ? `no step "${branch.to}"` : `不存在环节 ${branch.to}`,
        });
    });
  });
  return issues;
}

/** Each process route has its own id and passes through steps of the process. */
function routeIssues(
  routes: readonly ProcessRoute[],
  process: readonly ProcessStep[],
  en: boolean,
): ValidationIssue[] {
  const ids = new Set(process.map((s) => s.id));
  const repeated = duplicates(routes.map((r) => r.id));
  return routes.flatMap((route, i) => [
    ...(repeated.has(route.id)
      ? [
          {
            path: `/processRoutes/${i}/id`,
            message: en ? `route id "${route.id}" is used twice` : `路径编号 ${route.id} 重复`,
          },
        ]
      : []),
    ...route.steps.flatMap((step, j) =>
      ids.has(step)
        ? []
        : [
            {
              path: `/processRoutes/${i}/steps/${j}`,
              message: en ? `no step "${step}"` : `不存在环节 ${step}`,
            },
          ],
    ),
  ]);
}

/** A limit states a figure (value and unit), or none (即办、法律未规定), or only words — never a mixture. */
function timeLimitIssues(limit: TimeLimit | undefined, path: string, en: boolean): ValidationIssue[] {
  if (!limit) return [];
  const issues: ValidationIssue[] = [];
  const issue = (at: string, zh: string, english: string) =>
    issues.push({ path: `${path}${at}`, message: en ? english : zh });
  if ((limit.value === undefined) !== (limit.unit === undefined))
    issue(
      limit.value === undefined ? '/value' : '/unit',
      '时限的数值和单位须同时填写',
      'value and unit go together',
    );
  if (limit.none !== undefined && (limit.value !== undefined || limit.extension !== undefined))
    issue(
      '/none',
      '写明了没有天数的时限（即办、法律未规定），就不能再写天数或延长',
      'a limit without days has no value or extension',
    );
  if (limit.extension && limit.none === undefined && limit.value === undefined)
    issue('/extension', '延长须基于一个写明天数的时限', 'an extension extends a limit with a value');
  if (
    limit.extension?.mode === 'to' &&
    limit.value !== undefined &&
    limit.unit !== undefined &&
    !exceedsLimit({ value: limit.extension.value, unit: limit.extension.unit }, limit)
  )
    issue(
      '/extension/value',
      '“可延长至”的时限应长于原时限',
      'an extension "to" must be longer than the limit',
    );
  return issues;
}

/** Every time limit a document holds, with its JSON pointer. */
function timeLimits(doc: ItemDocument): [TimeLimit | undefined, string][] {
  const catalogue = doc as Partial<BaseItem>;
  const local = doc as Partial<ItemImplementation>;
  return [
    [catalogue.statutoryLimit, '/statutoryLimit'],
    [local.promisedLimit, '/promisedLimit'],
    [local.handlingLimit, '/handlingLimit'],
    ...(catalogue.specialProcedures ?? []).map((p, i): [TimeLimit | undefined, string] => [
      p.timeLimit,
      `/specialProcedures/${i}/timeLimit`,
    ]),
    ...(catalogue.process ?? []).flatMap((step, i): [TimeLimit | undefined, string][] => [
      [step.timeLimit, `/process/${i}/timeLimit`],
      ...(step.branches ?? []).map((b, j): [TimeLimit | undefined, string] => [
        b.timeLimit,
        `/process/${i}/branches/${j}/timeLimit`,
      ]),
    ]),
  ];
}

/** A contact says how to reach someone; a local number needs an area code the region makes known. */
function contactIssues(contacts: readonly Contact[], regionCode: string | undefined, en: boolean) {
  const issues: ValidationIssue[] = [];
  contacts.forEach((c, i) => {
    if (c.phone === undefined && c.channel === undefined)
      issues.push({
        path: `/contacts/${i}`,
        message: en ? 'a phone or another channel' : '须写明电话或其他联系途径',
      });
    if (c.phone !== undefined && isLocalNumber(c.phone) && areaCodeOf(regionCode) === undefined)
      issues.push({
        path: `/contacts/${i}/phone`,
        message: en
          ? `${c.phone} has no area code and the region's is unknown`
          : `电话 ${c.phone} 没有区号，所在地区号未知，请写明区号（如 0566-8063801）`,
      });
  });
  return issues;
}

/** Referential integrity and coherence inside one item document, after it matched its schema. */
function itemIntegrityIssues(doc: ItemDocument, en: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [limit, path] of timeLimits(doc)) issues.push(...timeLimitIssues(limit, path, en));
  if (doc.kind !== 'base-item') issues.push(...contactIssues(doc.contacts ?? [], doc.regionCode, en));
  const materialCodes = doc.materials.map((m) => m.material);
  const repeated = duplicates(materialCodes);
  materialCodes.forEach((code, i) => {
    if (repeated.has(code))
      issues.push({
        path: `/materials/${i}/material`,
        message: en ? `material ${code} is listed twice` : `材料 ${code} 重复列出`,
      });
  });
  if (doc.kind === 'implementation') return issues;
  issues.push(...processIssues(doc.process ?? [], '/process', en));
  issues.push(...routeIssues(doc.processRoutes ?? [], doc.process ?? [], en));
  if (!doc.form) return issues;
  const fields = formFieldEntries(doc.form, '/form');
  const paths = new Set(fields.map((f) => f.path));
  for (const { field, pointer } of fields) {
    for (const path of field['x-visible-when'] ? conditionFields(field['x-visible-when']) : []) {
      if (!paths.has(path))
        issues.push({
          path: `${pointer}/x-visible-when`,
          message: en ? `no form field "${path}"` : `条件引用的字段 ${path} 不存在`,
        });
    }
  }
  return issues;
}

function bundleIntegrityIssues(bundle: Bundle, en: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const questionIds = new Set(bundle.questions.map((q) => q.id));
  const checkCondition = (condition: Parameters<typeof conditionFields>[0] | undefined, path: string) => {
    for (const field of condition ? conditionFields(condition) : []) {
      if (!questionIds.has(field))
        issues.push({ path, message: en ? `no question "${field}"` : `情形问题 ${field} 不存在` });
    }
  };
  bundle.questions.forEach((q, i) => {
    if (q.type !== 'boolean' && !q.options)
      issues.push({
        path: `/questions/${i}/options`,
        message: en ? 'a choice needs options' : '选择题必须列出选项',
      });
  });
  const repeatedItems = duplicates(bundle.items.map((i) => i.itemCode));
  bundle.items.forEach((item, i) => {
    if (repeatedItems.has(item.itemCode))
      issues.push({
        path: `/items/${i}/itemCode`,
        message: en ? `item ${item.itemCode} is listed twice` : `事项 ${item.itemCode} 重复列出`,
      });
    checkCondition(item.when, `/items/${i}/when`);
  });
  (bundle.materialRules ?? []).forEach((rule, i) => checkCondition(rule.when, `/materialRules/${i}/when`));
  return issues;
}

function result(errors: ValidationIssue[]): ValidationResult {
  return { valid: errors.length === 0, errors };
}

function validateAs(kind: DocumentKind, doc: unknown, locale: Locale): ValidationResult {
  // Depth first: the validator and the integrity checks recurse, and must never meet a document that would
  // overflow the stack.
  const tooDeep = structureIssues(doc, locale);
  if (tooDeep.length > 0) return result(tooDeep);
  const validate = validatorFor(kind);
  if (!validate(doc)) return result(toIssues(validate.errors, locale));
  const en = locale === 'en';
  if (kind === 'bundle') return result(bundleIntegrityIssues(doc as Bundle, en));
  if (ITEM_KINDS.includes(kind)) return result(itemIntegrityIssues(doc as ItemDocument, en));
  return result([]);
}

/** Validates a base item, an implementation or a resolved item, chosen by its `kind`. */
export function validateItem(doc: unknown, locale: Locale = 'zh-CN'): ValidationResult {
  const kind = kindOf(doc);
  if (!ITEM_KINDS.includes(kind as DocumentKind)) return result([kindIssue(ITEM_KINDS, locale)]);
  return validateAs(kind as DocumentKind, doc, locale);
}

export function validateBundle(doc: unknown, locale: Locale = 'zh-CN'): ValidationResult {
  if (kindOf(doc) !== 'bundle') return result([kindIssue(['bundle'], locale)]);
  return validateAs('bundle', doc, locale);
}

/** Validates any OneSeal document that carries a `kind`: items, implementations, bundles, materials, data elements. */
export function validateDocument(doc: unknown, locale: Locale = 'zh-CN'): ValidationResult {
  const kind = kindOf(doc);
  if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) return result([kindIssue(DOCUMENT_KINDS, locale)]);
  return validateAs(kind as DocumentKind, doc, locale);
}
