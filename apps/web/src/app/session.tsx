import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Permission, SessionInfo } from '@vigil/contracts';
import { api, ApiProblem, setCsrfToken } from '../api/client.ts';

export const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is signed in. Keeps the CSRF token for later writes. */
async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const useSessionQuery = () =>
  useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, retry: false, staleTime: 60_000 });

interface SessionValue {
  session: SessionInfo;
  /** Whether the server granted this ability. The UI never works it out from roles itself. */
  can: (ability: Permission) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const abilities = new Set<string>(session.abilities);
  const value: SessionValue = { session, can: (ability) => abilities.has(ability) };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in session');
  return value;
}

export const useCan = () => useSession().can;
