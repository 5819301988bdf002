/** Addresses inside the Notes view (router paths, absolute). */
const enc = encodeURIComponent;

export const notesPath = (): string => '/notes';
export const trashPath = (): string => '/notes/trash';
export const backupsPath = (): string => '/notes/backups';

/** The reading pane of the Notes view, optionally focused on one highlight. */
export const textsPath = (collectionId?: string, textId?: string, noteId?: string): string =>
  collectionId && textId
    ? `/notes/texts/${enc(collectionId)}/${enc(textId)}${noteId ? `/${enc(noteId)}` : ''}`
    : '/notes/texts';
