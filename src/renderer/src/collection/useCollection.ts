import type { AtmintisApi } from '@shared/ipc/api';
import type { LoadedCollection } from '@shared/collection/model';
import type { Result } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { useResult, type AsyncState } from '../api/useResult';

/**
 * Collections are fetched once per window and shared by every view: the bundled collection is small
 * enough to hold in memory, and switching views must not re-fetch or re-parse it.
 */
const cache = new WeakMap<AtmintisApi, Map<string, Promise<Result<LoadedCollection>>>>();

export function fetchCollection(api: AtmintisApi, collectionId: string): Promise<Result<LoadedCollection>> {
  let byId = cache.get(api);
  if (!byId) cache.set(api, (byId = new Map()));
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

/** Drop every cached collection (after an import replaced or removed one) so views fetch them afresh. */
export function forgetCollections(api: AtmintisApi): void {
  cache.delete(api);
}

export function useCollection(collectionId: string | undefined): AsyncState<LoadedCollection> {
  const api = useApi();
  return useResult<LoadedCollection>(
    () =>
      collectionId
        ? fetchCollection(api, collectionId)
        : Promise.resolve({ ok: false, error: { code: 'no-collection', message: 'No collection selected' } }),
    [api, collectionId],
  );
}

/** The collection the explore views show when none is named: the first installed one. */
export function useDefaultCollection(): AsyncState<LoadedCollection> {
  const api = useApi();
  return useResult<LoadedCollection>(async () => {
    const list = await api.call('collections.list', {});
    if (!list.ok) return list;
    const first = list.value[0];
    if (!first)
      return { ok: false, error: { code: 'no-collection', message: 'No collections are installed.' } };
    return fetchCollection(api, first.id);
  }, [api]);
}
