import { useEffect, useState } from 'react';
import type { LoadedCollection } from '@shared/collection/model';
import { useApi } from '../api/ApiContext';
import { fetchCollection } from '../collection/useCollection';

/** The installed collections by id (to name note targets); empty until loaded or if loading fails. */
export function useCollections(): ReadonlyMap<string, LoadedCollection> {
  const api = useApi();
  const [collections, setCollections] = useState<ReadonlyMap<string, LoadedCollection>>(new Map());
  useEffect(() => {
    let current = true;
    void (async () => {
      const list = await api.call('collections.list', {});
      if (!list.ok) return;
      const loaded = new Map<string, LoadedCollection>();
      for (const summary of list.value) {
        const result = await fetchCollection(api, summary.id);
        if (result.ok) loaded.set(summary.id, result.value);
      }
      if (current) setCollections(loaded);
    })();
    return () => {
      current = false;
    };
  }, [api]);
  return collections;
}
