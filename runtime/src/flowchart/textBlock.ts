// A text block: wrapped lines with their fonts and estimated widths, measured but not yet placed.
// Node boxes and edge labels are sized from their blocks, then placed where ELK puts the box.

import type { FlowTextLine, Rect } from './types';
import { LINE_HEIGHT } from './style';
import { textWidthEm, wrapBalanced } from './textMetrics';

export interface BlockLine {
  text: string;
  fontSize: number;
  bold: boolean;
  /** Centred across the box, or left-aligned within the (centred) block at `indent`. */
  align: 'center' | 'left';
  indent: number;
  /** Estimated width including the indent, in drawing units. */
  width: number;
}

export interface TextBlock {
  lines: BlockLine[];
  width: number;
  height: number;
}

/** Fraction of the font size from the top of a line box's glyphs to the baseline (CJK fonts ≈ 0.88). */
const ASCENT = 0.88;

/** Builds a block line by line; every `add…` call wraps its text at `maxEm` of that line's font. */
export class TextBlockBuilder {
  private readonly lines: BlockLine[] = [];

  constructor(private readonly maxEm: number) {}

  /** A centred paragraph, e.g. a step name. */
  centred(text: string, fontSize: number, bold = false): this {
    for (const line of wrapBalanced(text, { maxEm: this.maxEm, bold })) {
      this.lines.push({
        text: line,
        fontSize,
        bold,
        align: 'center',
        indent: 0,
        width: this.width(line, fontSize, bold),
      });
    }
    return this;
  }

  /**
   * "岗位：乡镇农业农村、自然资源" — the prefix on the first line, continuation lines indented under the
   * value (hanging indent). Each value starts a new line and later values are indented as well.
   */
  labelled(prefix: string, values: string[], fontSize: number): this {
    const prefixEm = textWidthEm(prefix);
    values.forEach((value, index) => {
      const wrapped = wrapBalanced(value, { maxEm: this.maxEm - prefixEm });
      wrapped.forEach((line, lineIndex) => {
        const first = index === 0 && lineIndex === 0;
        const text = first ? prefix + line : line;
        const indent = first ? 0 : prefixEm * fontSize;
        this.lines.push({
          text,
          fontSize,
          bold: false,
          align: 'left',
          indent,
          width: indent + this.width(text, fontSize, false),
        });
      });
    });
    return this;
  }

  /** A left-aligned paragraph without prefix. */
  plain(text: string, fontSize: number, bold = false): this {
    for (const line of wrapBalanced(text, { maxEm: this.maxEm, bold })) {
      this.lines.push({
        text: line,
        fontSize,
        bold,
        align: 'left',
        indent: 0,
        width: this.width(line, fontSize, bold),
      });
    }
    return this;
  }

  build(): TextBlock {
    const width = Math.max(0, ...this.lines.map((line) => line.width));
    const height = this.lines.reduce((sum, line) => sum + line.fontSize * LINE_HEIGHT, 0);
    return { lines: this.lines.slice(), width, height };
  }

  private width(text: string, fontSize: number, bold: boolean): number {
    return textWidthEm(text, bold) * fontSize;
  }
}

/**
 * Places a block's lines in a box: the block is centred horizontally and vertically, centred lines
 * span the whole box, left-aligned lines start at the block's left edge plus their indent.
 */
export function placeBlock(block: TextBlock, box: Rect, round: (value: number) => number): FlowTextLine[] {
  const left = box.x + (box.width - block.width) / 2;
  let top = box.y + (box.height - block.height) / 2;
  return block.lines.map((line) => {
    const lineHeight = line.fontSize * LINE_HEIGHT;
    const baseline = top + (lineHeight - line.fontSize) / 2 + line.fontSize * ASCENT;
    top += lineHeight;
    const textWidth = line.width - line.indent;
    return {
      text: line.text,
      x: round(line.align === 'center' ? box.x + box.width / 2 : left + line.indent),
      y: round(baseline),
      width: round(textWidth),
      fontSize: line.fontSize,
      bold: line.bold,
      anchor: line.align === 'center' ? 'middle' : 'start',
    };
  });
}
