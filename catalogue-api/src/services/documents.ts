import { createHash } from 'node:crypto';
import type { DataElement, Item } from '@oneseal/schemas';
import { formFieldEntries } from '@oneseal/schemas';
import type { PdfPrinter } from '@oneseal/runtime';
import {
  ChromiumMissingError,
  renderBlankForm,
  renderBook,
  renderFlowchart,
  renderGuide,
  renderNotice,
} from '@oneseal/runtime';
import { ApiError, notFound } from '../http/errors';
import { publishedItemText, requireRegion } from './publicCatalogue';
import { storageFault } from './storageFaults';
import type { Store } from './store';
import { chinaToday } from './chinaDate';

export const ITEM_DOCUMENTS = [
  'guide.html',
  'guide.pdf',
  'notice.html',
  'notice.pdf',
  'flowchart.svg',
  'blank-form.html',
  'blank-form.pdf',
] as const;
export type ItemDocumentKind = (typeof ITEM_DOCUMENTS)[number];

export interface RenderedDocument {
  contentType: string;
  content: Buffer;
  /** Names the published version(s) the document was rendered from. */
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  svg: 'image/svg+xml; charset=utf-8',
};

/** The data elements an item's form binds: the paper form prints the options of choices bound to them. */
async function boundElements(store: Store, item: Item): Promise<DataElement[]> {
  if (!item.form) return [];
  const codes = [
    ...new Set(
      formFieldEntries(item.form).flatMap(({ field }) =>
        field['x-data-element'] ? [field['x-data-element']] : [],
      ),
    ),
  ];
  if (codes.length === 0) return [];
  const rows = await store.models.DataElement.findAll({ where: { code: codes }, order: [['code', 'ASC']] });
  return rows.map((row) => row.doc as DataElement);
}

async function renderItemDocument(
  item: Item,
  kind: ItemDocumentKind,
  printer: PdfPrinter,
  publicBaseUrl: string,
  elements: readonly DataElement[],
): Promise<Buffer> {
  const [name, format] = kind.split('.') as [string, string];
  if (name === 'flowchart') {
    const process = item.process ?? [];
    if (process.length === 0)
      throw notFound({ zh: '该事项没有载明办理流程，没有流程图', en: 'The item states no process to draw' });
    return Buffer.from(await renderFlowchart({ ...item, process }));
  }
  const html =
    name === 'guide'
      ? await renderGuide(item, { publicBaseUrl })
      : name === 'notice'
        ? renderNotice(item)
        : renderBlankForm(item, elements);
  return format === 'pdf' ? printer.print(html) : Buffer.from(html);
}

// PDFs need Chromium on the server; HTML and SVG are rendered without it.
function explainChromiumMissing(error: unknown): never {
  if (error instanceof ChromiumMissingError)
    throw new ApiError(503, error.code, {
      zh: error.message,
      en: 'PDF output needs Chromium on the server: apt-get install chromium fonts-noto-cjk',
    });
  throw error;
}

/** An HTML document printed to PDF, or a 503 that says what the server lacks. */
export function printOrExplain(printer: PdfPrinter, html: string): Promise<Buffer> {
  return printer.print(html).catch(explainChromiumMissing);
}

/**
 * The rendered document of what is cached for the key, or rendered now and kept: a published version never
 * changes, so each document is rendered once per version (by whichever instance is asked first).
 */
async function cached(
  store: Store,
  key: string,
  regionCode: string,
  contentType: string,
  render: () => Promise<Buffer>,
): Promise<Buffer> {
  const hit = await store.models.RenderedDocument.findByPk(key);
  if (hit) return Buffer.from(hit.content);
  const content = await render().catch(explainChromiumMissing);
  // Reading a document must not depend on keeping it: a database that cannot be written serves it uncached.
  await store.models.RenderedDocument.upsert({
    key,
    regionCode,
    contentType,
    content,
    createdAt: new Date(),
  }).catch((error: unknown) => {
    if (!storageFault(error)) throw error;
  });
  return content;
}

export async function itemDocument(
  store: Store,
  printer: PdfPrinter,
  publicBaseUrl: string,
  regionCode: string,
  itemCode: string,
  kind: ItemDocumentKind,
): Promise<RenderedDocument> {
  const { version, body } = await publishedItemText(store, regionCode, itemCode);
  const item = JSON.parse(body.toString('utf8')) as Item;
  const contentType = CONTENT_TYPES[kind.split('.')[1]!]!;
  // The paper form prints the options of the data elements its choices are bound to: a changed element is a
  // different document.
  const elements = kind.startsWith('blank-form') ? await boundElements(store, item) : [];
  const elementsTag = elements.length > 0 ? `+${hashOf(JSON.stringify(elements))}` : '';
  // Guides carry a QR code to PUBLIC_BASE_URL: a different base address is a different document.
  const key = `${regionCode}/${itemCode}/v${version}/${kind}@${hashOf(publicBaseUrl)}${elementsTag}`;
  const content = await cached(store, key, regionCode, contentType, () =>
    renderItemDocument(item, kind, printer, publicBaseUrl, elements),
  );
  return { contentType, content, etag: `"${regionCode}-${itemCode}-v${version}-${kind}"` };
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** Every published item of a township, in list order. */
export async function publishedItems(store: Store, regionCode: string): Promise<Item[]> {
  const rows = await store.models.PublishedItem.findAll({
    where: { regionCode },
    attributes: ['item'],
    order: [
      ['sortOrder', 'ASC'],
      ['itemCode', 'ASC'],
    ],
  });
  return rows.map((r) => JSON.parse(r.item) as Item);
}

/** The township guide book, cached under the exact set of published versions it was made from. */
export async function townshipBook(
  store: Store,
  printer: PdfPrinter,
  publicBaseUrl: string,
  regionCode: string,
): Promise<RenderedDocument> {
  const region = await requireRegion(store, regionCode);
  const items = await publishedItems(store, regionCode);
  if (items.length === 0)
    throw notFound({ zh: `${region.name} 还没有已发布的事项`, en: `${region.name} has no published item` });
  const parent = region.parentCode ? await requireRegion(store, region.parentCode) : undefined;
  const versions = createHash('sha256')
    .update(items.map((i) => `${i.code}@${i.version}`).join(','))
    .digest('hex')
    .slice(0, 16);
  const content = await cached(
    store,
    `${regionCode}/book/${versions}@${hashOf(publicBaseUrl)}`,
    regionCode,
    CONTENT_TYPES.pdf!,
    () =>
      renderBook(items, printer, {
        publicBaseUrl,
        region: { name: region.name, parentName: parent?.name ?? '' },
        date: chinaToday(),
      }),
  );
  return { contentType: CONTENT_TYPES.pdf!, content, etag: `"${regionCode}-book-${versions}"` };
}
