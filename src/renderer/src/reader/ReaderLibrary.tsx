/**
 * The Reader's library: the collections' long texts and the user's imported documents, with an import
 * button (a file picker; the main process sniffs the type and refuses what it cannot show).
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { MAX_DOCUMENT_BYTES } from '@shared/documents/model';
import { textPath } from '@shared/links';
import { useApi } from '../api/ApiContext';
import { localizedManifest } from '../collection/localized';
import { useCollections } from '../notes/use-collections';
import { documentPath } from '@shared/links';
import { readFileAsBase64, useDocumentList } from './use-documents';

/** A PDF's title from its metadata, else null (the main process then titles it by its file name). */
async function pdfTitle(file: File): Promise<string | null> {
  try {
    const { readPdfText } = await import('./pdf');
    return (await readPdfText(new Uint8Array(await file.arrayBuffer()))).title;
  } catch {
    return null;
  }
}

export function ReaderLibrary() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const collections = useCollections();
  const { documents, error: listError, reload } = useDocumentList();
  const [status, setStatus] = useState<{ error: boolean; message: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const textsHeading = useId();
  const documentsHeading = useId();

  const importFiles = async (files: FileList | null) => {
    for (const file of files ? [...files] : []) {
      if (file.size > MAX_DOCUMENT_BYTES) {
        setStatus({ error: true, message: t('reader.library.tooLarge', { name: file.name }) });
        continue;
      }
      setStatus({ error: false, message: t('reader.library.importing', { name: file.name }) });
      const title = /\.pdf$/i.test(file.name) ? await pdfTitle(file) : null;
      const result = await api.call('documents.import', {
        fileName: file.name,
        contentBase64: await readFileAsBase64(file),
        ...(title ? { metadata: { title } } : {}),
      });
      setStatus(
        result.ok
          ? { error: false, message: t('reader.library.imported', { name: file.name }) }
          : {
              error: true,
              message: t('reader.library.importFailed', { name: file.name, message: result.error.message }),
            },
      );
    }
    if (input.current) input.current.value = '';
    reload();
  };

  const remove = async (documentId: string, title: string) => {
    if (!window.confirm(t('reader.library.confirmRemove', { title }))) return;
    const result = await api.call('documents.remove', { documentId });
    if (!result.ok) setStatus({ error: true, message: result.error.message });
    reload();
  };

  const texts = [...collections.values()].flatMap((collection) =>
    collection.texts.map((text) => ({ collection, text })),
  );

  return (
    <div className="reader-library">
      <section aria-labelledby={textsHeading}>
        <h2 id={textsHeading}>{t('reader.library.texts')}</h2>
        {texts.length === 0 ? (
          <p className="muted">{t('reader.library.loadingTexts')}</p>
        ) : (
          <ul className="reader-list">
            {texts.map(({ collection, text }) => (
              <li key={`${collection.manifest.id}/${text.id}`}>
                <Link href={`~${textPath(collection.manifest.id, text.id)}`}>{text.title}</Link>{' '}
                <span className="muted">{localizedManifest(collection.manifest, i18n.language).title}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={documentsHeading}>
        <h2 id={documentsHeading}>{t('reader.library.documents')}</h2>
        <p>
          <label className="button-like">
            {t('reader.library.import')}
            <input
              ref={input}
              type="file"
              className="visually-hidden"
              multiple
              accept=".md,.markdown,.txt,.text,.html,.htm,.xhtml,.pdf,text/plain,text/markdown,text/html,application/pdf"
              onChange={(event) => void importFiles(event.target.files)}
            />
          </label>{' '}
          <span className="muted">{t('reader.library.importHint')}</span>
        </p>
        {status ? (
          <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error-text' : undefined}>
            {status.message}
          </p>
        ) : null}
        {listError ? (
          <p role="alert" className="error-text">
            {listError}
          </p>
        ) : null}
        {documents && documents.length === 0 ? (
          <p className="muted">{t('reader.library.noDocuments')}</p>
        ) : null}
        <ul className="reader-list">
          {(documents ?? []).map((summary) => (
            <li key={summary.id}>
              <Link href={`~${documentPath(summary.id)}`}>{summary.metadata.title}</Link>{' '}
              <span className="muted">
                {t(`reader.kinds.${summary.kind}`)} · {summary.fileName}
              </span>{' '}
              <button
                type="button"
                onClick={() => void remove(summary.id, summary.metadata.title)}
                aria-label={t('reader.library.remove', { title: summary.metadata.title })}
              >
                {t('reader.library.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
