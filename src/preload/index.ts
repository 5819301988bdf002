/**
 * The sandboxed preload: exposes the narrow, typed `window.atmintis` API (see src/shared/ipc/api.ts)
 * and nothing else. The renderer never sees ipcRenderer: it can only reach the namespaced channels the
 * main process registered, each of which validates its sender and arguments.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type AtmintisApi } from '@shared/ipc/api';
import {
  BEFORE_CLOSE_EVENT,
  CLOSE_READY_EVENT,
  ipcChannelName,
  isWellFormedChannelName,
  OPEN_VIEW_EVENT,
} from '@shared/ipc/channel-names';
import type { Invoke } from '@shared/ipc/contract';
import { fail } from '@shared/result';

const invoke = ((channel: string, request: unknown) => {
  if (!isWellFormedChannelName(channel)) {
    return Promise.resolve(
      fail('unknown-channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`),
    );
  }
  return ipcRenderer
    .invoke(ipcChannelName(channel), request)
    .catch((error: unknown) =>
      fail(
        'ipc-failed',
        `IPC call "${channel}" failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}) as Invoke;

const closeListeners = new Set<() => Promise<void> | void>();

// Always answered, even with no listener, so the main process never waits for its timeout in vain.
// A failing listener must not keep the window open: failures are the listener's to report.
ipcRenderer.on(BEFORE_CLOSE_EVENT, (_event: unknown, token: unknown) => {
  const runs = [...closeListeners].map((listener) => Promise.resolve().then(listener));
  void Promise.allSettled(runs).then(() => ipcRenderer.send(CLOSE_READY_EVENT, token));
});

export const atmintisApi: AtmintisApi = createApi(
  invoke,
  (listener) => {
    const wrapped = (_event: unknown, route: unknown) => {
      if (typeof route === 'string') listener(route);
    };
    ipcRenderer.on(OPEN_VIEW_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(OPEN_VIEW_EVENT, wrapped);
    };
  },
  (listener) => {
    closeListeners.add(listener);
    return () => {
      closeListeners.delete(listener);
    };
  },
);

contextBridge.exposeInMainWorld('atmintis', atmintisApi);
