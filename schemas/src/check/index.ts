import type { BaseItem, ItemImplementation } from '../generated/types';
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
