// Where a line of mixed Chinese / Latin text may break. Chinese has no spaces between words, so runs of
// ideographs are cut into words by jieba's dictionary (@node-rs/jieba, without its HMM guesser, so the same text
// always gives the same words): a line then breaks between 户籍 and 老年人, never inside 户籍.

import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Characters a Chinese line must not start with (closing punctuation, 行首禁则). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}>'.split(''));
/** Characters a Chinese line must not end with (opening punctuation, 行尾禁则). */
const NO_LINE_END = new Set('（《「『【〔〈“‘([{<'.split(''));

/** Brackets and quotes with their closing mark: a short aside between them is kept on one line. */
const CLOSING: Record<string, string> = {
  '（': '）',
  '(': ')',
  '《': '》',
  '「': '」',
  '『': '』',
  '【': '】',
  '〔': '〕',
  '〈': '〉',
  '“': '”',
  '‘': '’',
};
/** "（市、区）", "（居）", "《告知书》": asides up to this many characters, brackets included, are not broken. */
const SHORT_ASIDE = 8;

/** Letters, digits and the joiners of identifiers and numbers: runs of these are not broken. */
function isWordChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 && /[A-Za-z0-9_\-./:%#@&+=?]/.test(char);
}

/** Ideographs (CJK unified, extension A and the astral extensions): what jieba cuts into words. */
const IDEOGRAPH = /\p{Script=Han}/u;

// The dictionary takes about half a second to load: once per process, on the first text that needs it.
let segmenter: Jieba | undefined;
// Labels repeat (the same posts and documents in every chart): words of a run are kept, within a bound.
const MAX_CACHED_RUNS = 20_000;
const cachedWords = new Map<string, string[]>();

/** The words of a run of ideographs, as jieba's dictionary cuts it. */
function words(run: string): string[] {
  let cut = cachedWords.get(run);
  if (!cut) {
    segmenter ??= Jieba.withDict(dict);
    cut = segmenter.cut(run, false);
    if (cachedWords.size >= MAX_CACHED_RUNS) cachedWords.clear();
    cachedWords.set(run, cut);
  }
  return cut;
}

/**
 * Splits text into the smallest pieces a line may break between: each Chinese word, each run of Latin
 * letters/digits, each space and each other character on its own. Opening punctuation is glued to what
 * follows and closing punctuation to what precedes, so no line starts with "，" or ends with "（"; a short
 * aside in brackets ("（市、区）") stays whole.
 * The pieces joined give the text back (with runs of white space as one space).
 */
export function breakUnits(text: string): string[] {
  const chars = [...text.replace(/\s+/g, ' ')];
  const units: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] as string;
    if (isWordChar(char) || IDEOGRAPH.test(char)) {
      const sameKind = isWordChar(char) ? isWordChar : (c: string) => IDEOGRAPH.test(c);
      let run = char;
      while (i + 1 < chars.length && sameKind(chars[i + 1] as string)) run += chars[++i];
      if (isWordChar(char)) units.push(run);
      else units.push(...words(run));
    } else units.push(char);
    i++;
  }
  return keepAsides(glue(units));
}

/** Joins the pieces of a short aside in brackets ("（市、" + "区）") into one. */
function keepAsides(units: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const closing = CLOSING[unit[0] ?? ''];
    let joined = unit;
    let j = i;
    while (closing && !joined.includes(closing) && j + 1 < units.length && [...joined].length < SHORT_ASIDE)
      joined += units[++j];
    if (closing && j > i && joined.includes(closing) && [...joined].length <= SHORT_ASIDE) {
      kept.push(joined);
      i = j;
    } else kept.push(unit);
  }
  return kept;
}

/**
 * The characters of one word as pieces a line may break between when the word alone is wider than a line,
 * punctuation still glued as breakUnits glues it.
 */
export function characterUnits(word: string): string[] {
  return glue([...word]);
}

/** Opening punctuation joins the next piece, closing punctuation the previous one. */
function glue(units: readonly string[]): string[] {
  const glued: string[] = [];
  let pendingOpen = '';
  for (const unit of units) {
    const first = unit[0] ?? '';
    if (NO_LINE_START.has(first) && glued.length > 0 && !pendingOpen && unit !== ' ') {
      glued[glued.length - 1] += unit;
    } else if (unit.length === 1 && NO_LINE_END.has(unit)) {
      pendingOpen += unit;
    } else {
      glued.push(pendingOpen + unit);
      pendingOpen = '';
    }
  }
  if (pendingOpen) glued.push(pendingOpen);
  return glued;
}
