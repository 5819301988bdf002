import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CslItem } from '@shared/collection/schema';
import { EXPORT_FILE_TYPES, EXPORT_FORMATS, type ExportFormat } from '@shared/citations/formats';
import { useApi } from '../api/ApiContext';
import { getCslClient } from './csl-service';
import { saveExport } from '../api/save-file';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; name: string }
  | { kind: 'failed'; message: string };

/** Export all entries or the selected ones as BibTeX, RIS or CSL-JSON. */
export function ExportControls({
  collectionId,
  all,
  selected,
}: {
  collectionId: string;
  all: readonly CslItem[];
  selected: readonly CslItem[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const formatId = useId();
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async (items: readonly CslItem[], which: 'all' | 'selected') => {
    setStatus({ kind: 'busy' });
    try {
      // Made in the CSL worker: citation-js's BibTeX and RIS plugins stay off the UI thread.
      const content = await getCslClient().exportBibliography(format, items);
      const type = EXPORT_FILE_TYPES[format];
      const name = `${collectionId}-bibliography${which === 'selected' ? '-selected' : ''}.${type.extension}`;
      const outcome = await saveExport(api, name, type.mimeType, content);
      if (outcome.kind === 'saved') setStatus({ kind: 'saved', path: outcome.path });
      else if (outcome.kind === 'downloaded') setStatus({ kind: 'downloaded', name });
      else setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <div className="export-controls" role="group" aria-label={t('bibliography.export.label')}>
      <div className="field">
        <label htmlFor={formatId}>{t('bibliography.export.format')}</label>
        <select
          id={formatId}
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((id) => (
            <option key={id} value={id}>
              {t(`bibliography.export.formats.${id}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={status.kind === 'busy'} onClick={() => void run(all, 'all')}>
        {t('bibliography.export.all', { count: all.length })}
      </button>
      <button
        type="button"
        disabled={status.kind === 'busy' || selected.length === 0}
        onClick={() => void run(selected, 'selected')}
      >
        {t('bibliography.export.selected', { count: selected.length })}
      </button>
      <span role="status" className={status.kind === 'failed' ? 'error-text' : 'meta'}>
        {status.kind === 'saved' && t('bibliography.export.saved', { path: status.path })}
        {status.kind === 'downloaded' && t('bibliography.export.downloaded', { name: status.name })}
        {status.kind === 'failed' && t('bibliography.export.failed', { message: status.message })}
      </span>
    </div>
  );
}
