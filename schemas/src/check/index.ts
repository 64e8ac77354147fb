import type { BaseItem, ItemImplementation, ValidationIssue } from '../generated/types';
import type { Locale } from '../messages';
import { validateItem } from '../validate';
import { CONFORMANCE_RULES } from './conformance';
import { QUALITY_RULES } from './quality';
import type { Finding, Rule } from './rule';

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
 * Everything that stands between an implementation and publication: schema errors first (the rules expect a
 * schema-valid document), otherwise the rules' errors; every finding, warnings included, for the editor. The API
 * blocks on `errors`; the designer shows the same list live as the editor types.
 */
export function assessImplementation(
  implementation: ItemImplementation,
  baseItem: BaseItem,
  locale: Locale = 'zh-CN',
): { errors: ValidationIssue[]; findings: Finding[] } {
  const validation = validateItem(implementation, locale);
  if (!validation.valid) return { errors: validation.errors, findings: [] };
  const findings = checkItem(implementation, baseItem);
  return {
    errors: findings.filter((f) => f.severity === 'error').map(({ path, message }) => ({ path, message })),
    findings,
  };
}
