/**
 * For renderer tests whose fake API serves whole collections through `collections.get`: answers the
 * records-on-demand channels (`collections.summary/getRecord/getRecords/page`) from that same answer,
 * with the lookups main's record service uses (@shared/collection/record-lookups), so the views see
 * what main would send them.
 */
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import {
  collectionDetails,
  recordLookups,
  recordNeighbours,
  sortOrder,
} from '@shared/collection/record-lookups';
import type { RecordSort } from '@shared/ipc/channels/collections';
import type { Invoke } from '@shared/ipc/contract';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface RecordRequest {
  collectionId: string;
  recordId: string;
  recordIds: string[];
  offset: number;
  limit: number;
  sort?: RecordSort;
}

function answer(channel: string, collection: LoadedCollection, request: RecordRequest): Answer | undefined {
  const { collectionId } = request;
  const records = collection.records;
  // Records travel as JSON in the app: a copy, never the test's own objects.
  const copy = (record: LoadedRecord) => structuredClone(record);
  const byId = (id: string) => records.find((record) => record.id === id);
  switch (channel) {
    case 'collections.summary': {
      const { manifest } = collection;
      const summary = {
        id: collectionId,
        title: manifest.title,
        description: manifest.description ?? '',
        version: manifest.version ?? '',
        languages: manifest.languages ?? [],
        recordCount: records.length,
        synthetic: manifest.synthetic === true,
        revision: 'test',
      };
      return {
        ok: true,
        value: collectionDetails({ ...collection, texts: collection.texts ?? [] }, summary),
      };
    }
    case 'collections.getRecord': {
      const record = byId(request.recordId);
      if (!record) {
        return {
          ok: false,
          error: {
            code: 'record-not-found',
            message: `Collection "${collectionId}" has no record with id "${request.recordId}"`,
          },
        };
      }
      const neighbours = recordNeighbours(record, recordLookups(collection));
      return { ok: true, value: { record: copy(record), ...neighbours, revision: 'test' } };
    }
    case 'collections.getRecords': {
      const found = request.recordIds.map(byId);
      return {
        ok: true,
        value: {
          records: found.filter((r): r is LoadedRecord => r !== undefined).map(copy),
          missing: request.recordIds.filter((_, i) => found[i] === undefined),
          revision: 'test',
        },
      };
    }
    case 'collections.page': {
      const order = request.sort ? [...sortOrder(records, request.sort)] : records.map((_, i) => i);
      const page = order.slice(request.offset, request.offset + request.limit);
      return {
        ok: true,
        value: {
          records: page.map((i) => copy(records[i] as LoadedRecord)),
          offset: request.offset,
          total: records.length,
          revision: 'test',
        },
      };
    }
    default:
      return undefined;
  }
}

const RECORD_CHANNELS = new Set([
  'collections.summary',
  'collections.getRecord',
  'collections.getRecords',
  'collections.page',
]);

/** `invoke`, answering the record channels from its `collections.get` answers. */
export function withRecordChannels(invoke: Invoke): Invoke {
  return (async (channel: string, request: unknown) => {
    if (!RECORD_CHANNELS.has(channel))
      return (invoke as (c: string, r: unknown) => Promise<unknown>)(channel, request);
    const req = request as RecordRequest;
    const whole = (await invoke('collections.get', { collectionId: req.collectionId })) as Answer;
    if (!whole.ok) return whole;
    return answer(channel, whole.value as LoadedCollection, req);
  }) as Invoke;
}
