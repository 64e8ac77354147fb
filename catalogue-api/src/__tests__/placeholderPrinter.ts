import { PdfPrinter } from '@oneseal/runtime';
import { PDFDocument, PDFName } from 'pdf-lib';

/**
 * A printer that prints nothing, for tests that exercise the routes rather than Chromium: one empty page for each
 * guide anchor of the HTML (id="guide-N"), named as Chromium names them, so a route that prints — a guide, a
 * notice, a township's book, an application — runs all of its own code at the cost of a few empty pages.
 */
export class PlaceholderPrinter extends PdfPrinter {
  override async print(html: string): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const anchors = [...html.matchAll(/id="(guide-\d+)"/g)].map((m) => m[1]!);
    const destinations: Record<string, unknown[]> = {};
    for (const name of anchors.length > 0 ? anchors : ['document'])
      destinations[name] = [doc.addPage().ref, 'XYZ', null, null, null];
    doc.catalog.set(PDFName.of('Dests'), doc.context.obj(destinations as never));
    return Buffer.from(await doc.save());
  }
}
