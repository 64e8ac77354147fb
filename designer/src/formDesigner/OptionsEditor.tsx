import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormField, Option } from '@oneseal/schemas';
import { Alert, Button } from 'antd';
import { useId } from 'react';
import { DraftText } from './inputs';

type Options = NonNullable<FormField['enum']>;
type Value = Option['value'];

/** The value as typed, in the type of the field's answer. */
function typed(text: string, type: FormField['type']): Value {
  if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const freeValue = (options: Options) => {
  let n = options.length + 1;
  while (options.some((o) => String(o.value) === String(n))) n++;
  return String(n);
};

/** The choices of a select, radio or checkbox: label and stored value, in order; at least one. */
export function OptionsEditor({
  options,
  type,
  onChange,
}: {
  options: Options;
  type: FormField['type'];
  onChange: (options: Options, group?: string) => void;
}) {
  const set = (index: number, option: Option, group: string) =>
    onChange(options.map((o, i) => (i === index ? option : o)) as Options, group);
  const move = (index: number, by: number) => {
    const next = [...options];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next as Options);
  };
  const id = useId();
  const values = options.map((o) => String(o.value));
  const repeated = values.filter((v, i) => values.indexOf(v) !== i);
  return (
    <div className="fd-options" role="group" aria-label="选项">
      <div className="fd-options-head" aria-hidden="true">
        <span>显示文字</span>
        <span>保存的值</span>
      </div>
      {options.map((option, index) => (
        <div className="fd-option" key={index}>
          <DraftText
            id={`${id}-label-${index}`}
            ariaLabel={`第 ${index + 1} 项的显示文字`}
            value={option.label}
            check={(text) => (text.trim() ? undefined : '请填写选项文字')}
            onCommit={(text) => set(index, { ...option, label: text ?? '' }, `option-label-${index}`)}
            maxLength={200}
          />
          <DraftText
            id={`${id}-value-${index}`}
            ariaLabel={`第 ${index + 1} 项保存的值`}
            value={String(option.value)}
            check={(text) => (text === '' ? '请填写选项的值' : undefined)}
            onCommit={(text) =>
              set(index, { ...option, value: typed(text ?? '', type) }, `option-value-${index}`)
            }
            monospace
          />
          <span className="fd-option-actions">
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={`上移“${option.label}”`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`下移“${option.label}”`}
              disabled={index === options.length - 1}
              onClick={() => move(index, 1)}
            />
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除选项“${option.label}”`}
              disabled={options.length === 1}
              onClick={() => onChange(options.filter((_, i) => i !== index) as Options)}
            />
          </span>
        </div>
      ))}
      {repeated.length > 0 ? (
        <Alert type="warning" showIcon message={`选项的值重复：${[...new Set(repeated)].join('、')}`} />
      ) : null}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          const value = freeValue(options);
          onChange([...options, { label: `选项${value}`, value: typed(value, type) }] as Options);
        }}
      >
        添加选项
      </Button>
    </div>
  );
}
