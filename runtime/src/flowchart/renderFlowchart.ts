// renderFlowchart(item): the item's 办理流程图 as a standalone SVG document — heading, the laid-out
// graph, and a caption with the promised and statutory limits — sized in mm to print within A4.

import type { Item } from '@oneseal/schemas';
import { captionEntries, headingText } from './caption';
import type { CaptionInput } from './caption';
import { escapeXml } from './escapeXml';
import type { FlowchartInput } from './flowGraph';
import { layoutFlowchart } from './layoutFlowchart';
import { printSize } from './printSize';
import { FONT, FONT_FAMILY, PAGE_MARGIN } from './style';
import { arrowDefs, attrs, edgeMarkup, nodeMarkup, num, textLine } from './svgElements';
import { TextBlockBuilder, placeBlock } from './textBlock';
import type { FlowchartLayout } from './types';

/** Heading and caption wrap within at least this width, even beside a narrow graph. */
const MIN_CONTENT_WIDTH = 340;
/** Space between heading, graph and caption. */
const SECTION_GAP = 6;
const TEXT_COLOUR = '#1a1a1a';

export type FlowchartItem = FlowchartInput & CaptionInput & Partial<Pick<Item, 'implementationCode'>>;

export interface RenderFlowchartOptions {
  /**
   * Prefix of the SVG's element ids (arrowhead markers), so several flowcharts can sit in one HTML page.
   * Default: derived from the item's implementation code.
   */
  idPrefix?: string;
}

const round = (value: number): number => Math.round(value * 10) / 10;

function defaultIdPrefix(item: FlowchartItem): string {
  const code = (item.implementationCode ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  return code ? `flowchart-${code}` : 'flowchart';
}

/** Draws an already computed layout (see layoutFlowchart) with the item's heading and caption. */
export function flowchartSvg(
  item: FlowchartItem,
  layout: FlowchartLayout,
  options: RenderFlowchartOptions = {},
): string {
  const prefix = options.idPrefix ?? defaultIdPrefix(item);
  const contentWidth = Math.max(layout.width, MIN_CONTENT_WIDTH);

  const heading = new TextBlockBuilder(contentWidth / FONT.heading)
    .centred(headingText(item), FONT.heading, true)
    .build();
  const captionBuilder = new TextBlockBuilder(contentWidth / FONT.caption);
  for (const entry of captionEntries(item))
    captionBuilder.labelled(`${entry.label}：`, [entry.text], FONT.caption);
  const caption = captionBuilder.build();

  const headingBox = { x: PAGE_MARGIN, y: PAGE_MARGIN, width: contentWidth, height: heading.height };
  const graphX = PAGE_MARGIN + (contentWidth - layout.width) / 2;
  const graphY = headingBox.y + headingBox.height + SECTION_GAP;
  const captionBox = {
    x: PAGE_MARGIN,
    y: graphY + layout.height + SECTION_GAP,
    width: contentWidth,
    height: caption.height,
  };
  const width = Math.ceil(contentWidth + 2 * PAGE_MARGIN);
  const height = Math.ceil(captionBox.y + caption.height + PAGE_MARGIN);
  const print = printSize(width, height);

  const title = headingText(item);
  const parts: string[] = [];
  parts.push(
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      version: '1.1',
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      // Rounded up, so the print never comes out smaller than computed.
      width: `${num(Math.ceil(print.widthMm * 10) / 10)}mm`,
      height: `${num(Math.ceil(print.heightMm * 10) / 10)}mm`,
      role: 'img',
      'aria-labelledby': `${prefix}-title`,
      'font-family': FONT_FAMILY,
      'font-size': FONT.body,
      class: 'flowchart',
    })}>`,
  );
  parts.push(`<title${attrs({ id: `${prefix}-title` })}>${escapeXml(title)}</title>`);
  const summary = captionEntries(item).map((entry) => `${entry.label}：${entry.text}`);
  if (summary.length > 0) parts.push(`<desc>${escapeXml(summary.join('。'))}</desc>`);
  parts.push(arrowDefs(prefix));
  parts.push(`<rect${attrs({ x: 0, y: 0, width, height, fill: '#ffffff' })}/>`);
  parts.push(
    `<g class="heading">${placeBlock(heading, headingBox, round)
      .map((line) => textLine(line, TEXT_COLOUR))
      .join('')}</g>`,
  );
  parts.push(`<g${attrs({ class: 'graph', transform: `translate(${num(graphX)} ${num(graphY)})` })}>`);
  parts.push(`<g class="edges">${layout.edges.map((edge) => edgeMarkup(edge, prefix)).join('')}</g>`);
  parts.push(`<g class="nodes">${layout.nodes.map(nodeMarkup).join('')}</g>`);
  parts.push('</g>');
  if (caption.lines.length > 0) {
    parts.push(
      `<g class="caption">${placeBlock(caption, captionBox, round)
        .map((line) => textLine(line, TEXT_COLOUR))
        .join('')}</g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** The item's 办理流程图 as SVG. The same item always gives the same bytes. */
export async function renderFlowchart(
  item: FlowchartItem,
  options: RenderFlowchartOptions = {},
): Promise<string> {
  return flowchartSvg(item, await layoutFlowchart(item), options);
}
