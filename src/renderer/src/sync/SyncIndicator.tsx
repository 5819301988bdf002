import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../api/ApiContext';
import { apiReceivePorts } from './receive-ports';
import type { SyncService } from './sync-service';
import { useSyncSettings } from './use-configured-sync';
import { useSyncChanges, useWindowSyncService } from './use-sync';

/**
 * Sync's status in the app's chrome, on every view: up to date, syncing, offline or stopped by an
 * error with a short reason. Mounted at start, it is also what brings sync up without the Sync view:
 * once a server is set up it creates the sync service (the bridge starts watching notes) and resumes
 * live sync if the user had started it, and lets it receive teammates' shared collections and photos
 * in the background. Nothing is shown, and no replica is made, before a server is
 * set up.
 */
export function SyncIndicator() {
  const settings = useSyncSettings();
  const configured = settings.status === 'ok' ? settings.value.settings : null;
  return configured ? <WindowIndicator username={configured.username} /> : null;
}

/** Only now is the service (and with it the replica) created. */
function WindowIndicator({ username }: { username: string }) {
  const service = useWindowSyncService();
  return service ? <ConfiguredIndicator service={service} username={username} /> : null;
}

function ConfiguredIndicator({ service, username }: { service: SyncService; username: string }) {
  const { t } = useTranslation();
  const api = useApi();
  useSyncChanges(service);
  // Revisions written from the first keystroke on are signed with the sync user name.
  useEffect(() => service.setAuthor(username), [service, username]);
  // From now on, what teammates share is received after every completed pull, on any view.
  useEffect(() => service.receiver.attach(apiReceivePorts(api, service.bridge.replica)), [service, api]);
  useEffect(() => {
    // A failure to resume shows as the replicator's own status; there is nothing else to report.
    void service.resume().catch(() => undefined);
  }, [service]);
  const { state, reason } = service.status();
  const shownReason = state === 'error' || state === 'offline' ? reason : null;
  return (
    // Not role="status": views have their own status line, and tests (and screen readers) find that
    // one; aria-live still announces changes here.
    <p className={`sync-indicator sync-state-${state}`} aria-live="polite">
      <Link href="/sync">
        {t(`sync.chrome.state.${state}`)}
        {shownReason ? ` — ${t(`sync.chrome.reason.${shownReason.code}`)}` : null}
      </Link>
    </p>
  );
}
