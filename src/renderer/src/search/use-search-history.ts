import { useCallback, useEffect, useState } from 'react';
import { ok } from '@shared/result';
import { useSessionValue } from '../api/ApiContext';
import { sessionValue } from '../api/session';
import { createSignal } from '../api/signal';
import { useResult } from '../api/use-result';
import {
  createSearchHistory,
  savedSearchesSynced,
  type RecentSearch,
  type SavedSearch,
  type SearchHistory,
} from './history';

/** One history store per window, opened on first use. */
const historyStore = sessionValue(createSearchHistory);

const EMPTY: { recent: RecentSearch[]; saved: SavedSearch[] } = { recent: [], saved: [] };

export function useSearchHistory() {
  const history = useSessionValue(historyStore);
  const [changed] = useState(createSignal);
  // Saved searches that arrived from teammates show up without a reload.
  useEffect(() => savedSearchesSynced.subscribe(changed.notify), [changed]);
  const lists = useResult(
    async () => {
      const [recent, saved] = await Promise.all([history.listRecent(), history.listSaved()]);
      return ok({ recent, saved });
    },
    [history],
    { refetchOn: changed },
  );
  // History is a convenience: if IndexedDB is unavailable, search still works without it.
  const { recent, saved } = lists.status === 'ok' ? lists.value : EMPTY;
  const run = useCallback(
    (change: (store: SearchHistory) => Promise<void>) => {
      change(history)
        .then(changed.notify)
        .catch(() => undefined);
    },
    [history, changed],
  );
  return {
    recent,
    saved,
    recordRecent: (query: string) => run((h) => h.recordRecent(query)),
    save: (query: string) => run((h) => h.save(query)),
    removeSaved: (id: number) => run((h) => h.removeSaved(id)),
    clearRecent: () => run((h) => h.clearRecent()),
  };
}
