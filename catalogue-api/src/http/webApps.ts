import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';

/** A built single-page app and the path it is served under ('' for the site root). */
export interface WebApp {
  mount: string;
  dir: string;
  /** The app compiles validators in the page (ajv), so its CSP must allow 'unsafe-eval'. */
  compilesInPage?: boolean;
}

/**
 * Scripts from the app itself only. The portal compiles nothing: its form checks are compiled by the server and
 * imported as same-origin modules (/api/public/regions/…/form-checks.js), so it runs without 'unsafe-eval'. The
 * designer runs the whole model's validators as editors type (validateItem, assessImplementation, its JSON view),
 * which ajv compiles in the page: it keeps 'unsafe-eval' (signed-in editors only), and takes blob: for its preview's
 * checks, which the server compiles from the unsaved form. Editor text is never run (conditions are evaluated as
 * data). antd writes its styles into <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
const csp = (app: WebApp) =>
  [
    "default-src 'self'",
    app.compilesInPage ? "script-src 'self' 'unsafe-eval' blob:" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Serves the portal at / and the designer at /designer: hashed assets cached for a year, and every other path
 * under the app answered with its index.html, so deep links (a QR code's item page) load the app. Paths under
 * /api are never touched. An app that has not been built is skipped.
 */
export function webApps(apps: readonly WebApp[]): Middleware {
  const built = apps
    .filter((app) => existsSync(join(app.dir, 'index.html')))
    // The longest mount first: /designer before /.
    .sort((a, b) => b.mount.length - a.mount.length)
    .map((app) => ({
      ...app,
      index: readFileSync(join(app.dir, 'index.html')),
      // Browsers ask for /favicon.ico whatever the page says; without it they would get index.html.
      favicon: existsSync(join(app.dir, 'favicon.ico'))
        ? readFileSync(join(app.dir, 'favicon.ico'))
        : undefined,
      csp: csp(app),
      // The bundles are large for a phone on a village connection: the build wrote NAME.br and NAME.gz beside
      // each (scripts/precompress.js), sent from disk as the browser accepts them — never compressed per request.
      files: serve(app.dir, {
        index: false,
        maxage: 365 * 24 * 3600 * 1000,
        immutable: true,
        gzip: true,
        brotli: true,
      }),
    }));
  return async (ctx, next) => {
    if (ctx.path === '/api' || ctx.path.startsWith('/api/')) return next();
    return serveApp(ctx, next);
  };

  async function serveApp(ctx: Parameters<Middleware>[0], next: () => Promise<unknown>) {
    const app = built.find((a) => ctx.path === a.mount || ctx.path.startsWith(`${a.mount}/`));
    if (!app || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const inner = ctx.path.slice(app.mount.length) || '/';
    if (inner.startsWith('/assets/')) {
      const original = ctx.path;
      // Which bytes are sent depends on Accept-Encoding: caches must keep the variants apart.
      ctx.vary('Accept-Encoding');
      ctx.path = inner;
      try {
        await app.files(ctx, async () => undefined);
      } catch (error) {
        // koa-send refuses a path that leaves the app's directory (403) or does not decode (400): to the
        // client that is simply no such file.
        if (!isClientError(error)) throw error;
      } finally {
        ctx.path = original;
      }
      if (ctx.body !== undefined && ctx.body !== null) return;
      return next();
    }
    if (inner === '/favicon.ico') {
      if (!app.favicon) return next();
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.type = 'image/x-icon';
      ctx.body = app.favicon;
      return;
    }
    ctx.set('Content-Security-Policy', app.csp);
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = app.index;
  }
}

const isClientError = (error: unknown) => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};
