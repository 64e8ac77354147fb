import { assessCompleteness } from '../completeness';
import type { BaseItem, Completeness, ItemImplementation, ValidationIssue } from '../generated/types';
import type { Locale } from '../messages';
import { isCatalogueKey, resolveItem } from '../resolve';
import { validateItem } from '../validate';
import { CONFORMANCE_RULES } from './conformance';
import { QUALITY_RULES } from './quality';
import type { Finding, Rule } from './rule';
import { basePath } from './rule';

export type { Rule, Severity } from './rule';

/** Every rule `checkItem` applies, conformance first. */
export const RULES: readonly Rule[] = [...CONFORMANCE_RULES, ...QUALITY_RULES];

/**
 * Checks one township's implementation against its base item: (a) conformance, (b) quality. Expects both
 * documents to be schema-valid (`validateItem`); errors block publishing, warnings are shown to the editor.
 */
export function checkItem(
  implementation: ItemImplementation,
  baseItem: BaseItem,
  rules: readonly Rule[] = RULES,
): Finding[] {
  return rules.flatMap((rule) =>
    rule
      .check(implementation, baseItem)
      .map((v) => ({ rule: rule.id, severity: rule.severity, path: v.path, message: v.message })),
  );
}

/**
 * The completeness of a township's entry as the public would see it (base item and implementation merged).
 * Elements of the base catalogue are reported at /base/…, as findings name them. Materials not in the base
 * item are a conformance error already and are left out here.
 */
export function implementationCompleteness(
  implementation: ItemImplementation,
  baseItem: BaseItem,
): Completeness {
  const standard = new Set(baseItem.materials.map((m) => m.material));
  const item = resolveItem(
    baseItem,
    {
      ...implementation,
      baseCode: baseItem.code,
      materials: implementation.materials.filter((m) => standard.has(m.material)),
    },
    { regionName: implementation.regionCode, materialName: (code) => code },
  );
  const completeness = assessCompleteness(item);
  return {
    ...completeness,
    missing: completeness.missing.map((m) => ({
      ...m,
      path: isCatalogueKey(m.path.slice(1)) ? basePath(m.path) : m.path,
    })),
  };
}

/**
 * Everything that stands between an implementation and publication: schema errors first (the rules expect a
 * schema-valid document), otherwise the rules' errors; every finding, warnings included, for the editor. The API
 * blocks on `errors`; the designer shows the same list live as the editor types, with the completeness score
 * and the elements still unstated (warnings, never errors) once the draft is schema-valid.
 */
export function assessImplementation(
  implementation: ItemImplementation,
  baseItem: BaseItem,
  locale: Locale = 'zh-CN',
): { errors: ValidationIssue[]; findings: Finding[]; completeness?: Completeness } {
  const validation = validateItem(implementation, locale);
  if (!validation.valid) return { errors: validation.errors, findings: [] };
  const findings = checkItem(implementation, baseItem);
  return {
    errors: findings.filter((f) => f.severity === 'error').map(({ path, message }) => ({ path, message })),
    findings,
    completeness: implementationCompleteness(implementation, baseItem),
  };
}
