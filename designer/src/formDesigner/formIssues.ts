// What the designer can tell about a form beyond its schema, with JSON Pointers a person can follow.
import type { Condition, FormField, FormFields, ItemForm } from '@oneseal/schemas';
import { isChoice } from './fields';
import type { FieldPath } from './formTree';
import { childrenOf, conditionTargets, getField, isWithin } from './formTree';

export interface FormIssue {
  /** JSON Pointer into the form. */
  path: string;
  message: string;
  /** A warning leaves a usable form; an error makes the item fail its checks when saved. */
  severity?: 'error' | 'warning';
}

/** The JSON Pointer of the field at `path` (a table's columns lie under its `items`). */
export function pointerOfPath(path: FieldPath, form: ItemForm): string {
  let pointer = '';
  let fields: FormFields | undefined = form.properties;
  path.forEach((key, i) => {
    const field: FormField | undefined = fields?.[key];
    pointer += `/properties/${key}`;
    if (field?.type === 'array') {
      fields = field.items?.properties;
      if (i < path.length - 1) pointer += '/items';
    } else fields = field?.properties;
  });
  return pointer;
}
const pointerOf = pointerOfPath;

/** The field path a JSON Pointer names (the nearest field it lies inside), or undefined. */
export function pathOfPointer(pointer: string): FieldPath | undefined {
  const parts = pointer.split('/').slice(1);
  const path: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'properties' && parts[i + 1] !== undefined) {
      path.push(parts[i + 1]!.replace(/~1/g, '/').replace(/~0/g, '~'));
      i++;
    } else if (parts[i] !== 'items') break;
  }
  return path.length > 0 ? path : undefined;
}

/**
 * What the designer can tell about a form beyond its schema: keys used twice in one data object, conditions
 * naming fields that are not there, choices without options, tables without columns, inverted ranges.
 */
export function formIssues(form: ItemForm): FormIssue[] {
  const issues: FormIssue[] = [];
  const targets = new Map(conditionTargets(form).map((t) => [t.dataPath, t]));
  const checkCondition = (condition: Condition, at: FieldPath) => {
    if (!('field' in condition)) {
      const parts = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition.not];
      for (const c of parts) checkCondition(c, at);
      return;
    }
    const target = targets.get(condition.field);
    if (!target)
      issues.push({
        path: `${pointerOf(at, form)}/x-visible-when`,
        message: `显示条件引用的字段 ${condition.field} 不存在`,
      });
    else if (isWithin(target.path, at))
      issues.push({ path: `${pointerOf(at, form)}/x-visible-when`, message: '显示条件不能引用字段自身' });
  };
  const walk = (fields: FormFields, at: FieldPath, seen: Map<string, FieldPath>) => {
    for (const [key, field] of Object.entries(fields)) {
      const path = [...at, key];
      const pointer = pointerOf(path, form);
      if (seen.has(key))
        issues.push({
          path: pointer,
          message: `字段名 ${key} 在同一层数据中重复（分组和分步不构成新的层级）`,
        });
      else seen.set(key, path);
      if (isChoice(field['x-component']) && !field.enum?.length)
        issues.push({ path: pointer, message: '选择类控件必须设置选项', severity: 'warning' });
      if (field['x-component'] === 'table' && Object.keys(field.items?.properties ?? {}).length === 0)
        issues.push({ path: pointer, message: '重复表格至少需要一列', severity: 'warning' });
      if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength)
        issues.push({ path: pointer, message: '最短长度大于最长长度', severity: 'warning' });
      if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum)
        issues.push({ path: pointer, message: '最小值大于最大值', severity: 'warning' });
      if (field['x-visible-when'] && !at.some((_, i) => getField(form, at.slice(0, i + 1))?.type === 'array'))
        checkCondition(field['x-visible-when'], path);
      const children = childrenOf(field);
      if (children) walk(children, path, field.type === 'void' ? seen : new Map());
    }
  };
  walk(form.properties, [], new Map());
  return issues;
}

/** Number of value-carrying fields (containers not counted), for the toolbar. */
export function countFields(fields: FormFields): number {
  return Object.values(fields).reduce((n, f) => {
    const children = childrenOf(f);
    return n + (f.type === 'void' ? 0 : 1) + (children && f.type !== 'array' ? countFields(children) : 0);
  }, 0);
}
