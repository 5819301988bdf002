import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BrowseQuery } from '@shared/ipc/channels/collections';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';
import { createRecordPages, PAGE_SIZE, type RecordPages } from './record-pages';

export interface PagedListing {
  /** The first page of the current query: `loading` while the sort or filter just changed. */
  state: AsyncState<RecordPages>;
  /** The pages to show: the current query's, or the previous one's while the current one loads. */
  shown: RecordPages | undefined;
  /** Asks for the rows [start, end) the table has in view; pages already held are not fetched again. */
  request: (start: number, end: number) => void;
}

/**
 * A Browse listing page by page over `collections.page`. The first page goes through useResult (a
 * changed query answers `loading` at once, a late answer for an old query is dropped); the pages after
 * it are a cache of that answer (createRecordPages), so a page for another query or revision lands in
 * the old cache, never in the one shown.
 */
export function useRecordPages(collectionId: string, query: BrowseQuery): PagedListing {
  const api = useApi();
  const key = JSON.stringify(query);
  // The query by its content: a new object each render must not ask again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useMemo(() => query, [key]);
  const first = useResult(
    async () => {
      const result = await api.call('collections.page', {
        collectionId,
        offset: 0,
        limit: PAGE_SIZE,
        browse: stable,
      });
      return result.ok ? { ok: true as const, value: createRecordPages(result.value) } : result;
    },
    [api, collectionId, stable],
    { refetchOn: collectionsSignal(api) },
  );
  const current = first.status === 'ok' ? first.value : undefined;
  // The last listing answered, shown while a changed query loads (React's "state from the previous
  // render" pattern: set during render, no extra commit).
  const [previous, setPrevious] = useState<RecordPages | undefined>(current);
  if (current && current !== previous) setPrevious(current);

  const [, setArrived] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const request = useCallback(
    (start: number, end: number) => {
      if (!current) return;
      for (const page of current.claim(start, end)) {
        void api
          .call('collections.page', {
            collectionId,
            offset: page * PAGE_SIZE,
            limit: PAGE_SIZE,
            browse: stable,
          })
          .then((result) => {
            if (!result.ok) return current.failed(page);
            if (current.add(page, result.value) && mounted.current) setArrived((n) => n + 1);
          });
      }
    },
    [api, collectionId, stable, current],
  );

  return {
    state: first,
    shown: current ?? (first.status === 'loading' ? previous : undefined),
    request,
  };
}
