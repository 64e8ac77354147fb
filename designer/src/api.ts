// The designer's one way to talk to the catalogue API: bearer token, JSON, and errors as ApiProblem.
import { ApiProblem } from '@oneseal/schemas';

export interface Session {
  token: string;
  expiresAt: string;
  user: { username: string; role: Role; regionCode: string; displayName?: string };
}
export type Role = 'city-admin' | 'county-admin' | 'township-editor' | 'reviewer';

const SESSION = 'oneseal.designer.session';
type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

export const session = {
  get(): Session | undefined {
    try {
      const value = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as Session | null;
      return value && new Date(value.expiresAt) > new Date() ? value : undefined;
    } catch {
      return undefined;
    }
  },
  set(value: Session | undefined) {
    if (value) sessionStorage.setItem(SESSION, JSON.stringify(value));
    else sessionStorage.removeItem(SESSION);
    for (const listener of listeners) listener(value);
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent as If-Match: the revision the editor started from. */
  revision?: number;
  /** A raw body (an .xlsx file) with its content type, instead of JSON. */
  raw?: { data: Blob | ArrayBuffer; type: string };
}

/** Calls /api<path>; answers the JSON (or the Response itself for binary answers when `binary` is set). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  // The editors read zh-CN whatever language their browser asks for.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' };
  const token = session.get()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.revision !== undefined) headers['If-Match'] = `"${options.revision}"`;
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.type;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiProblem(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok) {
    // An expired or revoked token: sign out, the shell shows the login page.
    if (response.status === 401 && token) session.set(undefined);
    throw ApiProblem.fromAnswer(response.status, await response.json().catch(() => undefined));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => undefined)) as T;
}

/** A binary answer (an .xlsx export, a PDF) fetched with the session's token. */
async function fetchBlob(path: string): Promise<Blob> {
  const token = session.get()?.token;
  const headers: Record<string, string> = { 'Accept-Language': 'zh-CN' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/api${path}`, { headers });
  if (!response.ok)
    throw ApiProblem.fromAnswer(response.status, await response.json().catch(() => undefined));
  return response.blob();
}

/** Downloads a binary answer as a file the browser saves. */
export async function download(path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Opens a document the API renders (a PDF to print) in a new tab, opened at once so no pop-up blocker stops it. */
export async function openDocument(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await fetchBlob(path));
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export async function login(username: string, password: string): Promise<Session> {
  const result = await request<Session>('/auth/login', { method: 'POST', body: { username, password } });
  session.set(result);
  return result;
}
