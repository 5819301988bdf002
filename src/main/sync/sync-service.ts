/**
 * The sync settings store and the proxy over it, built once per app: the handlers and the transport
 * that serves /sync/remote (app:// or the web harness) must share them.
 */
import { join } from 'node:path';
import { createMemoryVault, type PasswordVault } from './password-vault';
import { createSyncProxy, type SyncProxy } from './sync-proxy';
import { createSyncSettingsStore, type SyncSettingsStore } from './sync-settings-store';

export interface SyncService {
  store: SyncSettingsStore;
  proxy: SyncProxy;
}

/** Files under `<data folder>/sync/`: settings.json (nothing secret) and password.bin (encrypted). */
export function syncFolder(dataDirectory: string): string {
  return join(dataDirectory, 'sync');
}

export function createSyncService(options: {
  dataDirectory: string;
  /** Default: memory only (the web harness and tests); Electron passes the safeStorage vault. */
  vault?: PasswordVault;
}): SyncService {
  const store = createSyncSettingsStore({
    file: join(syncFolder(options.dataDirectory), 'settings.json'),
    vault: options.vault ?? createMemoryVault(),
  });
  return { store, proxy: createSyncProxy({ store }) };
}
