import { CODE_LISTS } from './generated/codeLists';

export { CODE_LISTS };

export type CodeListName = keyof typeof CODE_LISTS;
export type CodeValue<L extends CodeListName> = (typeof CODE_LISTS)[L][number][0];

export interface CodeOption<V extends string = string> {
  value: V;
  label: string;
}

/** The zh-CN label of a code (行政许可 for ItemType 01), or undefined for a value not in the list. */
export function codeLabel<L extends CodeListName>(list: L, value: string): string | undefined {
  const pairs: readonly (readonly [string, string])[] = CODE_LISTS[list];
  return pairs.find(([code]) => code === value)?.[1];
}

/** A code list as options for a select, in the list's own order. */
export function codeOptions<L extends CodeListName>(list: L): CodeOption<CodeValue<L>>[] {
  const pairs: readonly (readonly [string, string])[] = CODE_LISTS[list];
  return pairs.map(([value, label]) => ({ value: value as CodeValue<L>, label }));
}
