import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SearchResponse } from '@shared/search/response';
import { useApi } from '../api/ApiContext';
import { ok } from '@shared/result';
import { collectionsSignal } from '../api/collections-changed';
import { useResult } from '../api/use-result';
import { getSearchService } from './search-service';
import { noteIndexInput } from '@shared/search/note-documents';
import { useNotes } from '../notes/NotesContext';
import { useLiveQuery } from '../notes/use-live-query';
import type { SearchDocument } from '@shared/search/documents';
import { loadReaderSearchDocuments } from './reader-documents';
import { itemSearchDocuments } from '@shared/search/item-documents';
import { allItems } from '../photos/items-repository';

/** Pause after a keystroke before searching: typing fast sends one query, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 60;
/** Results asked for at first: enough to scan, cheap to run and to send over from the worker. */
export const RESULT_LIMIT = 50;
/**
 * Most results "Show more" reaches. Beyond this, scrolling is a poor way to look through matches: the
 * user is asked to refine the query with facets instead (and every step re-runs the search for more).
 */
export const MAX_RESULTS = 1000;

/** The limit after one "Show more": doubling reaches MAX_RESULTS from 50 in five steps. */
export function nextLimit(limit: number): number {
  return Math.min(limit * 2, MAX_RESULTS);
}

export type SearchState =
  | { status: 'indexing' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** The results for `query` (each hit with its document); the previous results while a newer query runs. */
      response: SearchResponse | null;
      query: string;
      /** A search for `query` (or for more of its results) is running. */
      searching: boolean;
      /** Asks for more results of the current query (up to MAX_RESULTS); the shown ones stay meanwhile. */
      showMore: () => void;
      /** Lists the similar spellings the current query left out (until the query changes). */
      showSimilar: () => void;
    };

/** Searches as the query changes; answers to superseded queries never reach the state. */
export function useSearch(query: string): SearchState {
  const api = useApi();
  const [searchFailure, setSearchFailure] = useState<string | null>(null);
  const { repository } = useNotes();
  const notes = useLiveQuery(() => repository.live(), [repository]);
  const noteInput = useMemo(() => (notes.status === 'ok' ? noteIndexInput(notes.value) : null), [notes]);
  // Photo items, live: an edit, a restore or a teammate's change reaches Search without a reload.
  const items = useLiveQuery(() => allItems(repository.db), [repository]);
  const itemDocuments = useMemo(
    () => (items.status === 'ok' ? itemSearchDocuments(items.value) : items.status === 'error' ? [] : null),
    [items],
  );
  // The user's imported Reader documents, read when Search opens (importing happens in the Reader).
  // One that cannot be read leaves Search answering for everything else.
  const readerState = useResult(
    async () =>
      ok(
        await loadReaderSearchDocuments(api).catch((error: unknown) => {
          console.warn('Imported documents could not be read for Search.', error);
          return [] as SearchDocument[];
        }),
      ),
    [api],
  );
  const readerDocuments = readerState.status === 'ok' ? readerState.value : null;
  // Imported documents and photo items go with the notes: they too are the user's own and change
  // apart from the collections (indexed together in the worker's second engine).
  const userInput = useMemo(
    () =>
      noteInput && readerDocuments && itemDocuments
        ? {
            documents: [...noteInput.documents, ...readerDocuments, ...itemDocuments],
            notedIds: noteInput.notedIds,
          }
        : null,
    [noteInput, readerDocuments, itemDocuments],
  );
  const [result, setResult] = useState<{ query: string; limit: number; response: SearchResponse } | null>(
    null,
  );
  // The limit of the query being typed: every change of the query starts again at RESULT_LIMIT. It is
  // reset while rendering rather than in an effect, which would first search the new query at the old
  // limit; and it is tied to the query text, so a later return to the same text starts small too.
  const [sized, setSized] = useState({ query, limit: RESULT_LIMIT });
  if (sized.query !== query) setSized({ query, limit: RESULT_LIMIT });
  const limit = sized.query === query ? sized.limit : RESULT_LIMIT;
  // Similar spellings are asked for one query at a time: typing on lists only the closer matches again.
  const [similarFor, setSimilarFor] = useState<string | null>(null);
  const similar = similarFor === query;
  const showSimilar = useCallback(() => setSimilarFor(query), [query]);
  const showMore = useCallback(
    () =>
      setSized((previous) => ({
        query,
        limit: nextLimit(previous.query === query ? previous.limit : RESULT_LIMIT),
      })),
    [query],
  );

  // The index of the current collections: after an import or removal (the collections signal) the
  // service starts a new index, and this waits for that one while the shown results stay.
  const readiness = useResult(
    async () => {
      const service = getSearchService(api);
      await service.ready;
      return ok(service.client);
    },
    [api],
    { refetchOn: collectionsSignal(api) },
  );
  const indexed = readiness.status === 'ok';
  // A new index (a new worker) is given the user's notes and documents again, and the query is run
  // again on it. Calls go to the current service's client: an older one is disposed when replaced.
  const client = readiness.status === 'ok' ? readiness.value : null;

  // Notes are indexed apart and change while the collections do not. This effect is declared before
  // the search below, so the worker has the new notes before the search runs again (messages to the
  // worker keep their order).
  useEffect(() => {
    if (client && userInput) getSearchService(api).client.setNotes(userInput.documents, userInput.notedIds);
  }, [api, client, userInput]);

  useEffect(() => {
    if (!client) return;
    let current = true;
    const timer = setTimeout(() => {
      getSearchService(api)
        .client.search(query, limit, similar)
        .then(
          (outcome) => {
            if (current && outcome) setResult({ query: outcome.query, limit, response: outcome.response });
          },
          (error: unknown) =>
            current && setSearchFailure(error instanceof Error ? error.message : String(error)),
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, client, userInput, query, limit, similar]);

  if (readiness.status === 'error') return { status: 'error', message: readiness.error.message };
  if (searchFailure) return { status: 'error', message: searchFailure };
  if (!indexed) return { status: 'indexing' };
  return {
    status: 'ready',
    response: result?.response ?? null,
    query: result?.query ?? '',
    searching: result?.query !== query || result.limit !== limit,
    showMore,
    showSimilar,
  };
}
