// How big a drawing prints. At natural size one drawing unit is 1 pt. A drawing wider than the A4 content
// width is scaled down to fit it (the layout keeps graphs narrow enough for that to leave every font ≥ 9 pt).
// A chart too tall for a page is split into parts instead of being shrunk; only a page holding one step whose
// special procedures alone outgrow the page is scaled down to it (`maxHeightMm`), as the last resort.

import { FONT, MM_PER_UNIT, PRINT_MAX_WIDTH_MM } from './style';

export interface PrintSize {
  widthMm: number;
  heightMm: number;
  /** Printed size ÷ natural size (≤ 1); a 10-unit font prints at 10 × scale pt. */
  scale: number;
  /** The smallest font as printed, in pt. */
  smallestFontPt: number;
}

const SMALLEST_FONT = Math.min(...Object.values(FONT));

export function printSize(width: number, height: number, maxHeightMm = Infinity): PrintSize {
  const scale = Math.min(1, PRINT_MAX_WIDTH_MM / (width * MM_PER_UNIT), maxHeightMm / (height * MM_PER_UNIT));
  return {
    widthMm: width * MM_PER_UNIT * scale,
    heightMm: height * MM_PER_UNIT * scale,
    scale,
    smallestFontPt: SMALLEST_FONT * scale,
  };
}
