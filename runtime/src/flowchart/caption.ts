// The words around the drawing: its heading and the caption with the item's total time limits.

import { formatTimeLimit } from '@oneseal/schemas';
import type { Item } from '@oneseal/schemas';

export type CaptionInput = Partial<
  Pick<Item, 'name' | 'promisedLimit' | 'statutoryLimit' | 'specialProcedures'>
>;

export function headingText(item: CaptionInput): string {
  return item.name ? `${item.name} 办理流程图` : '办理流程图';
}

export interface CaptionEntry {
  label: string;
  text: string;
}

/**
 * One entry per fact: 承诺办结时限, 法定办结时限, and the special procedures with their own limits
 * and whether each counts in the promised limit.
 */
export function captionEntries(item: CaptionInput): CaptionEntry[] {
  const entries: CaptionEntry[] = [];
  if (item.promisedLimit) entries.push({ label: '承诺办结时限', text: formatTimeLimit(item.promisedLimit) });
  if (item.statutoryLimit)
    entries.push({ label: '法定办结时限', text: formatTimeLimit(item.statutoryLimit) });
  const procedures = item.specialProcedures ?? [];
  if (procedures.length > 0) {
    // Each procedure prints what it states of its limit and whether the limit counts.
    const listed = procedures.map((procedure) => {
      const facts = [
        procedure.timeLimit ? formatTimeLimit(procedure.timeLimit) : '',
        procedure.countsInLimit === undefined ? '' : `${procedure.countsInLimit ? '计入' : '不计入'}办结时限`,
      ].filter(Boolean);
      return facts.length > 0 ? `${procedure.name}（${facts.join('，')}）` : procedure.name;
    });
    entries.push({ label: '特别程序', text: listed.join('；') });
  }
  return entries;
}
