import type { Field } from '@formily/core';
import { observer, useField } from '@formily/react';
import type { MaterialEntry, MaterialRequirement } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';
import { copiesText, useRequest } from '@oneseal/runtime/web';
import { Select } from 'antd';
import type { ReactNode } from 'react';
import { loadLibrary } from '../shell/library';
import { Fieldset } from './widgets';

/** True when a typed query finds the entry: by name, by pinyin (全拼 or 首字母, the API's key) or by code. */
export function matchesMaterial(entry: Pick<MaterialEntry, 'document' | 'pinyin'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return (
    entry.document.name.toLowerCase().includes(q) ||
    entry.document.code.toLowerCase().includes(q) ||
    (/^[a-z]+$/.test(q) && (entry.pinyin ?? '').includes(q))
  );
}

/** A material chosen from the library by its name; the code is what the model keeps. */
export function MaterialPicker(props: { value?: string; onChange?: (code: string | undefined) => void }) {
  const entries = useRequest(loadLibrary, []);
  const options = (entries.data ?? []).map((e) => ({
    value: e.document.code,
    label: e.document.name,
    entry: e,
  }));
  return (
    <Select
      showSearch
      allowClear
      className="ds-material-picker"
      placeholder="输入名称或拼音查找材料"
      loading={entries.loading}
      value={props.value}
      onChange={(code) => props.onChange?.(code)}
      options={options}
      filterOption={(input, option) => (option ? matchesMaterial(option.entry, input) : false)}
      optionRender={(option) => (
        <span className="ds-material-option">
          {option.data.label} <code>{option.data.value}</code>
        </span>
      )}
      notFoundContent="材料库中没有这样的材料"
      // Until the library answers a code has no name yet; a code the library lacks shows as the identifier it is.
      labelRender={({ label, value }) =>
        label ?? (entries.loading ? '正在读取材料库…' : <code>{String(value)}</code>)
      }
    />
  );
}

/** The name of a material of the library (its code only while the library loads). */
function useMaterialName(code: string | undefined): string | undefined {
  const entries = useRequest(loadLibrary, []);
  if (!code || !entries.data) return undefined;
  return entries.data.find((e) => e.document.code === code)?.document.name;
}

/**
 * One material of an item as a card headed by what the applicant reads: its name, form and copies
 * (“宅基地申请表（原件，原件1份）”), so the list reads as the guide will.
 */
export const MaterialCard = observer(({ children }: { children?: ReactNode }) => {
  const field = useField() as unknown as Field;
  const value = (field.value ?? {}) as Partial<
    Pick<MaterialRequirement, 'material' | 'name' | 'form' | 'originals' | 'copies' | 'unit'>
  >;
  const libraryName = useMaterialName(value.material);
  const name = value.name || libraryName || (value.material ? '申请材料' : '未选择材料');
  const details = [value.form ? codeLabel('MaterialForm', value.form) : '', copiesText(value)]
    .filter(Boolean)
    .join('，');
  return <Fieldset title={details ? `${name}（${details}）` : name}>{children}</Fieldset>;
});
