/**
 * Documents the user imported into the Reader, as search documents: their title (from the document
 * itself, see ../documents/title.ts, or as the user set it), author and text, paragraph by paragraph,
 * so one query finds the collections, the notes and the user's own documents. They change while the
 * collections do not, so they are indexed with the notes (the worker's small second engine).
 */
import type { DocumentSummary } from '../documents/model';
import { DOCUMENTS_NOTE_COLLECTION, documentPath } from '../links';
import type { SearchDocument } from './documents';

export function readerSearchDocument(
  summary: DocumentSummary,
  paragraphs: readonly string[],
): SearchDocument {
  const { metadata } = summary;
  const body = paragraphs.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const yearOf = metadata.year ?? null;
  return {
    id: `document/${summary.id}`,
    collectionId: DOCUMENTS_NOTE_COLLECTION,
    kind: 'document',
    targetId: summary.id,
    path: documentPath(summary.id),
    title: metadata.title,
    fields: {
      title: [metadata.title],
      ...(summary.fileName !== metadata.title ? { names: [summary.fileName] } : {}),
      ...(metadata.author ? { authors: [metadata.author] } : {}),
      ...(metadata.publisher ? { summary: [metadata.publisher] } : {}),
      ...(body.length > 0 ? { body: [...new Set(body)] } : {}),
      ...(yearOf !== null ? { years: [String(yearOf)] } : {}),
    },
    earliest: null,
    latest: null,
    yearFrom: yearOf,
    yearTo: yearOf,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: false,
  };
}
