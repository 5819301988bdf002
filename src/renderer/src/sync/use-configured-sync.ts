/**
 * The sync settings kept by the main process, applied to the window's sync service: revisions written
 * here are signed with the configured user name, and syncing can start only once a server is set up
 * (the settings page, sync/settings/, is where that happens).
 */
import { useEffect } from 'react';
import type { SyncSettingsView } from '@shared/ipc/channels/sync';
import { useApi } from '../api/ApiContext';
import { useResult, type AsyncState } from '../api/use-result';
import { syncSettingsSignal } from './settings-changed';
import type { SyncService } from './sync-service';

/** The settings, read again whenever the settings form saves or forgets them. */
export function useSyncSettings(): AsyncState<SyncSettingsView> {
  const api = useApi();
  return useResult(() => api.call('sync.getSettings', {}), [api], { refetchOn: syncSettingsSignal(api) });
}

export function useConfiguredSync(service: SyncService): AsyncState<SyncSettingsView> {
  const settings = useSyncSettings();
  const username = settings.status === 'ok' ? settings.value.settings?.username : undefined;
  useEffect(() => {
    if (username !== undefined) service.setAuthor(username);
  }, [service, username]);
  return settings;
}
