/**
 * Records on demand: what `collections.summary/getRecord/getRecords/page` answer, so no view needs a
 * whole large collection for the few records it shows. Records are read from the on-disk offset index
 * (record-index.ts); the small lookups a record page needs besides (who refers to a record, who shares
 * its case file, which record holds a linked claim) and the sort orders are built once per collection
 * revision and kept here.
 */
import {
  collectionDetails,
  recordLookups,
  recordNeighbours,
  sortOrder,
  type RecordLookups,
} from '@shared/collection/record-lookups';
import type { LoadedCollection } from '@shared/collection/model';
import type {
  BrowseOptions,
  BrowseQuery,
  CollectionDetails,
  CollectionResponses,
  RecordAnswer,
  RecordSort,
} from '@shared/ipc/channels/collections';
import { HandlerError } from '../ipc/dispatch';
import type { CollectionStore } from './collection-store';
import { browseOptions } from '@shared/collection/browse-options';
import { createListing } from './browse-listing';
import { openRecordIndex, type RecordIndex } from './record-index';

export interface RecordService {
  summary(collectionId: string): Promise<CollectionDetails>;
  getRecord(collectionId: string, recordId: string): Promise<RecordAnswer>;
  getRecords(
    collectionId: string,
    recordIds: readonly string[],
  ): Promise<CollectionResponses['collections.getRecords']>;
  page(
    collectionId: string,
    request: {
      offset: number;
      limit: number;
      sort?: RecordSort | undefined;
      browse?: BrowseQuery | undefined;
    },
  ): Promise<CollectionResponses['collections.page']>;
  browseOptions(collectionId: string): Promise<BrowseOptions>;
  /**
   * Prepares a collection's records on demand (its record-offset index built or checked) ahead of the
   * first request, so the first record page opened does not wait for it. Never rejects.
   */
  warm(collectionId: string): Promise<void>;
}

interface Prepared {
  /**
   * The record-offset index, still being written for a new revision: only what reads records from disk
   * waits for it; the Browse listing and the summary are answered from memory meanwhile.
   */
  index: Promise<RecordIndex>;
  revision: string;
  details: CollectionDetails;
  lookups: RecordLookups;
  sorted: Map<RecordSort, Int32Array>;
  collection: LoadedCollection;
  options?: BrowseOptions;
}

/** How the service gets a collection revision's index; tests pass one over memory. */
export type OpenIndex = typeof openRecordIndex;

export function createRecordService(
  store: CollectionStore,
  cacheDir: string,
  openIndex: OpenIndex = openRecordIndex,
): RecordService {
  // Keyed by the loaded collection object: the stores hand out the same object until its content
  // changes (a re-import loads a new one), so a stale entry is never found again.
  const prepared = new WeakMap<LoadedCollection, Promise<Prepared>>();
  const listing = createListing();

  async function prepare(collectionId: string): Promise<Prepared> {
    const collection = await store.get(collectionId);
    if (collection === undefined) {
      throw new HandlerError('collection-not-found', `No collection with id "${collectionId}"`);
    }
    let entry = prepared.get(collection);
    if (!entry) {
      entry = build(collectionId, collection);
      prepared.set(collection, entry);
      // A failed build (a full disk) is tried again at the next request.
      entry.catch(() => prepared.delete(collection));
    }
    return entry;
  }

  async function build(collectionId: string, collection: LoadedCollection): Promise<Prepared> {
    const summary = (await store.list()).find((candidate) => candidate.id === collectionId);
    if (!summary) throw new HandlerError('collection-not-found', `No collection with id "${collectionId}"`);
    const index = openIndex(cacheDir, collectionId, summary.revision, async () => collection.records);
    // A failed index build (a full disk) is tried again at the next request.
    index.catch(() => prepared.delete(collection));
    return {
      index,
      revision: summary.revision,
      collection,
      sorted: new Map(),
      lookups: recordLookups(collection),
      details: collectionDetails(collection, summary),
    };
  }

  const notFound = (collectionId: string, recordId: string) =>
    new HandlerError('record-not-found', `Collection "${collectionId}" has no record with id "${recordId}"`, {
      collectionId,
      recordId,
    });

  return {
    async summary(collectionId) {
      return (await prepare(collectionId)).details;
    },
    async getRecord(collectionId, recordId) {
      const p = await prepare(collectionId);
      const index = await p.index;
      const position = index.position(recordId);
      if (position === undefined) throw notFound(collectionId, recordId);
      const [record] = await index.readAt([position]);
      if (!record) throw notFound(collectionId, recordId);
      return {
        record,
        ...recordNeighbours(record, p.lookups),
        revision: index.revision,
      };
    },
    async getRecords(collectionId, recordIds) {
      const index = await (await prepare(collectionId)).index;
      const positions: number[] = [];
      const missing: string[] = [];
      for (const id of recordIds) {
        const position = index.position(id);
        if (position === undefined) missing.push(id);
        else positions.push(position);
      }
      return { records: await index.readAt(positions), missing, revision: index.revision };
    },
    async page(collectionId, { offset, limit, sort, browse }) {
      const p = await prepare(collectionId);
      if (browse) {
        // Read from the loaded records main holds anyway: the listing is positions into them.
        const listed = listing.list(p.collection.records, browse);
        const records = listed.slice(offset, offset + limit);
        return { records, offset, total: listed.length, revision: p.revision };
      }
      const index = await p.index;
      const total = index.count;
      const end = Math.min(total, offset + limit);
      if (!sort)
        return { records: await index.readRange(offset, end), offset, total, revision: index.revision };
      let order = p.sorted.get(sort);
      if (!order) p.sorted.set(sort, (order = sortOrder(p.collection.records, sort)));
      const positions = Array.from(order.subarray(Math.min(offset, total), end));
      return { records: await index.readAt(positions), offset, total, revision: index.revision };
    },
    async browseOptions(collectionId) {
      const p = await prepare(collectionId);
      return (p.options ??= browseOptions(p.collection.records));
    },
    async warm(collectionId) {
      await prepare(collectionId)
        .then(
          (p) => p.index.then(() => undefined),
          () => undefined,
        )
        .catch(() => undefined);
    },
  };
}
