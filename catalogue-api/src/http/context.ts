import type { Locale } from '@oneseal/schemas';
import type { PdfPrinter } from '@oneseal/runtime';
import type { ParameterizedContext } from 'koa';
import type { Principal } from '../auth/roles';
import type { TokenSigner } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { LoginLockout } from '../services/loginLockout';
import type { Notifier } from '../services/notifier';
import type { RateLimits } from '../services/rateLimits';
import type { Store } from '../services/store';
import type { RouteSpec } from './routeTable';

/** What every handler can reach: the store, the token signer, the configuration and the PDF printer. */
export interface Deps {
  store: Store;
  signer: TokenSigner;
  config: ApiConfig;
  /** One long-lived Chromium, launched on the first PDF. */
  printer: PdfPrinter;
  /** The per-address limits of public requests. */
  limits: RateLimits;
  /** Wrong passwords per user and address. */
  lockout: LoginLockout;
  /** Messages to people (booking confirmations): the log by default, SMS through a provider in production. */
  notifier: Notifier;
}

/** Per-request data, set by middleware. */
export interface ApiState {
  locale: Locale;
  principal?: Principal;
  /** The route-table entry answering the request, once the router has matched one. */
  route?: RouteSpec;
}

export type ApiContext = ParameterizedContext<ApiState> & {
  params: Record<string, string>;
  request: { body?: unknown };
};
