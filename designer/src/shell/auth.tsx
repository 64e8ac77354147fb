import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Role, Session } from '../api';
import { session } from '../api';

const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in session for the pages below; undefined once it ends (sign-out, expiry, a 401). */
export function SessionProvider({ children }: { children: (current: Session | undefined) => ReactNode }) {
  const [current, setCurrent] = useState(session.get);
  useEffect(() => session.subscribe(setCurrent), []);
  return <SessionContext.Provider value={current}>{children(current)}</SessionContext.Provider>;
}

/** The signed-in user; pages under the shell are only rendered with one. */
export function useUser(): Session['user'] {
  const current = useContext(SessionContext);
  if (!current) throw new Error('useUser outside a signed-in shell');
  return current.user;
}

export const ROLE_NAMES: Record<Role, string> = {
  'city-admin': '市级管理员',
  'county-admin': '县级管理员',
  'township-editor': '乡镇编辑',
  reviewer: '审核员',
};

/** What each role may do in the designer (the API enforces the same; this only hides what would be refused). */
export const can = {
  editCatalogue: (role: Role) => role === 'city-admin' || role === 'county-admin',
  editTownship: (role: Role) => role !== 'reviewer',
  review: (role: Role) => role !== 'township-editor',
  /** The staff's applications (the API's STAFF roles): a reviewer checks entries, not applications. */
  handleSubmissions: (role: Role) => role !== 'reviewer',
};
