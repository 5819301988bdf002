import { useCallback, useEffect, useState } from 'react';
import { createSearchHistory, type RecentSearch, type SavedSearch, type SearchHistory } from './history';

let shared: SearchHistory | null = null;
/** One history store per window (tests may replace it). */
export function searchHistory(): SearchHistory {
  return (shared ??= createSearchHistory());
}
export function setSearchHistory(history: SearchHistory | null): void {
  shared = history;
}

export function useSearchHistory() {
  const [recent, setRecent] = useState<RecentSearch[]>([]);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const load = useCallback(async () => {
    const history = searchHistory();
    return Promise.all([history.listRecent(), history.listSaved()]);
  }, []);
  const show = useCallback(([r, s]: [RecentSearch[], SavedSearch[]]) => {
    setRecent(r);
    setSaved(s);
  }, []);
  const refresh = useCallback(() => load().then(show), [load, show]);
  useEffect(() => {
    let current = true;
    // History is a convenience: if IndexedDB is unavailable, search still works without it.
    load().then(
      (lists) => current && show(lists),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [load, show]);
  const run = useCallback(
    (change: (history: SearchHistory) => Promise<void>) => {
      change(searchHistory())
        .then(refresh)
        .catch(() => undefined);
    },
    [refresh],
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
