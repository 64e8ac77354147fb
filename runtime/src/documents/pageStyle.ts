import { cssString } from './text';

export interface PageHeader {
  /** Printed at the top left of every page: the item (or book) name. */
  left: string;
  /** Printed at the top right: the version. */
  right: string;
}

const MARGIN_TEXT = `font-family: 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #555;`;
// The version stays on one line however long the item name at the left is.
const RIGHT_TEXT = `${MARGIN_TEXT} white-space: nowrap;`;

function headerBoxes(header: PageHeader): string {
  return `@top-left { content: ${cssString(header.left)}; ${MARGIN_TEXT} } @top-right { content: ${cssString(header.right)}; ${RIGHT_TEXT} }`;
}

// “— 3 / 12 —”: page x / y in the style of official documents; the book stamps the same on its merged pages.
const FOOTER = `@bottom-center { content: "— " counter(page) " / " counter(pages) " —"; ${MARGIN_TEXT} }`;

/** Page header (name, version) and footer (page x / y) of a single document, as @page margin boxes. */
export function documentPageStyle(header: PageHeader): string {
  return `@page { ${headerBoxes(header)} ${FOOTER} }`;
}

/**
 * A part of the book body: one named page per guide, so each guide's pages carry its own name and version. No
 * footer: the parts are printed apart and page numbers are stamped once they are put together.
 */
export function bookPageStyle(headers: PageHeader[]): string {
  return headers
    .map((h, i) => `@page item-${i} { ${headerBoxes(h)} } .page-item-${i} { page: item-${i}; }`)
    .join('\n');
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 21 → 二十一 (section numbers of a guide). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
