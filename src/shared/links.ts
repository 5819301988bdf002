/**
 * In-app addresses of collection content, in one place so every view links the same way.
 *
 * `*Path` functions return the router path (what wouter's hash location calls the location, e.g.
 * `/browse/record/c/r`); `*Href` functions return the full hash URL for an `<a href>` outside the router
 * (`#/browse/record/c/r`). Ids are URI-encoded; anchors are slugs (see `slugify`).
 */

const enc = encodeURIComponent;

export const recordPath = (collectionId: string, recordId: string): string =>
  `/browse/record/${enc(collectionId)}/${enc(recordId)}`;

/** A long text, optionally at a section anchor (`#/reader/<collectionId>/<textId>#<anchor>`). */
export const textPath = (collectionId: string, textId: string, anchor?: string): string =>
  `/reader/${enc(collectionId)}/${enc(textId)}${anchor ? `#${enc(anchor)}` : ''}`;

export const bibliographyPath = (collectionId: string, bibliographyId: string): string =>
  `/bibliography/${enc(collectionId)}/${enc(bibliographyId)}`;

/** An imported document in the Reader. "document" is matched before the collection-text route. */
export const documentPath = (documentId: string): string =>
  `/reader/document/${encodeURIComponent(documentId)}`;

/** Imported documents' passage notes use this in place of a collection id. */
export const DOCUMENTS_NOTE_COLLECTION = 'reader-documents';

/** Where a passage note's text opens: an imported document or a collection's long text. */
export const passageTextPath = (collectionId: string, textId: string): string =>
  collectionId === DOCUMENTS_NOTE_COLLECTION ? documentPath(textId) : textPath(collectionId, textId);

/** The Reader at a passage note's text, with that note focused and scrolled into view. */
export const passageNotePath = (collectionId: string, textId: string, noteId: string): string =>
  `${passageTextPath(collectionId, textId)}/note/${enc(noteId)}`;

export const toHref = (path: string): string => `#${path}`;

export const recordHref = (collectionId: string, recordId: string): string =>
  toHref(recordPath(collectionId, recordId));
export const textHref = (collectionId: string, textId: string, anchor?: string): string =>
  toHref(textPath(collectionId, textId, anchor));
export const bibliographyHref = (collectionId: string, bibliographyId: string): string =>
  toHref(bibliographyPath(collectionId, bibliographyId));

/**
 * A heading's anchor: lower case, diacritics dropped, runs of anything but letters and digits turned
 * into one hyphen ("June 1941" → "june-1941", "Kas kaltas?" → "kas-kaltas"). Cyrillic letters are kept.
 */
export function slugify(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Anchors for the headings of one text, in order: a repeated heading gets "-2", "-3"… so every anchor is
 * unique. The Reader must give its headings these ids, and search links to them.
 */
export function headingAnchors(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((heading) => {
    const base = slugify(heading) || 'section';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
