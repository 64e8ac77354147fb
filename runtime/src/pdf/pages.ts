import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRef, rgb } from 'pdf-lib';

/**
 * The 1-based page of each named destination, in the order of `names`. Chromium writes a destination for every
 * element that a link in the document points to — also in an untagged PDF, which prints much faster than a
 * tagged one (the only kind it gives bookmarks).
 */
export function destinationPages(doc: PDFDocument, names: readonly string[]): number[] {
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  return names.map((name) => {
    const target = dests?.lookupMaybe(PDFName.of(name), PDFArray)?.get(0);
    const index = target instanceof PDFRef ? pageRefs.indexOf(target.toString()) : -1;
    if (index < 0) throw new Error(`PDF has no destination ${name}`);
    return index + 1;
  });
}

/**
 * TrueType faces for the stamped page numbers. Chromium's fontconfig requires one of these Debian packages
 * (fonts-dejavu-core, fonts-liberation, fonts-freefont-ttf), so any machine that prints PDFs has one.
 */
const NUMBER_FONTS = [
  process.env.PAGE_NUMBER_FONT,
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/freefont/FreeSans.ttf',
].filter((path): path is string => Boolean(path));

export class PageNumberFontMissingError extends Error {
  readonly code = 'page-number-font-missing';
  constructor() {
    super(
      `未找到页码字体（${NUMBER_FONTS.join('、')}）。请安装 Debian 软件包：apt-get install fonts-dejavu-core`,
    );
    this.name = 'PageNumberFontMissingError';
  }
}

const FOOTER_SIZE = 8; // pt, as the documents' own footers
const FOOTER_BASELINE = 28; // pt above the bottom edge, inside the 20 mm margin

/**
 * Stamps “— n / N —” at the foot of pages `from`…end (0-based), n counting from 1, in an embedded subset of a
 * sans TrueType face: searchable text, like the footer single documents print through CSS.
 */
export async function stampPageNumbers(doc: PDFDocument, from: number): Promise<void> {
  const file = NUMBER_FONTS.find((path) => existsSync(path));
  if (!file) throw new PageNumberFontMissingError();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(file), { subset: true });
  const pages = doc.getPages().slice(from);
  pages.forEach((page, i) => {
    const text = `\u2014 ${i + 1} / ${pages.length} \u2014`;
    const width = font.widthOfTextAtSize(text, FOOTER_SIZE);
    page.drawText(text, {
      x: (page.getWidth() - width) / 2,
      y: FOOTER_BASELINE,
      size: FOOTER_SIZE,
      font,
      color: rgb(0.33, 0.33, 0.33),
    });
  });
}
