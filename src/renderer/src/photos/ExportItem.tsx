/** "Export as IIIF manifest" and "Export as PDF" on an item's page, saved as every export is. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '@shared/photos/item';
import { useApi } from '../api/ApiContext';
import { saveExport } from '../api/save-file';
import { useNotes } from '../notes/NotesContext';

type Format = 'iiif' | 'pdf';

export function ExportItem({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { repository } = useNotes();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (format: Format) => {
    setBusy(true);
    setMessage({ text: t('photoExport.busy'), error: false });
    try {
      // The exporters (and pdf-lib with them) load only when an export is asked for.
      const { exportIiif, exportPdf } = await import('./item-export');
      const context = {
        api,
        repository,
        t,
        en: i18n.getFixedT('en'),
        lt: i18n.getFixedT('lt'),
        language: i18n.language,
      };
      const file = await (format === 'iiif' ? exportIiif : exportPdf)(item, context);
      const outcome = await saveExport(api, file.name, file.mimeType, file.bytes);
      if (outcome.kind === 'saved')
        setMessage({ text: t('photoExport.savedTo', { path: outcome.path }), error: false });
      else if (outcome.kind === 'downloaded') setMessage({ text: t('photoExport.downloaded'), error: false });
      else setMessage({ text: t('photoExport.cancelled'), error: false });
    } catch (error) {
      setMessage({ text: t('photoExport.failed', { message: (error as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="export-item">
      <h2 id={`${id}-heading`}>{t('photoExport.heading')}</h2>
      <p>
        <button type="button" disabled={busy || item.photos.length === 0} onClick={() => void run('iiif')}>
          {t('photoExport.iiif')}
        </button>{' '}
        <button type="button" disabled={busy || item.photos.length === 0} onClick={() => void run('pdf')}>
          {t('photoExport.pdf')}
        </button>
      </p>
      <p className="hint">{t('photoExport.hint')}</p>
      <p role="status">{message && !message.error ? message.text : ''}</p>
      {message?.error && <p role="alert">{message.text}</p>}
    </section>
  );
}
