/**
 * The user's notes as search documents, so one query finds a record and what the user wrote about it.
 * Notes change while the collections do not, so they are indexed apart (a small second engine in the
 * worker, rebuilt when notes change) and the two answers are merged (mergeResponses).
 */
import { quoteOf, type Note, type NoteTarget } from '../notes/model';
import { regionNotePath } from '../notes/region';
import { bibliographyPath, passageNotePath, recordPath } from '../links';
import type { SearchDocument } from './documents';
import { inlineMarkdownToText } from './text-sections';

const TITLE_CHARS = 80;

/** Where the note opens (the same places the Notes view jumps to): a passage note focused in its text. */
function notePath(note: Note): string {
  const target = note.target;
  switch (target.kind) {
    case 'record':
      return recordPath(target.collectionId, target.recordId);
    case 'bibliography':
      return bibliographyPath(target.collectionId, target.entryId);
    case 'collection':
      return '/browse';
    case 'passage':
      return passageNotePath(target.collectionId, target.textId, note.id);
    case 'region':
      return regionNotePath(target.itemId, target.photo, target.page, note.id);
  }
}

/** The search document id of what a note is attached to, for `has:notes`; null when not indexed alone. */
export function notedDocumentId(target: NoteTarget): string | null {
  switch (target.kind) {
    case 'record':
      return `${target.collectionId}/r/${target.recordId}`;
    case 'bibliography':
      return `${target.collectionId}/b/${target.entryId}`;
    default:
      return null;
  }
}

function titleOf(note: Note): string {
  const quote = quoteOf(note.target) ?? '';
  const firstLine = note.body.split('\n').find((line) => line.trim() !== '') ?? quote;
  const plain = inlineMarkdownToText(firstLine.replace(/^#+\s*/, '')).trim() || quote.trim();
  return plain.length > TITLE_CHARS ? `${plain.slice(0, TITLE_CHARS - 1)}…` : plain;
}

export function noteDocument(note: Note): SearchDocument {
  const quote = quoteOf(note.target) ?? '';
  const body = [note.body, quote].filter((text) => text.trim() !== '');
  return {
    id: `note/${note.id}`,
    collectionId: note.target.collectionId,
    kind: 'note',
    targetId: note.id,
    path: notePath(note),
    title: titleOf(note),
    fields: {
      ...(body.length > 0 ? { body } : {}),
      ...(note.tags.length > 0 ? { tags: [...note.tags] } : {}),
    },
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [...note.tags],
    status: null,
    phonetic: false,
  };
}

/** Documents for the live (not trashed) notes, and the ids of the documents they are attached to. */
export function noteIndexInput(notes: readonly Note[]): { documents: SearchDocument[]; notedIds: string[] } {
  const live = notes.filter((note) => note.deletedAt === null);
  const notedIds = new Set<string>();
  for (const note of live) {
    const id = notedDocumentId(note.target);
    if (id) notedIds.add(id);
  }
  return { documents: live.map(noteDocument), notedIds: [...notedIds] };
}
