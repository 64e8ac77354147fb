import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { codeLabel } from './codeLists';
import type { ValidationIssue } from './generated/types';

export type Locale = 'zh-CN' | 'en';

const FORMAT_NAMES_EN: Record<string, string> = {
  'cn-id-card': 'citizen ID number',
  'cn-uscc': 'unified social credit code',
  'cn-division-code': 'administrative division code',
  'cn-mobile': 'mobile number',
  'cn-phone': 'phone number with area code',
  'cn-service-phone': 'phone number (a local number may omit the area code)',
  'cn-postcode': 'postcode',
  date: 'date (YYYY-MM-DD)',
  email: 'e-mail address',
  uri: 'web address',
};

function formatName(format: string, locale: Locale): string {
  if (locale === 'en') return FORMAT_NAMES_EN[format] ?? format;
  if (format === 'uri') return '网址';
  if (format === 'cn-service-phone') return '电话号码';
  return codeLabel('FieldFormat', format) ?? format;
}

/** Labels of an enum that carries x-labels, so the message lists 行政许可、行政处罚… rather than 01, 02… */
function allowedValues(error: ErrorObject, locale: Locale): string | undefined {
  const labels = (error.parentSchema as { 'x-labels'?: Record<string, string> } | undefined)?.['x-labels'];
  const values = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
  if (values.length === 0 || values.length > 20) return undefined;
  // The labels are zh: an English message lists the codes alone.
  const shown = values.map((v) =>
    labels?.[String(v)] && locale !== 'en' ? `${String(v)}（${labels[String(v)]}）` : JSON.stringify(v),
  );
  return locale === 'en' ? `must be one of: ${shown.join(', ')}` : `应为以下之一：${shown.join('、')}`;
}

function message(error: ErrorObject, locale: Locale): string {
  const en = locale === 'en';
  switch (error.keyword) {
    case 'required':
      return en ? 'is required' : '必须填写';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return en ? 'is not a known field' : '不是允许的字段';
    case 'format': {
      const name = formatName(String(error.params.format), locale);
      return en ? `is not a valid ${name}` : `不是有效的${name}`;
    }
    case 'enum':
      return allowedValues(error, locale) ?? error.message ?? '';
    case 'const':
      if (error.instancePath === '/schemaVersion') {
        const expected = String((error.params as { allowedValue?: unknown }).allowedValue);
        return en
          ? `must be schema version ${expected}; migrate older documents first (migrateDocument)`
          : `模型版本应为 ${expected}；版本 ${String(error.data)} 的文档须先经迁移（migrateDocument）再校验`;
      }
      return error.message ?? '';
    case 'anyOf':
      return en ? 'does not match any of the allowed forms' : '不符合任何一种允许的写法';
    case 'pattern':
      // The model's web addresses (format uri) are held to http(s) by a pattern.
      if ((error.parentSchema as { format?: unknown } | undefined)?.format === 'uri')
        return en ? 'must start with http:// or https://' : '网址须以 http:// 或 https:// 开头';
      return error.message ?? '';
    case 'not': {
      // The names a field may not have (constructor, __proto__, prototype).
      const refused = (error.schema as { enum?: unknown[] } | undefined)?.enum;
      if (refused) return en ? `must not be ${refused.join(', ')}` : `不能使用 ${refused.join('、')}`;
      return error.message ?? '';
    }
    default:
      return error.message ?? error.keyword;
  }
}

/** The pointer of the value a person has to fix (for a missing or unknown field, that field itself). */
function pointer(error: ErrorObject): string {
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    unevaluatedProperty?: string;
  };
  // A refused property name (propertyNames) is pointed at as the property itself.
  const property =
    params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty ?? error.propertyName;
  return property === undefined
    ? error.instancePath
    : `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Ajv errors as issues a person can act on: one per path and message, zh-CN (or English). Where an `anyOf`
 * failed, the errors of its alternatives are noise; only the anyOf's own error is kept.
 */
export function toIssues(
  errors: readonly ErrorObject[] | null | undefined,
  locale: Locale = 'zh-CN',
): ValidationIssue[] {
  if (!errors || errors.length === 0) return [];
  const localized = errors.map((e) => ({ ...e }));
  (locale === 'en' ? localizeEn : localizeZh)(localized);
  const anyOfPaths = localized.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const insideAnyOf = (e: ErrorObject) =>
    e.keyword !== 'anyOf' &&
    anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of localized) {
    // An `if` that failed only chose its branch; `propertyNames` wraps the error that says what is wrong.
    if (insideAnyOf(error) || error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    const issue = { path: pointer(error), message: message(error, locale) };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
