import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/use-result';
import { apiCollectionPort } from './api-collection-port';
import { shareDataset } from './datasets';
import { apiReceivePorts } from './receive-ports';
import type { SyncService } from './sync-service';
import { useReceiverChanges } from './use-sync';

type Message = { text: string; error: boolean };

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);

/**
 * Imported collections shared with the team as immutable datasets: "Share" puts one into the replica
 * (replication carries it). What teammates shared is imported in the background after each completed
 * pull (shared-receiver.ts); "Check now" asks for that check at once, and the last one's outcome shows.
 */
export function DatasetsPanel({ service }: { service: SyncService }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const collections = useResult(() => api.call('imports.list', {}), [api]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  useReceiverChanges(service);
  const receiver = service.receiver;
  const outcome = receiver.outcome('datasets');
  const received = outcome?.result ?? null;
  const port = apiCollectionPort(api);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const share = (id: string, title: string) =>
    run(async () => {
      try {
        const shared = await receiver.exclusive(() =>
          shareDataset(service.bridge.replica, port, id, service.authorName(), new Date()),
        );
        const size = megabytes(shared.bytes, i18n.language);
        setMessage({
          text: shared.already
            ? t('sync.datasets.already', { title })
            : t('sync.datasets.shared', { title, size, count: shared.parts }),
          error: false,
        });
      } catch (error) {
        setMessage({
          text: t('sync.datasets.shareFailed', { title, message: (error as Error).message }),
          error: true,
        });
      }
    });

  const receive = () => {
    setMessage(null);
    void receiver.check('datasets', apiReceivePorts(api, service.bridge.replica));
  };

  return (
    <section aria-labelledby="sync-datasets-heading">
      <h2 id="sync-datasets-heading">{t('sync.datasets.title')}</h2>
      <p>{t('sync.datasets.intro')}</p>
      {collections.status === 'error' ? (
        <p role="alert" className="error-text">
          {collections.error.message}
        </p>
      ) : null}
      {collections.status === 'ok' && collections.value.length === 0 ? (
        <p>{t('sync.datasets.none')}</p>
      ) : null}
      {collections.status === 'ok' && collections.value.length > 0 ? (
        <ul>
          {collections.value.map((collection) => (
            <li key={collection.id}>
              {t('sync.datasets.collection', { title: collection.title, count: collection.recordCount })}{' '}
              <button
                type="button"
                disabled={busy}
                onClick={() => void share(collection.id, collection.title)}
              >
                {t('sync.datasets.share', { title: collection.title })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        disabled={busy || receiver.running() === 'datasets'}
        aria-label={t('sync.datasets.checkNowLabel')}
        onClick={receive}
      >
        {t('sync.datasets.checkNow')}
      </button>
      {receiver.running() === 'datasets' ? <p role="status">{t('sync.datasets.checking')}</p> : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : undefined}>
          {message.text}
        </p>
      ) : null}
      {outcome?.error !== undefined ? (
        <p role="alert" className="error-text">
          {t('sync.datasets.receiveFailed', { message: outcome.error })}
        </p>
      ) : null}
      {received ? (
        <ul aria-label={t('sync.datasets.results')}>
          {received.imported.length + received.refused.length + received.kept.length === 0 ? (
            <li>{t('sync.datasets.nothingNew')}</li>
          ) : null}
          {received.imported.map((item) => (
            <li key={`i-${item.collectionId}`}>
              {t('sync.datasets.imported', { title: item.title, count: item.records })}
            </li>
          ))}
          {received.kept.map((item) => (
            <li key={`k-${item.collectionId}`}>
              {t('sync.datasets.kept', { title: item.title, author: item.sharedBy })}
            </li>
          ))}
          {received.refused.map((item) => (
            <li key={`r-${item.collectionId}-${item.reason}`} className="error-text">
              {t('sync.datasets.refused', {
                title: item.title,
                id: item.collectionId,
                author: item.sharedBy,
                reason: item.reason,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
