import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RouteSpec } from '../http/routeTable';
import { notFound } from '../http/errors';
import { shape } from './common';

const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

// The page loads everything from this server: no CDN, no inline script (the init lives in init.js).
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OneSeal 一章通 API 文档</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body>
</html>`;
// Swagger UI runs from /api/docs/assets and init.js only (no inline script, no eval); it styles with inline style
// attributes and draws icons as data: images; it reads /api/openapi.json and sends "Try it out" to this API.
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true, defaultModelsExpandDepth: 0 });`;

/** `/api/openapi.json` and the human docs page; the document itself is built by the app from its route table. */
export function docsRoutes(document: () => Record<string, unknown>): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/openapi.json',
      tag: '系统',
      summary: 'OpenAPI 3.1 文档',
      access: 'public',
      responses: { 200: { description: 'OpenAPI 文档', schema: shape('OpenApiDocument') } },
      async handle(ctx) {
        ctx.body = document();
      },
    },
    {
      method: 'get',
      path: '/docs',
      tag: '系统',
      summary: '接口文档页面',
      access: 'public',
      responses: { 200: { description: 'HTML', contentType: 'text/html', schema: { type: 'string' } } },
      async handle(ctx) {
        ctx.set('Content-Security-Policy', DOCS_CSP);
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = PAGE;
      },
    },
    {
      method: 'get',
      path: '/docs/init.js',
      tag: '系统',
      summary: '接口文档页面脚本',
      access: 'public',
      responses: {
        200: { description: 'JavaScript', contentType: 'text/javascript', schema: { type: 'string' } },
      },
      async handle(ctx) {
        ctx.type = 'application/javascript; charset=utf-8';
        ctx.body = INIT;
      },
    },
    {
      method: 'get',
      path: '/docs/assets/:file',
      tag: '系统',
      summary: '接口文档页面资源',
      access: 'public',
      params: { file: { description: '文件名', schema: { type: 'string', enum: Object.keys(ASSETS) } } },
      responses: { 200: { description: '静态文件' }, 400: { description: '没有这个文件' } },
      async handle(ctx) {
        const type = ASSETS[ctx.params.file!];
        if (!type) throw notFound({ zh: '没有这个文件', en: 'No such file' });
        ctx.type = type;
        ctx.set('Cache-Control', 'public, max-age=86400');
        ctx.body = await readFile(join(swaggerDir, ctx.params.file!));
      },
    },
  ];
}
