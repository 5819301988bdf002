/** The imported documents list, and loading one document's content as safe HTML. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '@shared/documents/model';
import { useApi } from '../api/ApiContext';
import { documentToHtml } from './render';

export function useDocumentList() {
  const api = useApi();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void api.call('documents.list', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDocuments(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { documents, error, reload };
}

function fromBase64(content: string): Uint8Array {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A text document as safe HTML, or a PDF's bytes for `renderPdfInto`. */
export type LoadedDocument = { summary: DocumentSummary; html: string; pdf?: Uint8Array };

export function useDocument(documentId: string) {
  const api = useApi();
  const { t } = useTranslation();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; value: LoadedDocument }
  >({ status: 'loading' });
  useEffect(() => {
    // The route is keyed by document id, so a new document starts from the initial 'loading' state.
    let current = true;
    void (async () => {
      const result = await api.call('documents.get', { documentId });
      if (!current) return;
      if (!result.ok) {
        setState({ status: 'error', message: result.error.message });
        return;
      }
      const { summary, contentBase64 } = result.value;
      const bytes = fromBase64(contentBase64);
      try {
        const value: LoadedDocument =
          summary.kind === 'pdf'
            ? { summary, html: '', pdf: bytes }
            : { summary, html: documentToHtml(summary.kind, new TextDecoder().decode(bytes)) };
        if (current) setState({ status: 'ok', value });
      } catch (failure) {
        if (current) {
          setState({
            status: 'error',
            message: t('reader.errors.unreadable', {
              name: summary.fileName,
              message: (failure as Error).message,
            }),
          });
        }
      }
    })();
    return () => {
      current = false;
    };
  }, [api, documentId, t]);
  return state;
}

/** Reads a picked file as base64 for `documents.import` (FileReader keeps big files off the JS heap twice). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
