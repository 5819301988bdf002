import { createContext, useContext, type ReactNode } from 'react';
import type { AtmintisApi } from '@shared/ipc/api';

const ApiContext = createContext<AtmintisApi | null>(null);

export function ApiProvider({ api, children }: { api: AtmintisApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): AtmintisApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() must be used inside <ApiProvider>');
  return api;
}
