import type { ResolvedMaterial, TimeLimit } from '@oneseal/schemas';
import { codeLabel, formatTimeLimit } from '@oneseal/schemas';

/** "20个工作日（备注）" — the limit and its note, as printed. */
export function limitText(limit: TimeLimit): string {
  return limit.note ? `${formatTimeLimit(limit)}（${limit.note}）` : formatTimeLimit(limit);
}

/** "原件1份、复印件1份" from a material's counts. */
export function copiesText(m: Pick<ResolvedMaterial, 'originals' | 'copies'>): string {
  const parts = [
    m.originals > 0 ? `原件${m.originals}份` : '',
    m.copies > 0 ? `复印件${m.copies}份` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '—';
}

export const yesNo = (value: boolean | undefined): string => (value ? '是' : '否');

/** Labels of several codes of one list, joined with 、. */
export function labels<L extends Parameters<typeof codeLabel>[0]>(
  list: L,
  values: readonly string[],
): string {
  return values.map((v) => codeLabel(list, v) ?? v).join('、');
}

/**
 * A CSS string literal that is safe inside a <style> element whatever the text holds: everything but letters,
 * digits and spaces becomes a CSS escape, so `"`, `\`, `<` and `</style>` cannot end the string or the element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
