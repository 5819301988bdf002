/**
 * One search service per window: the worker, and the documents the renderer shows results from.
 * Collections are fetched once (shared with the other views), indexed in the worker, and turned into
 * the same documents here, so results only need to carry ids and match ranges.
 */
import type { AtmintisApi } from '../../../shared/ipc/api';
import type { LoadedCollection } from '../../../shared/collection/validate';
import { extractDocuments, type SearchDocument } from '../../../shared/search/documents';
import { fetchCollection, forgetCollections } from '../collection/useCollection';
import { COLLECTIONS_CHANGED_EVENT } from '../import/useImportedCollections';
import { SearchClient, createSearchWorker, type WorkerPort } from './search-client';

export interface SearchService {
  client: SearchClient;
  /** Resolves when the index is ready, with the documents by id. */
  ready: Promise<Map<string, SearchDocument>>;
}

let workerFactory: () => WorkerPort = createSearchWorker;
const services = new WeakMap<AtmintisApi, SearchService & { generation: number }>();

/** Bumped when collections are imported or removed: the next search view indexes them anew. */
let generation = 0;
if (typeof window !== 'undefined') {
  window.addEventListener(COLLECTIONS_CHANGED_EVENT, () => {
    generation += 1;
  });
}

/** Tests run the worker's logic in-process (jsdom has no Worker). */
export function setSearchWorkerFactory(factory: () => WorkerPort): void {
  workerFactory = factory;
}

async function loadCollections(api: AtmintisApi): Promise<LoadedCollection[]> {
  const list = await api.call('collections.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const collections: LoadedCollection[] = [];
  for (const summary of list.value) {
    const result = await fetchCollection(api, summary.id);
    if (!result.ok) throw new Error(result.error.message);
    collections.push(result.value);
  }
  return collections;
}

export function getSearchService(api: AtmintisApi): SearchService {
  let service = services.get(api);
  if (service && service.generation !== generation) {
    service.client.dispose();
    services.delete(api);
    forgetCollections(api);
    service = undefined;
  }
  if (!service) {
    const client = new SearchClient(workerFactory());
    const ready = loadCollections(api).then(async (collections) => {
      await client.index(collections);
      return new Map(collections.flatMap(extractDocuments).map((doc) => [doc.id, doc]));
    });
    // A failed start is not kept: opening Search again tries again.
    ready.catch(() => {
      if (services.get(api) === service) services.delete(api);
      client.dispose();
    });
    service = { client, ready, generation };
    services.set(api, service);
  }
  return service;
}
