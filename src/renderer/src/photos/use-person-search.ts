/**
 * People matching what is typed in the record picker, from the collections' search index (the same
 * worker Search uses, so names match with typos, other scripts and missing diacritics).
 */
import { useEffect, useState } from 'react';
import type { AtmintisApi } from '@shared/ipc/api';
import type { SearchDocument } from '@shared/search/documents';
import { useApi } from '../api/ApiContext';
import { getSearchService } from '../search/search-service';

export const PICKER_LIMIT = 8;
const PICKER_DEBOUNCE_MS = 150;

export type PersonSearch =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; people: SearchDocument[] }
  | { status: 'error'; message: string };

/** The query the picker sends: only people, and only once two letters are typed. */
export function personQuery(text: string): string | null {
  const words = text.replace(/["\s]+/g, ' ').trim();
  return words.length >= 2 ? `kind:person ${words}` : null;
}

async function findPeople(api: AtmintisApi, query: string): Promise<SearchDocument[] | null> {
  const service = getSearchService(api);
  await service.ready;
  const outcome = await service.client.search(query, PICKER_LIMIT);
  return outcome ? outcome.response.hits.map((hit) => hit.document) : null;
}

export function usePersonSearch(text: string): PersonSearch {
  const api = useApi();
  const query = personQuery(text);
  const [state, setState] = useState<{ query: string; result: PersonSearch } | null>(null);
  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      findPeople(api, query).then(
        (people) => {
          if (current && people) setState({ query, result: { status: 'done', people } });
        },
        (error: unknown) =>
          current &&
          setState({
            query,
            result: { status: 'error', message: error instanceof Error ? error.message : String(error) },
          }),
      );
    }, PICKER_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  if (query === null) return { status: 'idle' };
  return state?.query === query ? state.result : { status: 'searching' };
}
