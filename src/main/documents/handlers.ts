/** The `documents.*` channels, built from the document store and the host's PDF printer. */
import type { Handlers } from '@shared/ipc/contract';
import type { PrintToPdfResult } from '@shared/ipc/channels/documents';
import { HandlerError } from '../ipc/dispatch';
import type { DocumentStore } from './document-store';

export type DocumentChannels =
  | 'documents.import'
  | 'documents.list'
  | 'documents.get'
  | 'documents.remove'
  | 'documents.updateMetadata'
  | 'documents.printToPdf';

/**
 * Prints the current window to a PDF file the user chooses. The Electron edge builds it from
 * `webContents.printToPDF` and a save dialog; hosts without a window (the web harness) use
 * `noPdfPrinter`, and the renderer falls back to the browser's print dialog.
 */
export type PrintToPdf = (request: { suggestedName: string }) => Promise<PrintToPdfResult>;

export const noPdfPrinter: PrintToPdf = async () => ({ printed: false, cancelled: false });

export interface DocumentHandlerDependencies {
  store: DocumentStore;
  printToPdf: PrintToPdf;
}

function decodeBase64(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw new HandlerError('invalid-content', 'The document content is not valid base64');
  }
  return new Uint8Array(Buffer.from(content, 'base64'));
}

export function createDocumentHandlers(deps: DocumentHandlerDependencies): Pick<Handlers, DocumentChannels> {
  return {
    'documents.import': ({ fileName, contentBase64, metadata }) =>
      deps.store.import({ fileName, bytes: decodeBase64(contentBase64), metadata }),
    'documents.list': () => deps.store.list(),
    'documents.get': async ({ documentId }) => {
      const { summary, bytes } = await deps.store.get(documentId);
      return { summary, contentBase64: Buffer.from(bytes).toString('base64') };
    },
    'documents.remove': ({ documentId }) => deps.store.remove(documentId),
    'documents.updateMetadata': ({ documentId, metadata }) => deps.store.updateMetadata(documentId, metadata),
    'documents.printToPdf': (request) => deps.printToPdf(request),
  };
}
