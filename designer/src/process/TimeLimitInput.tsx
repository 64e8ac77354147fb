import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { NoLimit, TimeLimit, TimeUnit } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';

// One select for the unit of a number of days, or for a limit without days (即办, 法律未规定).
const KINDS: { value: TimeUnit | NoLimit; label: string }[] = [
  ...codeOptions('TimeUnit'),
  ...codeOptions('NoLimit'),
];
const isUnit = (kind: TimeUnit | NoLimit): kind is TimeUnit =>
  codeOptions('TimeUnit').some((o) => o.value === kind);

/** A time limit: a number of working or calendar days, months or years, or 即办 / 法律未规定; empty for none. */
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
  // The unit chosen before a number is typed, so the number arrives in it.
  const [unit, setUnit] = useState<TimeUnit>(value?.unit ?? 'workday');
  const kind = value?.none ?? value?.unit ?? unit;
  const keep = { ...(value?.note ? { note: value.note } : {}) };
  return (
    <Space.Compact className="pe-limit">
      <InputNumber<number>
        id={id}
        min={1}
        max={3650}
        placeholder="未载明"
        aria-label={`${label}（数值）`}
        disabled={value?.none !== undefined}
        value={value?.value ?? null}
        onChange={(n) =>
          onChange(
            n === null
              ? Object.keys(keep).length > 0
                ? keep
                : undefined
              : { ...keep, ...(value?.extension ? { extension: value.extension } : {}), value: n, unit },
          )
        }
      />
      <Select<TimeUnit | NoLimit>
        aria-label={`${label}单位`}
        value={kind}
        options={KINDS}
        onChange={(next) => {
          if (!isUnit(next)) return onChange({ ...keep, none: next });
          setUnit(next);
          if (value?.value !== undefined) onChange({ ...value, unit: next });
          else if (value?.none) onChange(Object.keys(keep).length > 0 ? keep : undefined);
        }}
        popupMatchSelectWidth={false}
      />
    </Space.Compact>
  );
}
