import { InputNumber, Select, Space } from 'antd';
import type { TimeLimit, TimeUnit } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';

const UNITS = codeOptions('TimeUnit');

/** A time limit: a number of (working or calendar) days; empty for none, 0 for 即办. */
export function TimeLimitInput({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value?: TimeLimit;
  onChange: (limit: TimeLimit | undefined) => void;
  label: string;
}) {
  return (
    <Space.Compact className="pe-limit">
      <InputNumber<number>
        id={id}
        min={0}
        max={3650}
        placeholder="不设"
        aria-label={`${label}（天数，0 为即办）`}
        value={value?.value ?? null}
        onChange={(n) =>
          onChange(n === null ? undefined : { ...value, unit: value?.unit ?? 'workday', value: n })
        }
      />
      <Select<TimeUnit>
        aria-label={`${label}单位`}
        value={value?.unit ?? 'workday'}
        disabled={value === undefined}
        options={UNITS}
        onChange={(unit) => value && onChange({ ...value, unit })}
        popupMatchSelectWidth={false}
      />
    </Space.Compact>
  );
}
