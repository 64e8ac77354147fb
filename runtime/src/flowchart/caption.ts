// The words around the drawing: each page's heading (with the route's name and "续" on a continuation), a
// route's situation, the caption with the item's total time limits — and so how much of a page the chart
// itself may take.

import { formatTimeLimit } from '@oneseal/schemas';
import type { Item } from '@oneseal/schemas';
import { FONT, PAGE_HEIGHT, PAGE_MARGIN, SECTION_GAP } from './style';
import { TextBlockBuilder } from './textBlock';
import type { TextBlock } from './textBlock';
import type { ChartRoute } from './types';

export type CaptionInput = Partial<
  Pick<Item, 'name' | 'promisedLimit' | 'statutoryLimit' | 'specialProcedures' | 'processRoutes'>
>;

/** Heading and caption wrap within at least this width, even beside a narrow graph. */
export const MIN_CONTENT_WIDTH = 340;

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

/** "事项 办理流程图（一般程序，续）". */
export function headingBlock(
  item: CaptionInput,
  route: ChartRoute | undefined,
  continued: boolean,
  width: number,
): TextBlock {
  const suffix = [route?.name, continued ? '续' : undefined].filter(Boolean).join('，');
  return new TextBlockBuilder(width / FONT.heading)
    .centred(suffix ? `${headingText(item)}（${suffix}）` : headingText(item), FONT.heading, true)
    .build();
}

export function situationBlock(route: ChartRoute | undefined, width: number): TextBlock | undefined {
  if (!route?.situation) return undefined;
  return new TextBlockBuilder(width / FONT.caption)
    .labelled('适用情形：', [route.situation], FONT.caption)
    .build();
}

export function captionBlock(item: CaptionInput, width: number): TextBlock | undefined {
  const builder = new TextBlockBuilder(width / FONT.caption);
  for (const entry of captionEntries(item)) builder.labelled(`${entry.label}：`, [entry.text], FONT.caption);
  const caption = builder.build();
  return caption.lines.length > 0 ? caption : undefined;
}

/** A block's height with the gap below it; 0 for none. */
export const blockHeight = (block: TextBlock | undefined): number => (block ? block.height + SECTION_GAP : 0);

/**
 * The tallest part of a chart `width` wide a printed page has room for, below the item's heading and route
 * situations (wrapped at that width, or the narrowest content width). It depends on the base item alone (name,
 * routes), so every township's guide shares the layout; the caption is not counted: it follows the chart where
 * there is room, or takes a page of its own.
 */
export function partBudget(item: CaptionInput, width = 0): number {
  const content = Math.max(width, MIN_CONTENT_WIDTH);
  const routes: readonly (ChartRoute | undefined)[] = item.processRoutes?.length
    ? item.processRoutes
    : [undefined];
  const around = Math.max(
    ...routes.map(
      (route) =>
        headingBlock(item, route, true, content).height +
        SECTION_GAP +
        blockHeight(situationBlock(route, content)),
    ),
  );
  return Math.floor(PAGE_HEIGHT - 2 * PAGE_MARGIN - around);
}
