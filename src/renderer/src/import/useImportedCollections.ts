import { useCallback, useEffect, useState } from 'react';
import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import { useApi } from '../api/ApiContext';

/** Other views (Search, Browse) can listen for this to pick up added or removed collections. */
export const COLLECTIONS_CHANGED_EVENT = 'atmintis:collections-changed';

export function useImportedCollections() {
  const api = useApi();
  const [collections, setCollections] = useState<ImportedCollectionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('imports.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setCollections(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { collections, error, reload };
}
