/**
 * Where the `collections.*` channels read from (CollectionStore), and its bundled implementation:
 * read-only collections found under one or more root folders, loaded and validated on first use, then
 * kept in memory. A collection that fails validation is listed nowhere and its errors are kept so the
 * UI can say exactly what is wrong with it. Each one's revision is the hash the loader took of the bytes
 * it read, so it is computed once per process, with no second read.
 */
import type { LoadedCollection } from '@shared/collection/model';
import type { Manifest } from '@shared/collection/schema';
import type { CollectionSummary } from '@shared/ipc/payloads';
import type { AppError, Result } from '@shared/result';
import { HandlerError } from '../ipc/dispatch';
import type { LoadedPackage } from './load-collection';

/** What the `collections.*` channels read from: the bundled store, or it joined with the imported ones. */
export interface CollectionStore {
  list(): Promise<CollectionSummary[]>;
  /** Resolves to undefined when no collection has that id. */
  get(collectionId: string): Promise<LoadedCollection | undefined>;
}

export interface CollectionLoader {
  listCollectionDirectories(root: string): Promise<string[]>;
  loadCollectionPackage(dir: string): Promise<Result<LoadedPackage>>;
}

/** `root` may be several folders (the web harness adds test collections); earlier ones win on an id clash. */
export function createBundledCollectionStore(
  root: string | readonly string[],
  loader: CollectionLoader,
): CollectionStore {
  const roots = typeof root === 'string' ? [root] : root;
  const { listCollectionDirectories, loadCollectionPackage } = loader;
  let loading: Promise<Map<string, LoadedPackage>> | undefined;
  const failures: AppError[] = [];

  async function loadAll(): Promise<Map<string, LoadedPackage>> {
    const byId = new Map<string, LoadedPackage>();
    for (const folder of roots) {
      for (const dir of await listCollectionDirectories(folder)) {
        const result = await loadCollectionPackage(dir);
        if (!result.ok) failures.push(result.error);
        else if (!byId.has(result.value.collection.manifest.id)) {
          byId.set(result.value.collection.manifest.id, result.value);
        }
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
      return [...byId.values()].map(({ collection, revision }) => summarise(collection, revision));
    },
    async get(collectionId) {
      return (await collections()).get(collectionId)?.collection;
    },
  };
}

/** What a collection's summary takes from its manifest (bundled and imported alike). */
export function manifestSummary(manifest: Manifest): Omit<CollectionSummary, 'recordCount' | 'revision'> {
  return {
    id: manifest.id,
    title: manifest.title,
    description: manifest.description,
    ...(manifest.translations ? { translations: manifest.translations } : {}),
    version: manifest.version,
    languages: [...manifest.languages],
    synthetic: manifest.synthetic === true,
  };
}

function summarise(collection: LoadedCollection, revision: string): CollectionSummary {
  return { ...manifestSummary(collection.manifest), recordCount: collection.records.length, revision };
}
