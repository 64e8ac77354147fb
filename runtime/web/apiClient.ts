import type { ApiClient, ClientOptions, FetchLike } from '@oneseal/schemas';
import { createClient } from '@oneseal/schemas';

/** The browser's fetch, called on the window (a detached `fetch` throws "Illegal invocation" in some browsers). */
const browserFetch: FetchLike = (url, init) => window.fetch(url, init);

/**
 * The typed API client of a page served beside the API (/api on the same origin): the designer passes its
 * session's token, the portal none.
 */
export function browserClient(options: Omit<ClientOptions, 'baseUrl'> = {}): ApiClient {
  return createClient(browserFetch, { baseUrl: '/api', ...options });
}
