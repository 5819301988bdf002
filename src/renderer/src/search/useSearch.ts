import { useEffect, useState } from 'react';
import type { SearchDocument } from '../../../shared/search/documents';
import type { SearchResponse } from '../../../shared/search/engine';
import { useApi } from '../api/ApiContext';
import { getSearchService } from './search-service';

/** Pause after a keystroke before searching: typing fast sends one query, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 60;
/** Results shown at once: enough to scan, few enough to render within a frame or two. */
export const RESULT_LIMIT = 50;

export type SearchState =
  | { status: 'indexing' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      documents: Map<string, SearchDocument>;
      /** The results for `query`; the previous results while a newer query runs. */
      response: SearchResponse | null;
      query: string;
      searching: boolean;
    };

/** Searches as the query changes; answers to superseded queries never reach the state. */
export function useSearch(query: string): SearchState {
  const api = useApi();
  const [documents, setDocuments] = useState<Map<string, SearchDocument> | null>(null);
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

  useEffect(() => {
    if (!documents) return;
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
  }, [api, documents, query]);

  if (failure) return { status: 'error', message: failure };
  if (!documents) return { status: 'indexing' };
  return {
    status: 'ready',
    documents,
    response: result?.response ?? null,
    query: result?.query ?? '',
    searching: result?.query !== query,
  };
}
