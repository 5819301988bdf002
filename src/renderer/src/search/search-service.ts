/**
 * One search service per window: the worker and its index. The index is opened from the copy saved at
 * the last start when the collections have not changed since (a 200,000-person registry is ready to
 * search in under two seconds instead of half a minute); otherwise the collections are fetched (shared with
 * the other views), indexed in the worker, and the new index is saved for next time. Results carry
 * their documents, so the renderer keeps no copy of the collections for search.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import type { CollectionSummary } from '@shared/ipc/payloads';
import type { LoadedCollection } from '@shared/collection/model';
import { searchIndexKey } from '@shared/search/index-key';
import { searchIndexUrl } from '@shared/search/index-url';
import { NO_SAVED_INDEX } from '@shared/search/messages';
import { collectionsSignal } from '../api/collections-changed';
import { fetchCollection } from '../collection/use-collection';
import { SearchClient, createSearchWorker, type WorkerPort } from './search-client';

export interface SearchService {
  client: SearchClient;
  /** Resolves when the index is ready, saying where it came from. */
  ready: Promise<IndexOrigin>;
}

/**
 * Keyed by the API object (one per window, a fresh one per test), with the collections signal's
 * version it was built at: after `collectionsChanged(api)` the next caller gets a new index.
 */
const services = new WeakMap<AtmintisApi, SearchService & { version: number }>();

export type IndexOrigin = 'saved index' | 'collections';

async function loadCollections(
  api: AtmintisApi,
  summaries: readonly CollectionSummary[],
): Promise<LoadedCollection[]> {
  const collections: LoadedCollection[] = [];
  for (const summary of summaries) {
    const result = await fetchCollection(api, summary.id);
    if (!result.ok) throw new Error(result.error.message);
    collections.push(result.value);
  }
  return collections;
}

/** `createWorker` is for tests, which run the worker's logic in-process (jsdom has no Worker). */
export function getSearchService(
  api: AtmintisApi,
  createWorker: () => WorkerPort = createSearchWorker,
): SearchService {
  const version = collectionsSignal(api).version();
  let service = services.get(api);
  if (service && service.version !== version) {
    service.client.dispose();
    services.delete(api);
    service = undefined;
  }
  if (!service) {
    const client = new SearchClient(createWorker());
    const ready = openIndex(api, client);
    // A failed start is not kept: opening Search again tries again.
    ready.catch(() => {
      if (services.get(api) === service) services.delete(api);
      client.dispose();
    });
    service = { client, ready, version };
    services.set(api, service);
  }
  return service;
}

/** Opens the saved index if it is current, else indexes the collections and saves the result. */
async function openIndex(api: AtmintisApi, client: SearchClient): Promise<IndexOrigin> {
  const list = await api.call('collections.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const key = searchIndexKey(list.value);
  try {
    await client.load(searchIndexUrl(key));
    return 'saved index';
  } catch (error) {
    // Damaged or of another format: indexing again replaces it.
    if (!(error instanceof Error && error.message === NO_SAVED_INDEX))
      console.warn('The saved search index could not be opened; indexing again.', error);
  }
  await client.index(await loadCollections(api, list.value));
  void saveIndex(client, key);
  return 'collections';
}

/** Saves the index in the background; a failure only means the next start indexes again. */
async function saveIndex(client: SearchClient, key: string): Promise<void> {
  try {
    await client.save(searchIndexUrl(key));
  } catch (error) {
    console.warn('The search index could not be saved for the next start.', error);
  }
}
