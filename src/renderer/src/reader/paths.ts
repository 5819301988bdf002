/** Reader addresses. Collection texts use `textPath` from shared/links.ts (`/reader/<collection>/<text>`). */
export const readerPath = (): string => '/reader';
/** An imported document. "document" is matched before the collection-text route. */
export const documentPath = (documentId: string): string =>
  `/reader/document/${encodeURIComponent(documentId)}`;

/** Imported documents' passage notes use this in place of a collection id. */
export const DOCUMENTS_NOTE_COLLECTION = 'reader-documents';
