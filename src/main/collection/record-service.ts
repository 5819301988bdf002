/**
 * Records on demand: what `collections.summary/getRecord/getRecords/page` answer, so no view needs a
 * whole large collection for the few records it shows. Records are read from the on-disk offset index
 * (record-index.ts); the small lookups a record page needs besides (who refers to a record, who shares
 * its case file, which record holds a linked claim) and the sort orders are built once per collection
 * revision and kept here.
 */
import { extractCollectionLinks } from '@shared/collection/links';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import type {
  CollectionDetails,
  CollectionResponses,
  RecordAnswer,
  RecordSort,
} from '@shared/ipc/channels/collections';
import { HandlerError } from '../ipc/dispatch';
import type { CollectionStore } from './collection-store';
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
    request: { offset: number; limit: number; sort?: RecordSort | undefined },
  ): Promise<CollectionResponses['collections.page']>;
}

interface Prepared {
  index: RecordIndex;
  details: CollectionDetails;
  referrers: Map<string, string[]>;
  family: Map<string, string[]>;
  claimHolder: Map<string, string>;
  sorted: Map<RecordSort, Int32Array>;
  collection: LoadedCollection;
}

export function createRecordService(store: CollectionStore, cacheDir: string): RecordService {
  // Keyed by the loaded collection object: the stores hand out the same object until its content
  // changes (a re-import loads a new one), so a stale entry is never found again.
  const prepared = new WeakMap<LoadedCollection, Promise<Prepared>>();

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
    const index = await openRecordIndex(
      cacheDir,
      collectionId,
      summary.revision,
      async () => collection.records,
    );
    return {
      index,
      collection,
      sorted: new Map(),
      ...lookups(collection),
      details: details(collection, summary),
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
      const position = p.index.position(recordId);
      if (position === undefined) throw notFound(collectionId, recordId);
      const [record] = await p.index.readAt([position]);
      if (!record) throw notFound(collectionId, recordId);
      const caseNumber = record.kind === 'person' ? record.person?.caseNumber : undefined;
      const claimHolders: Record<string, string> = {};
      for (const claimId of linkedClaims(record)) {
        const holder = p.claimHolder.get(claimId);
        if (holder !== undefined) claimHolders[claimId] = holder;
      }
      return {
        record,
        referrers: p.referrers.get(recordId) ?? [],
        family: caseNumber ? (p.family.get(caseNumber) ?? []).filter((id) => id !== recordId) : [],
        claimHolders,
        revision: p.index.revision,
      };
    },
    async getRecords(collectionId, recordIds) {
      const p = await prepare(collectionId);
      const positions: number[] = [];
      const missing: string[] = [];
      for (const id of recordIds) {
        const position = p.index.position(id);
        if (position === undefined) missing.push(id);
        else positions.push(position);
      }
      return { records: await p.index.readAt(positions), missing, revision: p.index.revision };
    },
    async page(collectionId, { offset, limit, sort }) {
      const p = await prepare(collectionId);
      const total = p.index.count;
      const end = Math.min(total, offset + limit);
      if (!sort)
        return { records: await p.index.readRange(offset, end), offset, total, revision: p.index.revision };
      let order = p.sorted.get(sort);
      if (!order) p.sorted.set(sort, (order = sortOrder(p.collection.records, sort)));
      const positions = Array.from(order.subarray(Math.min(offset, total), end));
      return { records: await p.index.readAt(positions), offset, total, revision: p.index.revision };
    },
  };
}

/** The `claim:` links of a record's summary and its translated summaries. */
function linkedClaims(record: LoadedRecord): Set<string> {
  const texts = [record.summary, ...Object.values(record.translations ?? {}).map((t) => t?.summary ?? '')];
  const ids = new Set<string>();
  for (const text of texts) {
    for (const link of extractCollectionLinks(text)) if (link.scheme === 'claim') ids.add(link.target);
  }
  return ids;
}

function lookups(collection: LoadedCollection) {
  const referrers = new Map<string, string[]>();
  const family = new Map<string, string[]>();
  const claimHolder = new Map<string, string>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const record of collection.records) {
    for (const relation of record.relations) push(referrers, relation.target, record.id);
    if (record.kind === 'person' && record.person?.caseNumber)
      push(family, record.person.caseNumber, record.id);
    for (const claim of record.claims) claimHolder.set(claim.id, record.id);
  }
  return { referrers, family, claimHolder };
}

function details(collection: LoadedCollection, summary: CollectionDetails['summary']): CollectionDetails {
  const counts: CollectionDetails['counts'] = {};
  const personFields = new Set<string>();
  const otherFields = new Set<string>();
  for (const record of collection.records) {
    counts[record.kind] = (counts[record.kind] ?? 0) + 1;
    if (record.kind !== 'person') continue;
    for (const key of Object.keys(record.person ?? {})) personFields.add(key);
    for (const field of record.otherFields ?? []) otherFields.add(field.header);
  }
  return {
    summary,
    manifest: collection.manifest,
    bibliography: collection.bibliography,
    integrity: collection.integrity,
    texts: collection.texts.map(({ markdown: _body, ...text }) => text),
    counts,
    personFields: [...personFields].sort(),
    otherFields: [...otherFields],
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Stored positions in the asked order; ties keep stored order (the sort is stable). */
function sortOrder(records: readonly LoadedRecord[], sort: RecordSort): Int32Array {
  const positions = records.map((_, i) => i);
  if (sort === 'title') {
    positions.sort((a, b) =>
      collator.compare((records[a] as LoadedRecord).title, (records[b] as LoadedRecord).title),
    );
  } else {
    // Undated records last: "sorted by date" lists what has a date first.
    const key = (i: number) => (records[i] as LoadedRecord).earliest ?? '\uffff';
    positions.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return Int32Array.from(positions);
}
