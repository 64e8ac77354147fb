import type { Item } from '@oneseal/schemas';
import { PRINT_CSS, renderDocument, trusted } from '@oneseal/templates';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { DocumentOptions } from '../documents/render';
import { guideBodyView, itemHeader } from '../documents/render';
import { bookPageStyle } from '../documents/pageStyle';
import type { PdfPrinter } from './browser';
import { destinationPages, stampPageNumbers } from './pages';

export interface BookProgress {
  /** guides: flowcharts and QR codes prepared; printed: guides printed; then contents, merge, done. */
  phase: 'guides' | 'printed' | 'contents' | 'merge' | 'done';
  done: number;
  total: number;
}

export interface BookOptions extends DocumentOptions {
  region: { name: string; parentName: string };
  /** Printed on the cover (YYYY-MM-DD). */
  date: string;
  onProgress?: (progress: BookProgress) => void;
  /** Guides per printed part; default: one part per print slot of the printer. */
  partSize?: number;
}

const css = trusted(PRINT_CSS);

const SAVE_OBJECTS_PER_TICK = 2000;

/** Lets timers and I/O run (an `await` of a settled promise does not). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PrintedPart {
  doc: PDFDocument;
  /** 1-based page within the part where each of its guides starts. */
  starts: number[];
}

/**
 * A township's guide book as one PDF: cover and contents, then every item's guide with its flowchart, pages
 * numbered — n / N — from the first guide. The guides are printed in parts, as many at once as the printer
 * has slots, while the next parts are prepared; each guide's title links to itself, and the PDF's named
 * destinations tell on which page each guide of a part starts. The
 * contents are printed last, with those page numbers, and everything is put together.
 */
export async function renderBook(
  items: readonly Item[],
  printer: PdfPrinter,
  options: BookOptions,
): Promise<Buffer> {
  const report = options.onProgress ?? (() => undefined);
  const total = items.length;
  // Every printed PDF pays for its own embedded CJK glyphs, so few large parts beat many small ones
  // (200 guides: 13 parts of 16 took 19.9 s, 2 parts of 100 took 9.8 s): one part per print slot.
  const size = options.partSize ?? Math.max(1, Math.ceil(total / printer.parallel));
  let prepared = 0;
  let printedGuides = 0;
  const parts: Promise<PrintedPart>[] = [];
  for (let first = 0; first < total; first += size) {
    const part = items.slice(first, first + size);
    const guides = [];
    for (const [i, item] of part.entries()) {
      guides.push({
        ...(await guideBodyView(item, options)),
        pageClass: `page-item-${i}`,
        anchor: `guide-${i}`,
      });
      report({ phase: 'guides', done: ++prepared, total });
      // A guide's view is mostly synchronous work once its flowchart is laid out: one guide per turn.
      await yieldToEventLoop();
    }
    const html = renderDocument('book-body', {
      documentTitle: `${options.region.name} 办事指南汇编`,
      css,
      pageStyle: trusted(bookPageStyle(part.map(itemHeader))),
      guides,
    });
    // Printing runs in Chromium while the loop prepares the next part here.
    parts.push(
      printer.print(html, { tagged: false }).then(async (pdf) => {
        const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        const starts = destinationPages(
          doc,
          part.map((_, i) => `guide-${i}`),
        );
        printedGuides += part.length;
        report({ phase: 'printed', done: printedGuides, total });
        return { doc, starts };
      }),
    );
  }
  const printed = await Promise.all(parts);

  report({ phase: 'contents', done: total, total });
  let offset = 0;
  const pages: number[] = [];
  for (const { doc, starts } of printed) {
    pages.push(...starts.map((start) => offset + start));
    offset += doc.getPageCount();
  }
  const front = await printer.print(
    renderDocument('book-front', {
      documentTitle: `${options.region.name} 办事指南汇编`,
      css,
      pageStyle: trusted(''),
      regionName: options.region.name,
      parentName: options.region.parentName,
      count: total,
      date: options.date,
      entries: items.map((item, i) => ({ index: i + 1, code: item.code, name: item.name, page: pages[i] })),
    }),
    // The merged book keeps no structure tree anyway; untagged prints faster.
    { tagged: false },
  );

  report({ phase: 'merge', done: total, total });
  const book = await PDFDocument.load(front, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const frontPages = book.getPageCount();
  for (const { doc } of printed) {
    // Copying a part's pages is one synchronous call: let the server answer others between parts.
    await yieldToEventLoop();
    for (const page of await book.copyPages(doc, doc.getPageIndices())) book.addPage(page);
  }
  await yieldToEventLoop();
  await stampPageNumbers(book, frontPages);
  book.setTitle(`${options.region.name} 政务服务事项办事指南汇编`);
  // Object streams would make the file smaller and the save twice as slow on a thousand-page book. Saving
  // gives the event loop a turn every SAVE_OBJECTS_PER_TICK objects, so a book never stalls the server.
  const bytes = Buffer.from(
    await book.save({ useObjectStreams: false, objectsPerTick: SAVE_OBJECTS_PER_TICK }),
  );
  report({ phase: 'done', done: total, total });
  return bytes;
}
