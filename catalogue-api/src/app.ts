import type { PdfPrinter } from '@oneseal/runtime';
import Koa from 'koa';
import { TokenSigner } from './auth/tokens';
import type { ApiConfig } from './config';
import { clientAddress } from './http/clientAddress';
import type { ApiState, Deps } from './http/context';
import { authenticate, errorHandler, jsonBody, locale, securityHeaders } from './http/middleware';
import type { RouteSpec } from './http/routeTable';
import { buildRouter } from './http/routeTable';
import { responseCheck } from './http/responseCheck';
import { openApiDocument } from './openapi';
import { webApps } from './http/webApps';
import { adminRoutes } from './routes/admin';
import { catalogueRoutes } from './routes/catalogue';
import { docsRoutes } from './routes/docs';
import { excelRoutes } from './routes/excel';
import { formCheckRoutes } from './routes/formChecks';
import { documentRoutes } from './routes/documents';
import { errorBody } from './routes/common';
import { previewRoutes } from './routes/preview';
import { publicRoutes } from './routes/public';
import { changeRoutes } from './routes/changes';
import { submissionRoutes } from './routes/submissions';
import { bookingRoutes } from './routes/bookings';
import { systemRoutes } from './routes/system';
import { townshipRoutes } from './routes/townships';
import { LoginLockout } from './services/loginLockout';
import type { Notifier } from './services/notifier';
import { LogNotifier } from './services/notifier';
import { RateLimits } from './services/rateLimits';
import type { Store } from './services/store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

/** Every route of the API, in the order the OpenAPI document lists them. */
export function apiRoutes(): RouteSpec[] {
  const routes: RouteSpec[] = [
    ...systemRoutes,
    ...publicRoutes,
    ...changeRoutes,
    ...documentRoutes,
    ...previewRoutes,
    ...submissionRoutes,
    ...bookingRoutes,
    ...formCheckRoutes,
    ...townshipRoutes,
    ...excelRoutes,
    ...catalogueRoutes,
    ...adminRoutes,
  ];
  let document: Record<string, unknown> | undefined;
  const docs = docsRoutes(() => (document ??= openApiDocument([...routes, ...docs], version)));
  return [...routes, ...docs];
}

/**
 * The composition root: middleware in a fixed order (client address → security headers → errors → locale →
 * JSON body → auth → routes). The app holds no state of its own beyond its dependencies.
 */
export function createApp(
  store: Store,
  config: ApiConfig,
  secret: string,
  printer: PdfPrinter,
  notifier: Notifier = new LogNotifier(),
): Koa<ApiState> {
  const deps: Deps = {
    store,
    config,
    printer,
    signer: new TokenSigner(secret, config.tokenTtlSeconds),
    limits: new RateLimits(store, config.rateLimits),
    lockout: new LoginLockout(store),
    notifier,
  };
  // Koa's own `proxy` would believe X-Forwarded-* from anyone; clientAddress believes TRUST_PROXY only.
  const app = new Koa<ApiState>({ proxy: false });
  const router = buildRouter(apiRoutes(), deps);
  app.use(clientAddress(config.trustProxy));
  app.use(securityHeaders(config.publicBaseUrl));
  // Tests hold every answer to the route table's schemas; production trusts what the tests established.
  if (process.env.NODE_ENV === 'test') app.use(responseCheck(errorBody));
  app.use(errorHandler);
  app.use(locale);
  app.use(jsonBody());
  app.use(authenticate(deps));
  app.use(webApps(config.webApps));
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.on('error', (error: unknown) => {
    if (process.env.NODE_ENV !== 'test') console.error(error);
  });
  return app;
}
