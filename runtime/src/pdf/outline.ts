import type { PDFDocument } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRef, rgb, StandardFonts } from 'pdf-lib';

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
 * Stamps “— n / N —” at the foot of pages `from`…end (0-based), counting n from 1: the same footer single
 * documents print through CSS. Digits, spaces, slash and em dash are all in the standard font's encoding.
 */
export async function stampPageNumbers(doc: PDFDocument, from: number): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages().slice(from);
  pages.forEach((page, i) => {
    const text = `\u2014 ${i + 1} / ${pages.length} \u2014`;
    const size = 8;
    const width = font.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: (page.getWidth() - width) / 2,
      y: 28,
      size,
      font,
      color: rgb(0.33, 0.33, 0.33),
    });
  });
}
