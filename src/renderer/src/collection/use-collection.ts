import type { AtmintisApi } from '@shared/ipc/api';
import type { LoadedCollection } from '@shared/collection/model';
import type { Result } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';

/**
 * Collections are fetched once per window and shared by every view: the bundled collection is small
 * enough to hold in memory, and switching views must not re-fetch or re-parse it. The cache is keyed
 * by the API object (one per window) and dropped when the collections signal has fired since it was
 * filled, so an import or removal is seen at the next fetch.
 */
const cache = new WeakMap<
  AtmintisApi,
  { version: number; byId: Map<string, Promise<Result<LoadedCollection>>> }
>();

export function fetchCollection(api: AtmintisApi, collectionId: string): Promise<Result<LoadedCollection>> {
  const version = collectionsSignal(api).version();
  let entry = cache.get(api);
  if (!entry || entry.version !== version) cache.set(api, (entry = { version, byId: new Map() }));
  const { byId } = entry;
  let pending = byId.get(collectionId);
  if (!pending) {
    pending = api.call('collections.get', { collectionId });
    byId.set(collectionId, pending);
    // A failed load is not cached, so "try again" really tries again.
    void pending.then((result) => {
      if (!result.ok) byId.delete(collectionId);
    });
  }
  return pending;
}

export function useCollection(collectionId: string | undefined): AsyncState<LoadedCollection> {
  const api = useApi();
  return useResult<LoadedCollection>(
    () =>
      collectionId
        ? fetchCollection(api, collectionId)
        : Promise.resolve({ ok: false, error: { code: 'no-collection', message: 'No collection selected' } }),
    [api, collectionId],
    { refetchOn: collectionsSignal(api) },
  );
}

/** The collection the explore views show when none is named: the first installed one. */
export function useDefaultCollection(): AsyncState<LoadedCollection> {
  const api = useApi();
  return useResult<LoadedCollection>(
    async () => {
      const list = await api.call('collections.list', {});
      if (!list.ok) return list;
      const first = list.value[0];
      if (!first)
        return { ok: false, error: { code: 'no-collection', message: 'No collections are installed.' } };
      return fetchCollection(api, first.id);
    },
    [api],
    { refetchOn: collectionsSignal(api) },
  );
}
