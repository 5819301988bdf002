/** An imported document's bibliographic metadata: shown as a byline, editable in a disclosure. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { documentMetadataSchema, type DocumentSummary } from '@shared/documents/model';
import { useApi } from '../api/ApiContext';

export function DocumentDetails({
  summary,
  onSaved,
}: {
  summary: DocumentSummary;
  onSaved: (summary: DocumentSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const { metadata } = summary;
  const byline = [metadata.author, metadata.publisher, metadata.year].filter(Boolean).join(', ');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Empty fields are left out: metadata has no empty strings.
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const year = field('year');
    const parsed = documentMetadataSchema.safeParse({
      title: field('title') ?? '',
      author: field('author'),
      publisher: field('publisher'),
      year: year === undefined ? undefined : Number(year),
      url: field('url'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        t('reader.details.invalid', { field: String(issue?.path[0] ?? ''), message: issue?.message ?? '' }),
      );
      return;
    }
    const result = await api.call('documents.updateMetadata', {
      documentId: summary.id,
      metadata: parsed.data,
    });
    if (!result.ok) setError(result.error.message);
    else {
      setError(null);
      onSaved(result.value);
    }
  };

  return (
    <div className="reader-details">
      {byline ? <p className="reader-byline">{byline}</p> : null}
      <details className="no-print">
        <summary>{t('reader.details.title')}</summary>
        <form onSubmit={(event) => void submit(event)} className="reader-details-form">
          <label>
            {t('reader.details.docTitle')} <input name="title" defaultValue={metadata.title} required />
          </label>
          <label>
            {t('reader.details.author')} <input name="author" defaultValue={metadata.author ?? ''} />
          </label>
          <label>
            {t('reader.details.year')}{' '}
            <input name="year" inputMode="numeric" defaultValue={metadata.year?.toString() ?? ''} />
          </label>
          <label>
            {t('reader.details.publisher')} <input name="publisher" defaultValue={metadata.publisher ?? ''} />
          </label>
          <label>
            {t('reader.details.url')} <input name="url" type="url" defaultValue={metadata.url ?? ''} />
          </label>
          <button type="submit">{t('reader.details.save')}</button>
          {error ? (
            <p role="alert" className="error-text">
              {error}
            </p>
          ) : null}
        </form>
      </details>
    </div>
  );
}
