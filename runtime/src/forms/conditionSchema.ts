import type { Comparison, Condition } from '@oneseal/schemas';

type Schema = Record<string, unknown>;

/** `{ a: { properties: { b: inner }, required: ['b'] } }` for the path a.b, as an object schema. */
function atPath(path: string, inner: Schema, mustExist: boolean): Schema {
  const keys = path.split('.');
  let schema: Schema = inner;
  for (let i = keys.length - 1; i >= 0; i--) {
    schema = {
      type: 'object',
      properties: { [keys[i]!]: schema },
      ...(mustExist || i < keys.length - 1 ? { required: [keys[i]] } : {}),
    };
  }
  return schema;
}

function comparisonSchema({ field, op, value }: Comparison): Schema {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  switch (op) {
    case 'eq':
      return atPath(
        field,
        { anyOf: [{ const: value }, { type: 'array', contains: { const: value } }] },
        true,
      );
    case 'ne':
      return { not: comparisonSchema({ field, op: 'eq', value }) };
    case 'in':
      return atPath(
        field,
        { anyOf: [{ enum: values }, { type: 'array', contains: { enum: values } }] },
        true,
      );
    case 'notIn':
      return { not: comparisonSchema({ field, op: 'in', value }) };
    case 'gt':
      return atPath(field, { type: 'number', exclusiveMinimum: value }, true);
    case 'gte':
      return atPath(field, { type: 'number', minimum: value }, true);
    case 'lt':
      return atPath(field, { type: 'number', exclusiveMaximum: value }, true);
    case 'lte':
      return atPath(field, { type: 'number', maximum: value }, true);
    case 'notEmpty':
      return atPath(
        field,
        { not: { anyOf: [{ const: '' }, { const: null }, { type: 'array', maxItems: 0 }] } },
        true,
      );
    case 'empty':
      return { not: comparisonSchema({ field, op: 'notEmpty' }) };
  }
}

/**
 * A declarative condition as JSON Schema over the submitted data, so the server's validator decides exactly as
 * `evaluateCondition` does in the browser (the tests hold the two to the same verdicts).
 */
export function conditionSchema(condition: Condition): Schema {
  if ('all' in condition) return { allOf: condition.all.map(conditionSchema) };
  if ('any' in condition) return { anyOf: condition.any.map(conditionSchema) };
  if ('not' in condition) return { not: conditionSchema(condition.not) };
  return comparisonSchema(condition);
}
