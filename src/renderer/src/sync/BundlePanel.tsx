import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSince } from '@shared/sync/bundle';
import { useApi } from '../api/ApiContext';
import { saveExport } from '../api/save-file';
import { lastBundleSeq } from './bundles';
import type { SyncService } from './sync-service';

type SinceChoice = 'all' | 'last' | 'date';

/** Sync without a network: export the changes since a chosen point to a file, import one. */
export function BundlePanel({ service }: { service: SyncService }) {
  const { t } = useTranslation();
  const api = useApi();
  const [since, setSince] = useState<SinceChoice>('all');
  const [date, setDate] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportNow = async () => {
    setMessage(null);
    try {
      let choice: BundleSince = { kind: 'all' };
      if (since === 'date') {
        if (!date) throw new Error(t('sync.bundles.needDate'));
        choice = { kind: 'date', date };
      } else if (since === 'last') {
        const seq = await lastBundleSeq(service.bridge);
        choice = seq === null ? { kind: 'all' } : { kind: 'seq', seq };
      }
      const bundle = await service.exportBundle(choice);
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
      await saveExport(api, `atmintis-sync-${stamp}Z.jsonl`, 'application/x-ndjson', bundle.text);
      setMessage({ text: t('sync.bundles.exported', { number: bundle.docs }), error: false });
    } catch (error) {
      setMessage({
        text: t('sync.bundles.exportFailed', { message: (error as Error).message }),
        error: true,
      });
    }
  };

  const importFile = async (file: File) => {
    setMessage(null);
    try {
      const { docs } = await service.importBundle(await file.text());
      setMessage({ text: t('sync.bundles.imported', { number: docs, name: file.name }), error: false });
    } catch (error) {
      setMessage({
        text: t('sync.bundles.importFailed', { name: file.name, message: (error as Error).message }),
        error: true,
      });
    }
  };

  return (
    <section aria-labelledby="sync-bundles-heading">
      <h2 id="sync-bundles-heading">{t('sync.bundles.title')}</h2>
      <p>{t('sync.bundles.intro')}</p>
      <fieldset>
        <legend>{t('sync.bundles.since')}</legend>
        {(['all', 'last', 'date'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="sync-bundle-since"
              checked={since === value}
              onChange={() => setSince(value)}
            />
            {t(`sync.bundles.sinceChoice.${value}`)}
          </label>
        ))}
        {since === 'date' ? (
          <label>
            {t('sync.bundles.date')}
            <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          </label>
        ) : null}
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={() => void exportNow()}>
          {t('sync.bundles.export')}
        </button>
        <label className="file-button">
          {t('sync.bundles.import')}
          <input
            type="file"
            accept=".jsonl,application/x-ndjson"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : undefined}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
