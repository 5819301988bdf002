import type { LoadedCollection } from '@shared/collection/model';
import { ok } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult } from '../api/use-result';
import { fetchCollection } from '../collection/use-collection';

const NONE: ReadonlyMap<string, LoadedCollection> = new Map();

/**
 * The installed collections by id (to name note targets); empty until loaded or if listing fails. A
 * collection that fails to load is left out: its notes are still shown, by id.
 */
export function useCollections(): ReadonlyMap<string, LoadedCollection> {
  const api = useApi();
  const state = useResult(
    async () => {
      const list = await api.call('collections.list', {});
      if (!list.ok) return list;
      const loaded = new Map<string, LoadedCollection>();
      for (const summary of list.value) {
        const result = await fetchCollection(api, summary.id);
        if (result.ok) loaded.set(summary.id, result.value);
      }
      return ok(loaded);
    },
    [api],
    { refetchOn: collectionsSignal(api) },
  );
  return state.status === 'ok' ? state.value : NONE;
}
