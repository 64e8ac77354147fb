import type { Locale } from '@oneseal/schemas';
import type { ParameterizedContext } from 'koa';
import type { Principal } from '../auth/roles';
import type { TokenSigner } from '../auth/tokens';
import type { ApiConfig } from '../config';
import type { Store } from '../services/store';

/** What every handler can reach: the store, the token signer and the configuration. Nothing else is shared. */
export interface Deps {
  store: Store;
  signer: TokenSigner;
  config: ApiConfig;
}

/** Per-request data, set by middleware. */
export interface ApiState {
  locale: Locale;
  principal?: Principal;
}

export type ApiContext = ParameterizedContext<ApiState> & {
  params: Record<string, string>;
  request: { body?: unknown };
};
