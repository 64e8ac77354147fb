// Width estimates and line wrapping for mixed Chinese / Latin text, without a font engine.
// Widths are in em: a CJK ideograph or full-width punctuation mark is one em, Latin text about half.
// Lines break between words (breakUnits), never inside one unless it alone is wider than a line.

import { breakUnits, characterUnits } from '../text/breakUnits';

const NARROW_ASCII = new Set("iljtfrI!|.,:;'`()[]{} ".split(''));
const WIDE_ASCII = new Set('mwMWQGODCHNU@%&'.split(''));

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0x303f) || // CJK radicals, Kangxi, CJK symbols and punctuation
    (code >= 0x3040 && code <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe10 && code <= 0xfe1f) || // vertical forms
    (code >= 0xfe30 && code <= 0xfe6f) || // CJK compatibility forms, small forms
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) || // emoji
    (code >= 0x20000 && code <= 0x3fffd) // CJK extensions B–H
  );
}

/**
 * The estimated advance of one character in em. Punctuation that Chinese fonts draw full-width
 * (“”‘’…—·) counts as one em, so estimates err on the wide side.
 */
export function charWidthEm(char: string, bold = false): number {
  const code = char.codePointAt(0) ?? 0;
  if (isWide(code) || (code >= 0x2010 && code <= 0x206f) || code === 0xb7) return 1;
  let width: number;
  if (code < 0x80) width = NARROW_ASCII.has(char) ? 0.34 : WIDE_ASCII.has(char) ? 0.8 : 0.58;
  else if (code >= 0xff61 && code <= 0xffdc)
    width = 0.5; // half-width kana / hangul
  else width = 0.65;
  return bold ? width * 1.06 : width;
}

/** The estimated width of a whole string in em. */
export function textWidthEm(text: string, bold = false): number {
  let total = 0;
  for (const char of text) total += charWidthEm(char, bold);
  return total;
}

export interface WrapOptions {
  /** Widest line in em. */
  maxEm: number;
  bold?: boolean;
  /** The first line holds this much less (a prefix such as "岗位：" sits before it). */
  firstLineInsetEm?: number;
}

/**
 * Greedy line breaking at `maxEm`. Words (Chinese and Latin) move whole to the next line unless a word
 * alone is wider than a line; spaces at line ends are dropped. Returns at least one line (possibly empty).
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { maxEm, bold = false, firstLineInsetEm = 0 } = options;
  const lines: string[] = [];
  let line = '';
  const room = (): number => (lines.length === 0 ? maxEm - firstLineInsetEm : maxEm);
  const fits = (candidate: string): boolean => textWidthEm(candidate.trimEnd(), bold) <= room();
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const unit of breakUnits(text.trim())) {
    if (unit === ' ' && line === '') continue;
    if (fits(line + unit)) {
      line += unit;
      continue;
    }
    if (line.trim() !== '') push();
    if (unit === ' ') continue;
    if (fits(unit)) {
      line = unit;
      continue;
    }
    // A single unit wider than a line (a long number, URL or word): cut it character by character.
    for (const piece of characterUnits(unit)) {
      if (line !== '' && !fits(line + piece)) push();
      line += piece;
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

const PAUSES = new Set('、，；：,;'.split(''));

/** A break after one of these (or at a space) falls between phrases. */
function isPauseBreak(units: readonly string[], at: number): boolean {
  const before = units[at - 1] ?? '';
  return before === ' ' || units[at] === ' ' || PAUSES.has(before[before.length - 1] ?? '');
}

/** A break mid-phrase costs as much as this much extra width (em) on the widest line. */
const MID_PHRASE_BREAK_COST = 2;
/** Longer texts are balanced without the phrase search (it is quadratic in length). */
const MAX_SEARCH_UNITS = 120;

/**
 * Like wrapText, but choosing where to break: in as few lines as greedy wrapping at `maxEm` needs,
 * the breaks (between words) that minimise the widest line plus MID_PHRASE_BREAK_COST per break that is
 * not after a pause mark (、，；：) or at a space. So "乡镇人民政府分管领导审批" becomes "乡镇人民政府" /
 * "分管领导审批" rather than ending in a lone "审批", and "申请人、村（居）民委员会" breaks after "、".
 */
export function wrapBalanced(text: string, options: WrapOptions): string[] {
  const greedy = wrapText(text, options);
  const count = greedy.length;
  const units = breakUnits(text.trim());
  if (count < 2 || units.length > MAX_SEARCH_UNITS) return greedy;
  const bold = options.bold ?? false;
  const inset = options.firstLineInsetEm ?? 0;
  const lineWidth = (from: number, to: number): number =>
    textWidthEm(units.slice(from, to).join('').trim(), bold);

  // best[k][i][p]: the narrowest widest-line for units[0, i) in k lines with p mid-phrase breaks.
  type Entry = { width: number; from: number };
  const best: (Entry | undefined)[][][] = Array.from({ length: count + 1 }, () =>
    Array.from({ length: units.length + 1 }, () => new Array<Entry | undefined>(count).fill(undefined)),
  );
  best[0]![0]![0] = { width: 0, from: -1 };
  for (let k = 1; k <= count; k++) {
    const room = k === 1 ? options.maxEm - inset : options.maxEm;
    for (let i = 1; i <= units.length; i++) {
      for (let from = i - 1; from >= 0; from--) {
        const width = lineWidth(from, i);
        if (width > room) break;
        if (width === 0) continue;
        const midPhrase = k > 1 && !isPauseBreak(units, from) ? 1 : 0;
        for (let p = 0; p + midPhrase < count; p++) {
          const previous = best[k - 1]![from]![p];
          if (!previous) continue;
          const candidate = { width: Math.max(previous.width, width), from };
          const slot = best[k]![i]!;
          const current = slot[p + midPhrase];
          if (!current || candidate.width < current.width) slot[p + midPhrase] = candidate;
        }
      }
    }
  }
  let choice: { p: number; cost: number } | undefined;
  best[count]![units.length]!.forEach((entry, p) => {
    const cost = entry ? entry.width + MID_PHRASE_BREAK_COST * p : Infinity;
    if (entry && (!choice || cost < choice.cost)) choice = { p, cost };
  });
  if (!choice) return greedy; // only reachable by cutting a word wider than a line, as greedy did
  const lines: string[] = [];
  let end = units.length;
  let p = choice.p;
  for (let k = count; k >= 1; k--) {
    const entry = best[k]![end]![p]!;
    lines.unshift(units.slice(entry.from, end).join('').trim());
    if (k > 1 && !isPauseBreak(units, entry.from)) p--;
    end = entry.from;
  }
  return lines;
}
