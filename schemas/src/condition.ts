import type { Comparison, Condition } from './generated/types';

type Scalar = string | number | boolean;

/** The value at a dotted path ("applicant.idType") of a plain object, or undefined. */
export function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** An unanswered value: absent, null, an empty text or an empty list (the `empty` operator, the required rule). */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function compare(actual: unknown, { op, value }: Comparison): boolean {
  const list: readonly Scalar[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // A multiple-choice answer matches `eq`/`in` when any chosen value does.
  const actuals: readonly unknown[] = Array.isArray(actual) ? actual : [actual];
  switch (op) {
    case 'empty':
      return isEmptyValue(actual);
    case 'notEmpty':
      return !isEmptyValue(actual);
    case 'eq':
      return actuals.some((a) => a === value);
    case 'ne':
      return !actuals.some((a) => a === value);
    case 'in':
      return actuals.some((a) => list.includes(a as Scalar));
    case 'notIn':
      return !actuals.some((a) => list.includes(a as Scalar));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof actual !== 'number' || typeof value !== 'number') return false;
      if (op === 'gt') return actual > value;
      if (op === 'gte') return actual >= value;
      if (op === 'lt') return actual < value;
      return actual <= value;
    }
  }
}

/** Evaluates a declarative condition against form values or situation answers. Never runs editor text. */
export function evaluateCondition(condition: Condition, values: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values));
  if ('not' in condition) return !evaluateCondition(condition.not, values);
  return compare(valueAt(values, condition.field), condition);
}

/** Every field path a condition reads, to check that they exist. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}
