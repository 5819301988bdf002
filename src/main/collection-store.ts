/**
 * Bundled (read-only) collections: found under one root folder, loaded and validated on first use, then
 * kept in memory. A collection that fails validation is listed nowhere and its errors are kept so the
 * UI can say exactly what is wrong with it.
 */
import type { CollectionSummary, LoadedCollectionPayload } from '../shared/ipc/payloads';
import type { AppError } from '../shared/result';
import type { CollectionStore } from './handlers';
import { HandlerError } from './ipc/dispatch';
import type { Result } from '../shared/result';

export interface CollectionLoader {
  listCollectionDirectories(root: string): Promise<string[]>;
  loadCollectionFromDirectory(dir: string): Promise<Result<LoadedCollectionPayload>>;
}

/** `root` may be several folders (the web harness adds test collections); earlier ones win on an id clash. */
export function createBundledCollectionStore(
  root: string | readonly string[],
  loader: CollectionLoader,
): CollectionStore {
  const roots = typeof root === 'string' ? [root] : root;
  const { listCollectionDirectories, loadCollectionFromDirectory } = loader;
  let loading: Promise<Map<string, LoadedCollectionPayload>> | undefined;
  const failures: AppError[] = [];

  async function loadAll(): Promise<Map<string, LoadedCollectionPayload>> {
    const byId = new Map<string, LoadedCollectionPayload>();
    for (const folder of roots) {
      for (const dir of await listCollectionDirectories(folder)) {
        const result = await loadCollectionFromDirectory(dir);
        if (!result.ok) failures.push(result.error);
        else if (!byId.has(result.value.manifest.id)) byId.set(result.value.manifest.id, result.value);
      }
    }
    return byId;
  }

  const collections = () => (loading ??= loadAll());

  return {
    async list() {
      const byId = await collections();
      if (byId.size === 0 && failures.length > 0) {
        const first = failures[0] as AppError;
        throw new HandlerError(first.code, first.message, first.details);
      }
      return [...byId.values()].map(summarise);
    },
    async get(collectionId) {
      return (await collections()).get(collectionId);
    },
  };
}

function summarise(collection: LoadedCollectionPayload): CollectionSummary {
  const { manifest } = collection;
  return {
    id: manifest.id,
    title: manifest.title,
    description: manifest.description,
    version: manifest.version,
    languages: [...manifest.languages],
    recordCount: collection.records.length,
    synthetic: manifest.synthetic === true,
  };
}
