import { useEffect, useMemo, useState } from 'react';
import type { SearchDocument } from '../../../shared/search/documents';
import type { SearchResponse } from '../../../shared/search/engine';
import { useApi } from '../api/ApiContext';
import { getSearchService } from './search-service';
import { noteIndexInput } from '../../../shared/search/note-documents';
import { useNotes } from '../notes/NotesContext';
import { useLiveQuery } from '../notes/useLiveQuery';

/** Pause after a keystroke before searching: typing fast sends one query, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 60;
/** Results shown at once: enough to scan, few enough to render within a frame or two. */
export const RESULT_LIMIT = 50;

export type SearchState =
  | { status: 'indexing' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** The collections' documents by id (stable while the window lives). */
      documents: Map<string, SearchDocument>;
      /** The user's notes as documents by id (change as notes do). */
      noteDocuments: Map<string, SearchDocument>;
      /** The results for `query`; the previous results while a newer query runs. */
      response: SearchResponse | null;
      query: string;
      searching: boolean;
    };

/** Searches as the query changes; answers to superseded queries never reach the state. */
export function useSearch(query: string): SearchState {
  const api = useApi();
  const [collectionDocuments, setDocuments] = useState<Map<string, SearchDocument> | null>(null);
  const { repository } = useNotes();
  const notes = useLiveQuery(() => repository.live(), [repository]);
  const noteInput = useMemo(() => (notes.status === 'ok' ? noteIndexInput(notes.value) : null), [notes]);
  // Kept apart from the collections' documents, which may be 200,000: a note edit must not copy them.
  const noteDocuments = useMemo(
    () => new Map((noteInput?.documents ?? []).map((doc) => [doc.id, doc])),
    [noteInput],
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<{ query: string; response: SearchResponse } | null>(null);

  useEffect(() => {
    let current = true;
    getSearchService(api).ready.then(
      (docs) => current && setDocuments(docs),
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  // Notes are indexed apart and change while the collections do not. This effect is declared before
  // the search below, so the worker has the new notes before the search runs again (messages to the
  // worker keep their order).
  useEffect(() => {
    if (collectionDocuments && noteInput) {
      getSearchService(api).client.setNotes(noteInput.documents, noteInput.notedIds);
    }
  }, [api, collectionDocuments, noteInput]);

  useEffect(() => {
    if (!collectionDocuments) return;
    let current = true;
    const timer = setTimeout(() => {
      getSearchService(api)
        .client.search(query, RESULT_LIMIT)
        .then(
          (outcome) => {
            if (current && outcome) setResult({ query: outcome.query, response: outcome.response });
          },
          (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, collectionDocuments, noteInput, query]);

  if (failure) return { status: 'error', message: failure };
  if (!collectionDocuments) return { status: 'indexing' };
  return {
    status: 'ready',
    documents: collectionDocuments,
    noteDocuments,
    response: result?.response ?? null,
    query: result?.query ?? '',
    searching: result?.query !== query,
  };
}
