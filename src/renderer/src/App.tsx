import type { AtmintisApi } from '@shared/ipc/api';
import { ApiProvider } from './api/ApiContext';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { Shell } from './shell/Shell';

export function App({ api }: { api: AtmintisApi }) {
  return (
    <ApiProvider api={api}>
      <ErrorBoundary>
        <Shell />
      </ErrorBoundary>
    </ApiProvider>
  );
}
