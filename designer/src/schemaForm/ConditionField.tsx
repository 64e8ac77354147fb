import type { Condition, ItemForm } from '@oneseal/schemas';
import { createContext, useContext } from 'react';
import { ConditionEditor } from '../formDesigner/ConditionEditor';
import { JsonField } from './widgets';

/** The application form of the item being edited: what a condition (a material's 需要提交的情形) is about. */
export const ItemFormContext = createContext<ItemForm | undefined>(undefined);

/**
 * A condition over the applicant's answers, edited as the form designer edits a field's 显示条件: by choosing
 * fields and values by their names. Without the item's form at hand it falls back to the code view.
 */
export function ConditionField(props: {
  value?: Condition;
  onChange?: (value: Condition | undefined) => void;
}) {
  const form = useContext(ItemFormContext);
  // Formily starts an object field as {}: no condition yet.
  const value = props.value && Object.keys(props.value).length > 0 ? props.value : undefined;
  if (!form)
    return <JsonField value={props.value} onChange={(v) => props.onChange?.(v as Condition | undefined)} />;
  return <ConditionEditor form={form} value={value} onChange={(next) => props.onChange?.(next)} />;
}
