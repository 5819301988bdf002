/**
 * Slices of a collection: its details (everything but records and text bodies, `collections.summary`)
 * with only the records a view shows, asked for by id. A slice has the shape of a LoadedCollection, so a
 * view written for a whole collection renders one unchanged, while a 200,000-person registry never
 * travels to the page for one record.
 */
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import type { AtmintisApi } from '@shared/ipc/api';
import { MAX_RECORDS_PER_REQUEST, type CollectionDetails } from '@shared/ipc/channels/collections';
import { ok, type Result } from '@shared/result';
import { collectionsSignal } from '../api/collections-changed';

/** A collection holding only some of its records, and its texts without their bodies. */
export type CollectionSlice = Omit<LoadedCollection, 'texts'> & { texts: CollectionDetails['texts'] };

/**
 * Details are small and asked for by every record page: kept per window until the collections signal
 * fires (an import or removal), like fetchCollection's cache.
 */
const detailsCache = new WeakMap<
  AtmintisApi,
  { version: number; byId: Map<string, Promise<Result<CollectionDetails>>> }
>();

export function fetchDetails(api: AtmintisApi, collectionId: string): Promise<Result<CollectionDetails>> {
  const version = collectionsSignal(api).version();
  let entry = detailsCache.get(api);
  if (!entry || entry.version !== version) detailsCache.set(api, (entry = { version, byId: new Map() }));
  const { byId } = entry;
  let pending = byId.get(collectionId);
  if (!pending) {
    pending = api.call('collections.summary', { collectionId });
    byId.set(collectionId, pending);
    void pending.then((result) => {
      if (!result.ok) byId.delete(collectionId);
    });
  }
  return pending;
}

/** The records of these ids the collection holds, in the order asked (ids it lacks are left out). */
export async function fetchRecords(
  api: AtmintisApi,
  collectionId: string,
  recordIds: readonly string[],
): Promise<Result<LoadedRecord[]>> {
  const unique = [...new Set(recordIds)];
  const records: LoadedRecord[] = [];
  for (let start = 0; start < unique.length; start += MAX_RECORDS_PER_REQUEST) {
    const answer = await api.call('collections.getRecords', {
      collectionId,
      recordIds: unique.slice(start, start + MAX_RECORDS_PER_REQUEST),
    });
    if (!answer.ok) return answer;
    records.push(...answer.value.records);
  }
  return ok(records);
}

export function sliceOf(details: CollectionDetails, records: LoadedRecord[]): CollectionSlice {
  const { manifest, bibliography, integrity, texts } = details;
  return { manifest, bibliography, integrity, texts, records };
}

/** A collection's details with the records of these ids. */
export async function fetchSlice(
  api: AtmintisApi,
  collectionId: string,
  recordIds: readonly string[],
): Promise<Result<CollectionSlice>> {
  const details = await fetchDetails(api, collectionId);
  if (!details.ok) return details;
  const records = await fetchRecords(api, collectionId, recordIds);
  if (!records.ok) return records;
  return ok(sliceOf(details.value, records.value));
}

/**
 * What a record page shows, as a collection: the record first, then every record the page names (those
 * referring to it, its family, its relation targets, the holders of claims its summary links to). An
 * unknown record gives a slice without it, so the page says the record is missing.
 */
export async function fetchRecordSlice(
  api: AtmintisApi,
  collectionId: string,
  recordId: string,
): Promise<Result<LoadedCollection>> {
  const details = await fetchDetails(api, collectionId);
  if (!details.ok) return details;
  const answer = await api.call('collections.getRecord', { collectionId, recordId });
  if (!answer.ok) {
    return answer.error.code === 'record-not-found'
      ? ok({ ...sliceOf(details.value, []), texts: [] })
      : answer;
  }
  const { record, referrers, family, claimHolders } = answer.value;
  // Referrers first and in stored order: the page lists "referenced by" in the order records come.
  const named = [
    ...referrers,
    ...family,
    ...record.relations.map((relation) => relation.target),
    ...Object.values(claimHolders),
  ].filter((id) => id !== recordId);
  const others = await fetchRecords(api, collectionId, named);
  if (!others.ok) return others;
  // The page reads no text bodies; an empty list keeps the whole-collection shape honest.
  return ok({ ...sliceOf(details.value, [record, ...others.value]), texts: [] });
}
