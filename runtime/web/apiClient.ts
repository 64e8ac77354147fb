import type { ApiClient, ClientOptions, FetchLike } from '@oneseal/schemas';
import { createClient } from '@oneseal/schemas';

/**
 * The browser's fetch as the client's FetchLike. The DOM types take only ArrayBuffer-backed bytes as a body, while
 * the client's upload type admits any Uint8Array; such bytes are copied into a plain buffer (an upload is small).
 */
const browserFetch: FetchLike = (url, { body, ...init }) =>
  window.fetch(url, { ...init, body: body instanceof Uint8Array ? new Uint8Array(body) : body });

/**
 * The typed API client of a page served beside the API (/api on the same origin): the designer passes its
 * session's token, the portal none.
 */
export function browserClient(options: Omit<ClientOptions, 'baseUrl'> = {}): ApiClient {
  return createClient(browserFetch, { baseUrl: '/api', ...options });
}
