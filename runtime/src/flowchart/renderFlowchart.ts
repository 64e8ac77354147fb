// renderFlowchart(item): the item's 办理流程图 as SVG, sized in mm to print on A4 with every font ≥ 9 pt.
// A chart is drawn on pages: each page has the heading (事项名称 办理流程图, the route's name, "续" on a
// continuation), one or more parts of the chart side by side, and — on the last page — the caption with the
// promised and statutory limits. renderFlowchartPages gives one SVG per printed page (the guide prints them
// one after another); renderFlowchart gives them stacked in one SVG (the public flowchart.svg).

import type { Item } from '@oneseal/schemas';
import {
  blockHeight,
  captionBlock,
  captionEntries,
  headingBlock,
  headingText,
  MIN_CONTENT_WIDTH,
  situationBlock,
} from './caption';
import type { CaptionInput } from './caption';
import type { FlowchartInput } from './charts';
import { escapeXml } from './escapeXml';
import { layoutFlowchart } from './layoutFlowchart';
import { MAX_GRAPH_WIDTH } from './layoutVariants';
import { printSize } from './printSize';
import {
  COLUMN_GAP,
  FONT,
  FONT_FAMILY,
  PAGE_HEIGHT,
  PAGE_MARGIN,
  PRINT_MAX_HEIGHT_MM,
  SECTION_GAP,
} from './style';
import { arrowDefs, attrs, edgeMarkup, nodeMarkup, num, textLine } from './svgElements';
import { placeBlock } from './textBlock';
import type { TextBlock } from './textBlock';
import type { FlowchartChart, FlowchartLayout } from './types';

/** Space between the pages stacked in one SVG. */
const PAGE_GAP = 24;
const TEXT_COLOUR = '#1a1a1a';
const MUTED_COLOUR = '#555555';

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

/**
 * One printed page: a heading and parts of one chart side by side, and on the last page the caption — or, when
 * the last page has no room left for it, a page of the caption alone.
 */
interface Page {
  heading?: TextBlock;
  situation?: TextBlock;
  parts: FlowchartLayout[];
  caption?: TextBlock;
  width: number;
  height: number;
}

/** Consecutive parts of a chart side by side while they print at A4 width with fonts ≥ 9 pt. */
function columns(parts: readonly FlowchartLayout[]): FlowchartLayout[][] {
  const pages: FlowchartLayout[][] = [];
  for (const part of parts) {
    const page = pages[pages.length - 1];
    const width = page ? page.reduce((sum, p) => sum + p.width + COLUMN_GAP, 0) + part.width : Infinity;
    if (page && width <= MAX_GRAPH_WIDTH) page.push(part);
    else pages.push([part]);
  }
  return pages;
}

function pagesOf(item: FlowchartItem, charts: readonly FlowchartChart[]): Page[] {
  const pages: Page[] = [];
  for (const chart of charts) {
    columns(chart.parts).forEach((parts, index) => {
      const graphWidth = parts.reduce((sum, part) => sum + part.width, 0) + COLUMN_GAP * (parts.length - 1);
      const width = Math.max(graphWidth, MIN_CONTENT_WIDTH);
      const heading = headingBlock(item, chart.route, index > 0, width);
      const situation = index === 0 ? situationBlock(chart.route, width) : undefined;
      const graphHeight = Math.max(...parts.map((part) => part.height));
      const height = 2 * PAGE_MARGIN + heading.height + SECTION_GAP + blockHeight(situation) + graphHeight;
      pages.push({ heading, ...(situation ? { situation } : {}), parts, width, height });
    });
  }
  const last = pages[pages.length - 1];
  const caption = captionBlock(item, last?.width ?? MIN_CONTENT_WIDTH);
  if (!caption) return pages;
  if (last && last.height + blockHeight(caption) <= PAGE_HEIGHT) {
    last.caption = caption;
    last.height += blockHeight(caption);
  } else {
    const width = last?.width ?? MIN_CONTENT_WIDTH;
    pages.push({ parts: [], caption, width, height: 2 * PAGE_MARGIN + caption.height });
  }
  return pages;
}

