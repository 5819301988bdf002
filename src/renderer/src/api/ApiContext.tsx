import { createContext, useContext, useState, type ReactNode } from 'react';
import type { AtmintisApi } from '@shared/ipc/api';
import { createSession, type Session, type SessionValue } from './session';

const ApiContext = createContext<AtmintisApi | null>(null);
const SessionContext = createContext<Session | null>(null);

/** The API connection and the window's session state (a fresh session per provider unless given one). */
export function ApiProvider({
  api,
  session,
  children,
}: {
  api: AtmintisApi;
  session?: Session;
  children: ReactNode;
}) {
  const [own] = useState(createSession);
  return (
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={session ?? own}>{children}</SessionContext.Provider>
    </ApiContext.Provider>
  );
}

export function useApi(): AtmintisApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() must be used inside <ApiProvider>');
  return api;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <ApiProvider>');
  return session;
}

/** The session, or null outside <ApiProvider> (for hooks a test may use with only their own provider). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}

/** The session's instance of a slot declared with `sessionValue`. */
export function useSessionValue<T>(value: SessionValue<T>): T {
  return useSession().get(value);
}
