/** The `documents.*` channels, built from the document store and the host's PDF printer. */
import type { Handlers } from '@shared/ipc/contract';
import type { DocumentChannel, PrintToPdfResult } from '@shared/ipc/channels/documents';
import { decodeBase64 } from '../fs/base64';
import type { DocumentStore } from './document-store';

/**
 * Prints the current window to a PDF file the user chooses. The Electron edge builds it from
 * `webContents.printToPDF` and a save dialog; hosts without a window (the web harness) use
 * `noPdfPrinter`, and the renderer falls back to the browser's print dialog.
 */
export type PrintToPdf = (request: { suggestedName: string }) => Promise<PrintToPdfResult>;

export const noPdfPrinter: PrintToPdf = async () => ({ printed: false, cancelled: false });

interface DocumentHandlerDependencies {
  store: DocumentStore;
  printToPdf: PrintToPdf;
}

export function createDocumentHandlers(deps: DocumentHandlerDependencies): Pick<Handlers, DocumentChannel> {
  return {
    'documents.import': ({ fileName, contentBase64, metadata }) =>
      deps.store.import({ fileName, bytes: decodeBase64(contentBase64, 'The document content'), metadata }),
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
