import type { LoadedCollection } from '@shared/collection/model';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';
import { fetchRecordSlice } from './record-slice';

/** One record and the records its page names, as a collection (see fetchRecordSlice). */
export function useRecordSlice(collectionId: string, recordId: string): AsyncState<LoadedCollection> {
  const api = useApi();
  return useResult<LoadedCollection>(
    () => fetchRecordSlice(api, collectionId, recordId),
    [api, collectionId, recordId],
    { refetchOn: collectionsSignal(api) },
  );
}
