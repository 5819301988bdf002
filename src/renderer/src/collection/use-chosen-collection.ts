import { useState } from 'react';
import type { LoadedCollection } from '@shared/collection/model';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult, type AsyncState } from '../api/use-result';
import { useCollection } from './use-collection';

/**
 * Where Browse remembers the collection chosen to explore. Kept in localStorage rather than the URL:
 * the explore tabs are plain #/browse/… links, and a choice that outlives tab switches and restarts
 * then needs no parameter threaded through every link (record deep links name their collection anyway).
 */
export const CHOSEN_COLLECTION_KEY = 'atmintis.browse.collection';

/** localStorage can be missing or throw (private modes, sandboxed tests): a lost choice is harmless. */
function readChoice(): string | null {
  try {
    return globalThis.localStorage?.getItem(CHOSEN_COLLECTION_KEY) ?? null;
  } catch {
    return null;
  }
}

function saveChoice(collectionId: string): void {
  try {
    globalThis.localStorage?.setItem(CHOSEN_COLLECTION_KEY, collectionId);
  } catch {
    // Not remembered past this view; the choice still applies now.
  }
}

export interface ChosenCollection {
  /** Every installed collection, as `collections.list` gives them (empty until listed). */
  summaries: readonly CollectionSummary[];
  /** The list has been asked for and answered (until then, no answer says "none installed"). */
  listed: boolean;
  /** The one shown: the remembered choice if it is still installed, else the first. */
  chosenId: string | undefined;
  choose: (collectionId: string) => void;
  collection: AsyncState<LoadedCollection>;
}

/**
 * `whole: false` for a view that lists the chosen collection page by page: it is then never fetched
 * whole (`collection` answers `no-collection`; the view loads what it shows itself).
 */
export function useChosenCollection({ whole = true }: { whole?: boolean } = {}): ChosenCollection {
  const api = useApi();
  const list = useResult(() => api.call('collections.list', {}), [api], {
    refetchOn: collectionsSignal(api),
  });
  const [remembered, setRemembered] = useState(readChoice);
  const summaries = list.status === 'ok' ? list.value : [];
  // A remembered collection that was removed since falls back to the first (the memory is kept, so
  // it applies again should the collection be imported anew).
  const chosenId = (summaries.find((summary) => summary.id === remembered) ?? summaries[0])?.id;
  // Only the chosen collection is fetched (fetchCollection caches it for the other tabs).
  const loaded = useCollection(whole ? chosenId : undefined);
  const choose = (collectionId: string) => {
    saveChoice(collectionId);
    setRemembered(collectionId);
  };
  // With none installed, useCollection(undefined) answers `no-collection` itself.
  const collection: AsyncState<LoadedCollection> = list.status === 'ok' ? loaded : list;
  return { summaries, listed: list.status !== 'loading', chosenId, choose, collection };
}