/** The markup of one page, its top-left corner at (x, y) of the SVG it is drawn in. */
function pageMarkup(page: Page, x: number, y: number, prefix: string): string {
  const parts: string[] = [];
  const left = x + PAGE_MARGIN;
  let top = y + PAGE_MARGIN;
  const text = (block: TextBlock, colour: string, className: string) => {
    const box = { x: left, y: top, width: page.width, height: block.height };
    top += block.height + SECTION_GAP;
    return `<g class="${className}">${placeBlock(block, box, round)
      .map((line) => textLine(line, colour))
      .join('')}</g>`;
  };
  if (page.heading) parts.push(text(page.heading, TEXT_COLOUR, 'heading'));
  if (page.situation) parts.push(text(page.situation, MUTED_COLOUR, 'situation'));
  const graphWidth =
    page.parts.reduce((sum, part) => sum + part.width, 0) + COLUMN_GAP * (page.parts.length - 1);
  let graphX = left + (page.width - graphWidth) / 2;
  for (const part of page.parts) {
    parts.push(`<g${attrs({ class: 'graph', transform: `translate(${num(graphX)} ${num(top)})` })}>`);
    parts.push(`<g class="edges">${part.edges.map((edge) => edgeMarkup(edge, prefix)).join('')}</g>`);
    parts.push(`<g class="nodes">${part.nodes.map(nodeMarkup).join('')}</g>`);
    parts.push('</g>');
    graphX += part.width + COLUMN_GAP;
  }
  if (page.parts.length > 0) top += Math.max(...page.parts.map((part) => part.height)) + SECTION_GAP;
  if (page.caption) parts.push(text(page.caption, TEXT_COLOUR, 'caption'));
  return parts.join('\n');
}

/**
 * A standalone SVG document holding pages stacked top to bottom; `maxHeightMm` when it is one printed page.
 */
function svgDocument(
  item: FlowchartItem,
  pages: readonly Page[],
  prefix: string,
  maxHeightMm?: number,
): string {
  const width = Math.ceil(Math.max(...pages.map((page) => page.width)) + 2 * PAGE_MARGIN);
  const height = Math.ceil(pages.reduce((sum, page) => sum + page.height, 0) + PAGE_GAP * (pages.length - 1));
  const print = printSize(width, height, maxHeightMm);
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
  let y = 0;
  pages.forEach((page, index) => {
    if (index > 0) {
      // Where one printed page ends and the next begins.
      const cut = y - PAGE_GAP / 2;
      parts.push(
        `<line${attrs({ class: 'page-break', x1: 0, y1: cut, x2: width, y2: cut, stroke: '#bbbbbb', 'stroke-dasharray': '2 4' })}/>`,
      );
    }
    parts.push(
      `<g${attrs({ class: 'page' })}>${pageMarkup(page, (width - page.width) / 2 - PAGE_MARGIN, y, prefix)}</g>`,
    );
    y += page.height + PAGE_GAP;
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

async function itemPages(item: FlowchartItem): Promise<Page[]> {
  return pagesOf(item, await layoutFlowchart(item));
}

/** The item's 办理流程图 as one SVG, its printed pages stacked. The same item always gives the same bytes. */
export async function renderFlowchart(
  item: FlowchartItem,
  options: RenderFlowchartOptions = {},
): Promise<string> {
  return svgDocument(item, await itemPages(item), options.idPrefix ?? defaultIdPrefix(item));
}

/** The item's 办理流程图 as one SVG per printed page, each at most an A4 content area, fonts ≥ 9 pt. */
export async function renderFlowchartPages(
  item: FlowchartItem,
  options: RenderFlowchartOptions = {},
): Promise<string[]> {
  const prefix = options.idPrefix ?? defaultIdPrefix(item);
  const pages = await itemPages(item);
  return pages.map((page, index) =>
    svgDocument(item, [page], pages.length > 1 ? `${prefix}-${index + 1}` : prefix, PRINT_MAX_HEIGHT_MM),
  );
}
