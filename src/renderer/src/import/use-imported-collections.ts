import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';

/** The imported collections, listed again whenever `collectionsChanged(api)` is called. */
export function useImportedCollections(): AsyncState<ImportedCollectionSummary[]> {
  const api = useApi();
  return useResult(() => api.call('imports.list', {}), [api], { refetchOn: collectionsSignal(api) });
}
