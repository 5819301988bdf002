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
import { browseOptions } from '@shared/collection/browse-options';
import { filterRecords, sortRecords } from '@shared/collection/record-filters';
import type { BrowseQuery, RecordSort } from '@shared/ipc/channels/collections';
import type { Invoke } from '@shared/ipc/contract';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface RecordRequest {
  collectionId: string;
  recordId: string;
  recordIds: string[];
  offset: number;
  limit: number;
  sort?: RecordSort;
  browse?: BrowseQuery;
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
    case 'collections.browseOptions':
      return { ok: true, value: structuredClone(browseOptions(records)) };
    case 'collections.page': {
      if (request.browse) {
        // The Browse table's listing, by the same shared rules main's record service applies.
        const { key, direction, locale, filter } = request.browse;
        const listed = sortRecords(
          filterRecords(records, filter),
          { key, direction },
          new Intl.Collator(locale),
        );
        return {
          ok: true,
          value: {
            records: listed.slice(request.offset, request.offset + request.limit).map(copy),
            offset: request.offset,
            total: listed.length,
            revision: 'test',
          },
        };
      }
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
  'collections.browseOptions',
]);

/**
 * `invoke`, answering the record channels from its `collections.get` answers. Like main, which loads a
 * collection once per revision, the whole answer is read once per collection revision that
 * `collections.list` names (a fake whose list names no revision is read at every request), so a test
 * counting `collections.get` calls counts the collections read, not the requests of one view.
 */
export function withRecordChannels(invoke: Invoke): Invoke {
  const call = invoke as (c: string, r: unknown) => Promise<unknown>;
  const read = new Map<string, Promise<Answer>>();
  async function whole(collectionId: string): Promise<Answer> {
    const list = (await call('collections.list', {})) as Answer;
    const listed =
      list.ok && Array.isArray(list.value) ? (list.value as { id: string; revision?: string }[]) : [];
    const revision = listed.find((summary) => summary.id === collectionId)?.revision;
    const load = () => call('collections.get', { collectionId }) as Promise<Answer>;
    if (!revision) return load();
    const key = `${collectionId}\u0000${revision}`;
    let pending = read.get(key);
    if (!pending) {
      read.set(key, (pending = load()));
      void pending.then((answer) => {
        if (!answer.ok) read.delete(key);
      });
    }
    return pending;
  }
  return (async (channel: string, request: unknown) => {
    if (!RECORD_CHANNELS.has(channel)) return call(channel, request);
    const req = request as RecordRequest;
    const loaded = await whole(req.collectionId);
    if (!loaded.ok) return loaded;
    return answer(channel, loaded.value as LoadedCollection, req);
  }) as Invoke;
}
