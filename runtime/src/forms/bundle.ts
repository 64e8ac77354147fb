import type { Bundle } from '@oneseal/schemas';
import { evaluateCondition } from '@oneseal/schemas';

/** What a 一件事's situational answers decide: which items are applied for, and which materials change. */
export interface BundleOutcome {
  /** Item codes in the bundle's order, those whose condition holds (or that have none). */
  items: string[];
  /** Notes the bundle attaches to the chosen items ("房屋竣工后申请验收"). */
  notes: { item: string; note: string }[];
  /** Materials the answers make unnecessary, with the reason shown to the applicant. */
  excluded: { material: string; note?: string }[];
  /** Materials the answers make compulsory. */
  required: { material: string; note?: string }[];
}

/** Applies a bundle's declarative rules to the applicant's answers (evaluated, never run as code). */
export function applyBundle(bundle: Bundle, answers: Record<string, unknown>): BundleOutcome {
  const holds = (when: Bundle['items'][number]['when']) => !when || evaluateCondition(when, answers);
  const chosen = bundle.items.filter((i) => holds(i.when));
  const rules = (bundle.materialRules ?? []).filter((r) => evaluateCondition(r.when, answers));
  const pick = (effect: 'exclude' | 'require') =>
    rules
      .filter((r) => r.effect === effect)
      .map((r) => ({ material: r.material, ...(r.note ? { note: r.note } : {}) }));
  return {
    items: chosen.map((i) => i.itemCode),
    notes: chosen.flatMap((i) => (i.note ? [{ item: i.itemCode, note: i.note }] : [])),
    excluded: pick('exclude'),
    required: pick('require'),
  };
}
