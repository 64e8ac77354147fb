import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Comparison, Condition, ConditionOperator, FormField, ItemForm } from '@oneseal/schemas';
import { codeLabel, codeOptions } from '@oneseal/schemas';
import { Alert, Button, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import type { ConditionTarget, FieldPath } from './formTree';
import { conditionTargets, isWithin } from './formTree';

type Scalar = string | number | boolean;
interface Row {
  field?: string;
  op: ConditionOperator;
  value?: Scalar | Scalar[];
}
type Join = 'all' | 'any';
type Draft = { join: Join; rows: Row[] } | { complex: Condition };

const NO_VALUE: readonly ConditionOperator[] = ['empty', 'notEmpty'];
const LISTS: readonly ConditionOperator[] = ['in', 'notIn'];
const NUMERIC: readonly ConditionOperator[] = ['gt', 'gte', 'lt', 'lte'];

const isComparison = (c: Condition): c is Comparison => 'field' in c;

function parse(condition: Condition | undefined): Draft {
  if (!condition) return { join: 'all', rows: [] };
  if (isComparison(condition)) return { join: 'all', rows: [condition] };
  if ('all' in condition && condition.all.every(isComparison)) return { join: 'all', rows: condition.all };
  if ('any' in condition && condition.any.every(isComparison)) return { join: 'any', rows: condition.any };
  return { complex: condition };
}

const filled = (row: Row): row is Row & { field: string } =>
  !!row.field &&
  (NO_VALUE.includes(row.op) ||
    (row.value !== undefined && row.value !== '' && !(Array.isArray(row.value) && row.value.length === 0)));

/** The rows that are complete, as the condition the form stores (one comparison alone, or all/any of them). */
function toCondition(draft: Draft): Condition | undefined {
  if ('complex' in draft) return draft.complex;
  const rows: Comparison[] = draft.rows
    .filter(filled)
    .map((r) =>
      NO_VALUE.includes(r.op) ? { field: r.field, op: r.op } : { field: r.field, op: r.op, value: r.value },
    );
  if (rows.length === 0) return undefined;
  if (rows.length === 1) return rows[0];
  return draft.join === 'all'
    ? { all: rows as [Comparison, ...Comparison[]] }
    : { any: rows as [Comparison, ...Comparison[]] };
}

const shown = (v: Scalar, field?: FormField) =>
  `“${field?.enum?.find((o) => o.value === v)?.label ?? (typeof v === 'boolean' ? (v ? '是' : '否') : String(v))}”`;

/** A condition as a person reads it: “建房类型”属于“原址翻建”或“改建、扩建”. */
export function describeCondition(condition: Condition, fields: Map<string, FormField>): string {
  if ('all' in condition) return condition.all.map((c) => describeCondition(c, fields)).join('，并且');
  if ('any' in condition) return condition.any.map((c) => describeCondition(c, fields)).join('，或者');
  if ('not' in condition) return `不满足（${describeCondition(condition.not, fields)}）`;
  const field = fields.get(condition.field);
  const name = `“${field?.title ?? condition.field}”`;
  const op = codeLabel('ConditionOperator', condition.op) ?? condition.op;
  if (NO_VALUE.includes(condition.op)) return `${name}${op}`;
  const values = Array.isArray(condition.value) ? condition.value : [condition.value ?? ''];
  return `${name}${op}${values.map((v) => shown(v, field)).join('或')}`;
}

function operatorsFor(field: FormField | undefined) {
  const numeric = field?.type === 'number';
  return codeOptions('ConditionOperator').filter((o) => numeric || !NUMERIC.includes(o.value));
}

/** Names an antd Select's combobox alone (an aria-label would name its outer box too, which axe refuses). */
const HiddenLabel = ({ htmlFor, children }: { htmlFor: string; children: string }) => (
  <label htmlFor={htmlFor} className="fd-sr">
    {children}
  </label>
);

/** The value box that suits the field and the operator: its options, a number, yes/no or text. */
function ValueInput({
  id,
  row,
  field,
  onChange,
  label,
}: {
  id: string;
  row: Row;
  field?: FormField;
  onChange: (v: Row['value']) => void;
  label: string;
}) {
  if (NO_VALUE.includes(row.op)) return null;
  const many = LISTS.includes(row.op);
  const options =
    field?.enum?.map((o) => ({ label: o.label, value: o.value })) ??
    (field?.type === 'boolean'
      ? [
          { label: '是', value: true },
          { label: '否', value: false },
        ]
      : undefined);
  if (options || many)
    return (
      <>
        <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
        <Select
          id={id}
          mode={many ? (options ? 'multiple' : 'tags') : undefined}
          options={options}
          value={row.value as never}
          placeholder={many ? '选择或输入若干值' : '选择值'}
          onChange={(v: Row['value']) => onChange(v)}
          className="fd-cond-value"
        />
      </>
    );
  if (field?.type === 'number')
    return (
      <InputNumber
        aria-label={label}
        value={typeof row.value === 'number' ? row.value : null}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        className="fd-cond-value"
      />
    );
  return (
    <Input
      aria-label={label}
      value={typeof row.value === 'string' ? row.value : ''}
      placeholder="值"
      onChange={(e) => onChange(e.target.value)}
      className="fd-cond-value"
    />
  );
}

/** The value kept when the operator changes between one value and a list. */
function reshape(value: Row['value'], op: ConditionOperator): Row['value'] {
  if (NO_VALUE.includes(op)) return undefined;
  if (LISTS.includes(op)) return value === undefined ? [] : Array.isArray(value) ? value : [value];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * When a field is shown (`x-visible-when`): always, or when one comparison holds, or when all (or any) of several
 * hold. A declarative condition over other answers; never a script.
 */
export function ConditionEditor({
  form,
  path,
  value,
  onChange,
}: {
  form: ItemForm;
  /** The field the condition is for (its own answers cannot decide it); none for a condition outside the form. */
  path?: FieldPath;
  value: Condition | undefined;
  onChange: (condition: Condition | undefined, group?: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => parse(value));
  const id = useId();
  useEffect(() => {
    if (JSON.stringify(toCondition(draft)) !== JSON.stringify(value)) setDraft(parse(value));
    // Follows the stored condition when it changes from outside (undo, JSON view).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const targets = useMemo(
    () => conditionTargets(form).filter((t) => !path || !isWithin(t.path, path)),
    [form, path],
  );
  const byPath = useMemo(() => new Map(targets.map((t) => [t.dataPath, t.field])), [targets]);

  const update = (next: Draft, group?: string) => {
    setDraft(next);
    const condition = toCondition(next);
    if (JSON.stringify(condition) !== JSON.stringify(value)) onChange(condition, group);
  };

  if ('complex' in draft)
    return (
      <div className="fd-condition">
        <Alert
          type="info"
          showIcon
          message="此条件含嵌套或“不满足”组合，请在代码视图中修改"
          description={describeCondition(draft.complex, byPath)}
        />
        <Button size="small" danger onClick={() => update({ join: 'all', rows: [] })}>
          清除条件
        </Button>
      </div>
    );

  const enabled = draft.rows.length > 0;
  const setRow = (index: number, row: Row, group?: string) =>
    update({ ...draft, rows: draft.rows.map((r, i) => (i === index ? row : r)) }, group);
  const condition = toCondition(draft);
  const fieldOptions = (t: ConditionTarget[]) =>
    t.map((x) => ({
      value: x.dataPath,
      search: `${x.field.title} ${x.dataPath}`,
      label: (
        <>
          {x.field.title} <code>{x.dataPath}</code>
        </>
      ),
    }));

  return (
    <div className="fd-condition">
      <label className="fd-switch-row" htmlFor={`${id}-on`}>
        <Switch
          id={`${id}-on`}
          size="small"
          checked={enabled}
          onChange={(on) => update(on ? { ...draft, rows: [{ op: 'eq' }] } : { join: draft.join, rows: [] })}
          disabled={!enabled && targets.length === 0}
        />
        仅在满足条件时显示
      </label>
      {!enabled && targets.length === 0 ? (
        <p className="fd-hint">表单中还没有可作为条件的其他字段。</p>
      ) : null}
      {enabled ? (
        <>
          {draft.rows.length > 1 ? (
            <Radio.Group
              size="small"
              value={draft.join}
              onChange={(e) => update({ ...draft, join: e.target.value as Join })}
              aria-label="条件组合方式"
              optionType="button"
              options={[
                { value: 'all', label: '全部满足' },
                { value: 'any', label: '任一满足' },
              ]}
            />
          ) : null}
          {draft.rows.map((row, index) => {
            const field = row.field ? byPath.get(row.field) : undefined;
            const n = draft.rows.length > 1 ? `条件 ${index + 1} ` : '条件';
            return (
              <div className="fd-cond-row" key={index} role="group" aria-label={n.trim()}>
                <HiddenLabel htmlFor={`${id}-field-${index}`}>{`${n}的字段`}</HiddenLabel>
                <Select
                  id={`${id}-field-${index}`}
                  showSearch
                  optionFilterProp="search"
                  placeholder="选择字段"
                  options={fieldOptions(targets)}
                  value={row.field}
                  status={row.field && !field ? 'error' : undefined}
                  onChange={(f: string) => {
                    const target = byPath.get(f);
                    const op = operatorsFor(target).some((o) => o.value === row.op) ? row.op : 'eq';
                    setRow(index, { field: f, op, value: undefined });
                  }}
                  className="fd-cond-field"
                />
                <HiddenLabel htmlFor={`${id}-op-${index}`}>{`${n}的运算符`}</HiddenLabel>
                <Select
                  id={`${id}-op-${index}`}
                  options={operatorsFor(field)}
                  value={row.op}
                  onChange={(op: ConditionOperator) =>
                    setRow(index, { ...row, op, value: reshape(row.value, op) })
                  }
                  className="fd-cond-op"
                />
                <ValueInput
                  id={`${id}-value-${index}`}
                  row={row}
                  field={field}
                  label={`${n}的值`}
                  onChange={(v) => setRow(index, { ...row, value: v }, `condition-value-${index}`)}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除${n}`}
                  onClick={() => update({ ...draft, rows: draft.rows.filter((_, i) => i !== index) })}
                />
              </div>
            );
          })}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => update({ ...draft, rows: [...draft.rows, { op: 'eq' }] })}
          >
            添加条件
          </Button>
          <p className="fd-hint" aria-live="polite">
            {condition ? `当${describeCondition(condition, byPath)}时显示。` : '条件填写完整后生效。'}
          </p>
        </>
      ) : null}
    </div>
  );
}
