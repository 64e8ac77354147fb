// The designer's one way to talk to the catalogue API: the typed client with the session's bearer token.
import type { Session } from '@oneseal/schemas';
import { browserClient } from '@oneseal/runtime/web';

export type { Role, Session } from '@oneseal/schemas';

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

/**
 * The typed client of the catalogue API with the session's token. Errors are ApiProblem; an expired or revoked
 * token (401 while signed in) signs out, and the shell shows the login page.
 */
export const api = browserClient({
  token: () => session.get()?.token,
  onProblem: (problem) => {
    if (problem.status === 401 && session.get()) session.set(undefined);
  },
});

/** The If-Match header of a write: the revision the editor started from (a newer one answers 409). */
export const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Saves a binary answer (an .xlsx export) as a file the browser downloads. */
export async function download(file: Promise<Blob>, filename: string): Promise<void> {
  const url = URL.createObjectURL(await file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Opens a document the API renders (a PDF to print) in a new tab, opened before the answer comes so no pop-up
 * blocker stops it.
 */
export async function openDocument(file: () => Promise<Blob>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await file());
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export async function login(username: string, password: string): Promise<Session> {
  const result = await api.post('/auth/login', { body: { username, password } });
  session.set(result);
  return result;
}
