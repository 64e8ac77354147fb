import type { ApiContext } from '../http/context';
import type { RouteSpec } from '../http/routeTable';
import type { ItemDocumentKind, RenderedDocument } from '../services/documents';
import { itemDocument, townshipBook } from '../services/documents';
import { itemParam, pick, townshipParam } from './common';
import { matchesIfNoneMatch } from '../http/etag';

// Printed documents open in a browser tab: nothing in them may load or run anything.
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function send(ctx: ApiContext, doc: RenderedDocument, filename: string) {
  ctx.set('ETag', doc.etag);
  ctx.set('Cache-Control', 'public, max-age=60, must-revalidate');
  ctx.set('Content-Security-Policy', DOCUMENT_CSP);
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), doc.etag)) {
    ctx.status = 304;
    return;
  }
  if (doc.contentType === 'application/pdf')
    ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`);
  ctx.type = doc.contentType;
  ctx.body = doc.content;
}

const chromiumMissing = { description: '服务器未安装 Chromium，无法生成 PDF（HTML 与 SVG 不受影响）' };

const DOCUMENTS: { kind: ItemDocumentKind; summary: string; contentType: string }[] = [
  { kind: 'guide.html', summary: '办事指南（HTML）', contentType: 'text/html' },
  { kind: 'guide.pdf', summary: '办事指南（PDF，A4）', contentType: 'application/pdf' },
  { kind: 'notice.html', summary: '一次性告知单（HTML）', contentType: 'text/html' },
  { kind: 'notice.pdf', summary: '一次性告知单（PDF）', contentType: 'application/pdf' },
  { kind: 'flowchart.svg', summary: '办理流程图（SVG）', contentType: 'image/svg+xml' },
  { kind: 'blank-form.html', summary: '纸质申请表（HTML）', contentType: 'text/html' },
  { kind: 'blank-form.pdf', summary: '纸质申请表（PDF）', contentType: 'application/pdf' },
];

export const documentRoutes: RouteSpec[] = [
  ...DOCUMENTS.map(({ kind, summary, contentType }): RouteSpec => ({
    method: 'get',
    path: `/public/regions/:code/items/:itemCode/${kind}`,
    tag: '文书',
    summary: `${summary}：按已发布版本生成并缓存`,
    access: 'public',
    params: { code: townshipParam, itemCode: itemParam },
    responses: {
      200: { description: summary, contentType, schema: { type: 'string' } },
      304: { description: '未变化（If-None-Match）' },
      ...pick(400, 404),
      ...(kind.endsWith('.pdf') ? { 503: chromiumMissing } : {}),
    } as RouteSpec['responses'],
    async handle(ctx, { store, printer, config }) {
      const doc = await itemDocument(
        store,
        printer,
        config.publicBaseUrl,
        ctx.params.code!,
        ctx.params.itemCode!,
        kind,
      );
      send(ctx, doc, `${ctx.params.itemCode}-${kind}`);
    },
  })),
  {
    method: 'get',
    path: '/public/regions/:code/book.pdf',
    tag: '文书',
    summary: '乡镇办事指南汇编（封面、带页码的目录、每个事项的指南和流程图）',
    access: 'public',
    params: { code: townshipParam },
    responses: {
      200: { description: 'PDF', contentType: 'application/pdf', schema: { type: 'string' } },
      304: { description: '未变化（If-None-Match）' },
      ...pick(400, 404),
      503: chromiumMissing,
    },
    async handle(ctx, { store, printer, config }) {
      send(
        ctx,
        await townshipBook(store, printer, config.publicBaseUrl, ctx.params.code!),
        `${ctx.params.code}-办事指南汇编.pdf`,
      );
    },
  },
];
