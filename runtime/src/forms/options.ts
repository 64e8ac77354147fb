import type { DataElement, FormField, Option } from '@oneseal/schemas';

/** The options every list offers, in the first list's order; undefined when no list is given. */
export function commonOptions(lists: readonly (readonly Option[] | undefined)[]): Option[] | undefined {
  const given = lists.filter((list): list is readonly Option[] => list !== undefined);
  if (given.length === 0) return undefined;
  return given[0]!.filter((option) =>
    given.every((list) => list.some((other) => other.value === option.value)),
  );
}

/**
 * The options of a choice as the online form offers them: the field's own, narrowed to those of the data element
 * it is bound to (a field bound to an element may leave its options to the element).
 */
export function fieldOptions(field: FormField, element: DataElement | undefined): Option[] | undefined {
  return commonOptions([element?.options, field.enum]);
}
