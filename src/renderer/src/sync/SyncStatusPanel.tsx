import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatTimestamp as formatDateTime } from '../collection/dates';
import type { SyncService } from './sync-service';
import { useConfiguredSync } from './use-configured-sync';
import { useSyncChanges } from './use-sync';

/** Status (up to date, syncing, offline, error with the reason), the last sync time, connect. */
export function SyncStatusPanel({ service }: { service: SyncService }) {
  const { t, i18n } = useTranslation();
  useSyncChanges(service);
  const settings = useConfiguredSync(service);
  // Until a server is set up there is nothing to connect to: the button would only end in an error.
  const configured = settings.status === 'ok' && settings.value.settings !== null;
  const status = service.status();
  return (
    <section aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading">{t('sync.status.title')}</h2>
      <p role="status" className={`sync-state sync-state-${status.state}`}>
        {t(`sync.status.state.${status.state}`)}
      </p>
      {status.reason ? (
        <p className={status.state === 'error' ? 'error-text' : undefined}>
          {t(`sync.status.reason.${status.reason.code}`)}
          {status.reason.detail ? ` (${status.reason.detail})` : null}
        </p>
      ) : null}
      <p>
        {status.lastSyncAt
          ? t('sync.status.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) })
          : t('sync.status.never')}
      </p>
      <p>{t('sync.status.author', { author: service.authorName() })}</p>
      <div className="button-row">
        {service.replicator.running ? (
          <button type="button" onClick={() => service.disconnect()}>
            {t('sync.status.disconnect')}
          </button>
        ) : (
          <button type="button" disabled={!configured} onClick={() => service.connect()}>
            {t('sync.status.connect')}
          </button>
        )}
        {settings.status === 'ok' && !configured ? <p>{t('sync.status.notConfigured')}</p> : null}
        <Link href="/settings">{t('sync.status.settings')}</Link>
      </div>
    </section>
  );
}
