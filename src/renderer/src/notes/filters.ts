/** Filtering, searching and sorting the Notes view's list. Pure. */
import type { Note, TargetKind } from '@shared/notes/model';
import { quoteOf } from '@shared/notes/model';
import { fold, foldedWords } from '@shared/search/fold';

export const SORTS = ['updated-desc', 'created-desc', 'created-asc', 'target'] as const;
export type NoteSort = (typeof SORTS)[number];

export interface NoteFilters {
  query: string;
  tag: string;
  kind: TargetKind | '';
  collectionId: string;
  /** Inclusive ISO days (YYYY-MM-DD) on the last change; '' = open. */
  from: string;
  to: string;
  sort: NoteSort;
}

export const NO_FILTERS: NoteFilters = {
  query: '',
  tag: '',
  kind: '',
  collectionId: '',
  from: '',
  to: '',
  sort: 'updated-desc',
};

/**
 * Notes matching every filter. Search is accent- and script-insensitive (the search view's folding)
 * over the body, tags, quoted passage and the target's label; every word must match.
 */
export function filterNotes(
  notes: readonly Note[],
  filters: NoteFilters,
  label: (note: Note) => string,
): Note[] {
  const words = foldedWords(fold(filters.query));
  const out = notes.filter((note) => {
    if (filters.tag && !note.tags.includes(filters.tag)) return false;
    if (filters.kind && note.target.kind !== filters.kind) return false;
    if (filters.collectionId && note.target.collectionId !== filters.collectionId) return false;
    const day = note.updatedAt.slice(0, 10);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
    if (words.length > 0) {
      const haystack = fold(
        [note.body, note.tags.join(' '), quoteOf(note.target) ?? '', label(note)].join('\n'),
      );
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
  const by = (key: (note: Note) => string, direction: 1 | -1) => (a: Note, b: Note) =>
    key(a) < key(b) ? -direction : key(a) > key(b) ? direction : 0;
  switch (filters.sort) {
    case 'updated-desc':
      return out.sort(by((note) => note.updatedAt, -1));
    case 'created-desc':
      return out.sort(by((note) => note.createdAt, -1));
    case 'created-asc':
      return out.sort(by((note) => note.createdAt, 1));
    case 'target':
      return out.sort((a, b) => label(a).localeCompare(label(b)) || (a.createdAt < b.createdAt ? -1 : 1));
  }
}
