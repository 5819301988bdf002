/** The imported documents list, and loading one document's content as safe HTML. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '@shared/documents/model';
import { fail, ok, type Result } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { createSignal } from '../api/signal';
import { useResult, type AsyncState } from '../api/use-result';
import { documentToHtml } from './render';

export function useDocumentList() {
  const api = useApi();
  // Reloading keeps the list on screen until the new one arrives.
  const [changed] = useState(createSignal);
  const list = useResult(() => api.call('documents.list', {}), [api], { refetchOn: changed });
  return {
    documents: list.status === 'ok' ? list.value : null,
    error: list.status === 'error' ? list.error.message : null,
    reload: changed.notify,
  };
}

function fromBase64(content: string): Uint8Array {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A text document as safe HTML, or a PDF's bytes for `renderPdfInto`. */
export type LoadedDocument = { summary: DocumentSummary; html: string; pdf?: Uint8Array };

export function useDocument(documentId: string): AsyncState<LoadedDocument> {
  const api = useApi();
  const { t } = useTranslation();
  return useResult(async (): Promise<Result<LoadedDocument>> => {
    const result = await api.call('documents.get', { documentId });
    if (!result.ok) return result;
    const { summary, contentBase64 } = result.value;
    const bytes = fromBase64(contentBase64);
    if (summary.kind === 'pdf') return ok({ summary, html: '', pdf: bytes });
    try {
      return ok({ summary, html: documentToHtml(summary.kind, new TextDecoder().decode(bytes)) });
    } catch (failure) {
      return fail(
        'unreadable',
        t('reader.errors.unreadable', { name: summary.fileName, message: (failure as Error).message }),
      );
    }
  }, [api, documentId, t]);
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
