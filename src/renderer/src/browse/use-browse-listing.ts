import type { BrowseOptions, CollectionDetails } from '@shared/ipc/channels/collections';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';

export interface BrowseListing {
  details: CollectionDetails;
  options: BrowseOptions;
}

/** What the Records tab shows of a collection besides its rows: never the records themselves. */
export function useBrowseListing(collectionId: string | undefined): AsyncState<BrowseListing> {
  const api = useApi();
  return useResult<BrowseListing>(
    async () => {
      if (!collectionId)
        return { ok: false, error: { code: 'no-collection', message: 'No collection selected' } };
      const [details, options] = await Promise.all([
        api.call('collections.summary', { collectionId }),
        api.call('collections.browseOptions', { collectionId }),
      ]);
      if (!details.ok) return details;
      if (!options.ok) return options;
      return { ok: true, value: { details: details.value, options: options.value } };
    },
    [api, collectionId],
    { refetchOn: collectionsSignal(api) },
  );
}
