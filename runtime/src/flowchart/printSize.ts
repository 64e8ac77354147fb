// How big the drawing prints. At natural size one drawing unit is 1 pt. A drawing wider than the A4
// content width is scaled down to fit it (the layout keeps graphs narrow enough for that to leave
// every font ≥ 9 pt); a drawing taller than the A4 content height is scaled down towards it, but
// never so far that a font drops below 9 pt — a taller drawing is left for the page to break.

import { MIN_PRINTED_FONT_PT } from './layoutVariants';
import { FONT, MM_PER_UNIT, PRINT_MAX_HEIGHT_MM, PRINT_MAX_WIDTH_MM } from './style';

export interface PrintSize {
  widthMm: number;
  heightMm: number;
  /** Printed size ÷ natural size (≤ 1); a 10-unit font prints at 10 × scale pt. */
  scale: number;
  /** The smallest font as printed, in pt. */
  smallestFontPt: number;
}

const SMALLEST_FONT = Math.min(...Object.values(FONT));

export function printSize(width: number, height: number): PrintSize {
  const naturalWidth = width * MM_PER_UNIT;
  const naturalHeight = height * MM_PER_UNIT;
  const readable = MIN_PRINTED_FONT_PT / SMALLEST_FONT;
  const toPageHeight = Math.max(readable, PRINT_MAX_HEIGHT_MM / naturalHeight);
  const scale = Math.min(1, PRINT_MAX_WIDTH_MM / naturalWidth, toPageHeight);
  return {
    widthMm: naturalWidth * scale,
    heightMm: naturalHeight * scale,
    scale,
    smallestFontPt: SMALLEST_FONT * scale,
  };
}
