import type { DataElement, FormField } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';
import { Input, InputNumber, Select } from 'antd';
import { isChoice, takesProp } from './fields';
import { Heading, NumberBox, Prop, TextProp } from './inputs';

const FORMATS = codeOptions('FieldFormat');

export type SetProp = <K extends keyof FormField>(
  prop: K,
  value: FormField[K] | undefined,
  group?: string,
) => void;

function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch {
    return '不是有效的正则表达式';
  }
}

/**
 * What an answer must be (format, pattern, length, range, how many) and what it starts as: for the field types
 * whose registry entry offers rules (`editors.rules`).
 */
export function RuleProps({
  field,
  bound,
  setProp,
}: {
  field: FormField;
  bound?: DataElement;
  setProp: SetProp;
}) {
  const component = field['x-component'];
  const isString = field.type === 'string';
  const isNumber = field.type === 'number';
  const isArray = field.type === 'array';
  const scalar = isString || isNumber || field.type === 'boolean';
  return (
    <>
      {isString || isNumber || isArray ? (
        <>
          <Heading>校验</Heading>
          {bound ? (
            <p className="fd-hint">
              以下规则来自数据元“{bound.name}
              ”，可以再加严；一表申请时各事项对同一数据元的要求取最严的一种，互相矛盾时会提示冲突。
            </p>
          ) : null}
        </>
      ) : null}
      {isString && !isChoice(component) ? (
        <>
          <Prop label="格式">
            {(id) => (
              <Select
                id={id}
                allowClear
                placeholder="不限"
                options={FORMATS}
                value={field.format}
                onChange={(v: FormField['format'] | undefined) => setProp('format', v)}
              />
            )}
          </Prop>
          <TextProp
            label="正则表达式"
            help="答案须整体匹配时请写 ^…$"
            value={field.pattern}
            onCommit={(v) => setProp('pattern', v)}
            check={patternProblem}
            monospace
            maxLength={200}
            placeholder="例如 ^\d{12,25}$"
          />
          <div className="fd-pair">
            <Prop label="最短长度">
              {(id) => (
                <NumberBox
                  id={id}
                  integer
                  min={0}
                  value={field.minLength}
                  onChange={(v) => setProp('minLength', v)}
                />
              )}
            </Prop>
            <Prop label="最长长度">
              {(id) => (
                <NumberBox
                  id={id}
                  integer
                  min={1}
                  value={field.maxLength}
                  onChange={(v) => setProp('maxLength', v)}
                />
              )}
            </Prop>
          </div>
        </>
      ) : null}
      {isNumber ? (
        <div className="fd-pair">
          <Prop label="最小值">
            {(id) => <NumberBox id={id} value={field.minimum} onChange={(v) => setProp('minimum', v)} />}
          </Prop>
          <Prop label="最大值">
            {(id) => <NumberBox id={id} value={field.maximum} onChange={(v) => setProp('maximum', v)} />}
          </Prop>
        </div>
      ) : null}
      {isArray ? (
        <div className="fd-pair">
          <Prop label="至少选几项">
            {(id) => (
              <NumberBox
                id={id}
                integer
                min={0}
                value={field.minItems}
                onChange={(v) => setProp('minItems', v)}
              />
            )}
          </Prop>
          <Prop label="至多选几项">
            {(id) => (
              <NumberBox
                id={id}
                integer
                min={1}
                value={field.maxItems}
                onChange={(v) => setProp('maxItems', v)}
              />
            )}
          </Prop>
        </div>
      ) : null}

      {scalar ? (
        <>
          <Heading>默认值</Heading>
          <Prop label="默认值">
            {(id) =>
              field.enum ? (
                <Select
                  id={id}
                  allowClear
                  placeholder="无"
                  options={field.enum.map((o) => ({ label: o.label, value: o.value }))}
                  value={field.default as never}
                  onChange={(v: FormField['default']) => setProp('default', v)}
                />
              ) : isNumber ? (
                <InputNumber
                  id={id}
                  style={{ width: '100%' }}
                  value={typeof field.default === 'number' ? field.default : null}
                  onChange={(v) => setProp('default', typeof v === 'number' ? v : undefined, 'default')}
                />
              ) : (
                <Input
                  id={id}
                  value={typeof field.default === 'string' ? field.default : ''}
                  placeholder="无"
                  onChange={(e) => setProp('default', e.target.value || undefined, 'default')}
                />
              )
            }
          </Prop>
        </>
      ) : null}
    </>
  );
}

/** Display properties of the control: placeholder, unit, rows, accepted files. */
export function ComponentProps({
  field,
  onChange,
}: {
  field: FormField;
  onChange: (prop: string, value: string | number | undefined) => void;
}) {
  const component = field['x-component'];
  const props = field['x-component-props'] ?? {};
  const shownProps = (['placeholder', 'unit', 'rows', 'accept', 'maxCount'] as const).filter((p) =>
    takesProp(component, p),
  );
  if (shownProps.length === 0) return null;
  return (
    <>
      <Heading>控件设置</Heading>
      {takesProp(component, 'placeholder') ? (
        <TextProp
          label="占位提示"
          value={props.placeholder}
          onCommit={(v) => onChange('placeholder', v)}
          maxLength={200}
        />
      ) : null}
      {takesProp(component, 'unit') ? (
        <TextProp
          label="单位"
          value={props.unit}
          onCommit={(v) => onChange('unit', v)}
          maxLength={20}
          placeholder="如 平方米"
        />
      ) : null}
      {takesProp(component, 'rows') ? (
        <Prop label="行数">
          {(id) => (
            <NumberBox
              id={id}
              integer
              min={1}
              max={20}
              value={props.rows}
              onChange={(v) => onChange('rows', v)}
            />
          )}
        </Prop>
      ) : null}
      {takesProp(component, 'accept') ? (
        <TextProp
          label="接受的文件类型"
          value={props.accept}
          onCommit={(v) => onChange('accept', v)}
          maxLength={100}
          monospace
        />
      ) : null}
      {takesProp(component, 'maxCount') ? (
        <Prop label="最多文件数">
          {(id) => (
            <NumberBox
              id={id}
              integer
              min={1}
              max={50}
              value={props.maxCount}
              onChange={(v) => onChange('maxCount', v)}
            />
          )}
        </Prop>
      ) : null}
    </>
  );
}
