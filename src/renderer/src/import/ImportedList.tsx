import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import { useApi } from '../api/ApiContext';
import { formatTimestamp } from '../collection/dates';

/** Imported collections, each removable after an explicit confirmation (notes on them are kept). */
export function ImportedList({
  collections,
  onChanged,
}: {
  collections: ImportedCollectionSummary[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (id: string) => {
    const result = await api.call('imports.remove', { collectionId: id });
    setConfirming(null);
    if (!result.ok) setError(result.error.message);
    else onChanged();
  };

  if (collections.length === 0) return <p>{t('import.list.empty')}</p>;
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <ul className="imported-list">
        {collections.map((c) => (
          <li key={c.id} data-collection-id={c.id}>
            <strong>{c.title}</strong>{' '}
            <span>
              {t('import.list.meta', {
                count: c.recordCount,
                id: c.id,
                source: c.source,
                date: formatTimestamp(c.importedAt, i18n.language),
              })}
            </span>
            {confirming === c.id ? (
              <span role="group" aria-label={t('import.list.confirmLabel', { title: c.title })}>
                {' '}
                {t('import.list.confirm', { title: c.title })}{' '}
                <button type="button" onClick={() => void remove(c.id)}>
                  {t('import.list.confirmRemove')}
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('import.list.keep')}
                </button>
              </span>
            ) : (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() => setConfirming(c.id)}
                  aria-label={t('import.list.removeLabel', { title: c.title })}
                >
                  {t('import.list.remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
