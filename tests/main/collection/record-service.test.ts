import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import type { Manifest } from '@shared/collection/schema';
import type { CollectionResponses } from '@shared/ipc/channels/collections';
import {
  createBundledCollectionStore,
  type CollectionStore,
} from '../../../src/main/collection/collection-store';
import * as collectionLoader from '../../../src/main/collection/load-collection';
import { createRecordService } from '../../../src/main/collection/record-service';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';
import { testAppInfo, testHandlers } from '../../support/fake-handlers';

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-record-service-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

const bundledStore = createBundledCollectionStore(join(BUNDLED_COLLECTION, '..'), collectionLoader);
const handlers = testHandlers({
  appInfo: { ...testAppInfo, dataDirectory: tempRoot },
  collections: bundledStore,
});
const ID = 'lt-deportations-1940-1953';

/** A channel's answer, failing the test on an error. */
async function call<C extends keyof CollectionResponses>(
  channel: C,
  request: unknown,
): Promise<CollectionResponses[C]> {
  const result = await dispatch(handlers, channel, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CollectionResponses[C];
}

async function bundled(): Promise<LoadedCollection> {
  const collection = await bundledStore.get(ID);
  if (!collection) throw new Error('bundled collection missing');
  return collection;
}

describe('collections.getRecord', () => {
  it('answers one record of the bundled collection as collections.get holds it, with who refers to it', async () => {
    const collection = await bundled();
    for (const record of collection.records) {
      const answer = {
        value: await call('collections.getRecord', { collectionId: ID, recordId: record.id }),
      };
      expect(answer.value.record).toEqual(record);
      const referrers = collection.records
        .filter((other) => other.relations.some((relation) => relation.target === record.id))
        .map((other) => other.id);
      expect(answer.value.referrers).toEqual(referrers);
    }
  });

  it('refuses an unknown record or collection with a code naming both', async () => {
    expect(
      await dispatch(handlers, 'collections.getRecord', { collectionId: ID, recordId: 'no-such-record' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'record-not-found',
        message: `Collection "${ID}" has no record with id "no-such-record"`,
        details: { collectionId: ID, recordId: 'no-such-record' },
      },
    });
    expect(
      await dispatch(handlers, 'collections.getRecord', { collectionId: 'missing', recordId: 'x' }),
    ).toEqual({
      ok: false,
      error: { code: 'collection-not-found', message: 'No collection with id "missing"' },
    });
  });
});

describe('collections.getRecords and collections.page', () => {
  it('answers the records asked for in the order asked, listing the ids it does not hold', async () => {
    const collection = await bundled();
    const [a, b] = [collection.records[7] as LoadedRecord, collection.records[2] as LoadedRecord];
    const answer = await dispatch(handlers, 'collections.getRecords', {
      collectionId: ID,
      recordIds: [a.id, 'gone-record', b.id],
    });
    expect(answer).toMatchObject({ ok: true, value: { records: [a, b], missing: ['gone-record'] } });
  });

  it('refuses more than 500 ids or a page longer than 500 records', async () => {
    const recordIds = Array.from({ length: 501 }, (_, i) => `r-${i}`);
    expect(await dispatch(handlers, 'collections.getRecords', { collectionId: ID, recordIds })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-arguments' },
      },
    );
    expect(
      await dispatch(handlers, 'collections.page', { collectionId: ID, offset: 0, limit: 501 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('pages through every record in stored order, or sorted by title or date, with the total', async () => {
    const collection = await bundled();
    const seen: LoadedRecord[] = [];
    for (let offset = 0; offset < collection.records.length; offset += 40) {
      const page = { value: await call('collections.page', { collectionId: ID, offset, limit: 40 }) };
      expect(page.value.total).toBe(collection.records.length);
      seen.push(...page.value.records);
    }
    expect(seen).toEqual(collection.records);

    const byTitle = {
      value: await call('collections.page', {
        collectionId: ID,
        offset: 0,
        limit: 500,
        sort: 'title',
      }),
    };
    const titles = byTitle.value.records.map((r) => r.title);
    expect(titles).toEqual(
      [...titles].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare),
    );

    const byDate = {
      value: await call('collections.page', {
        collectionId: ID,
        offset: 0,
        limit: 500,
        sort: 'date',
      }),
    };
    const dated = byDate.value.records.map((r) => r.earliest).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());

    const past = await dispatch(handlers, 'collections.page', { collectionId: ID, offset: 10_000, limit: 5 });
    expect(past).toMatchObject({ ok: true, value: { records: [], total: collection.records.length } });
  });
});

describe('collections.summary', () => {
  it('gives metadata, counts and bibliography without a single record', async () => {
    const collection = await bundled();
    const answer = { value: await call('collections.summary', { collectionId: ID }) };
    expect(answer.value).not.toHaveProperty('records');
    expect(answer.value.manifest).toEqual(collection.manifest);
    expect(answer.value.bibliography).toEqual(collection.bibliography);
    expect(Object.values(answer.value.counts).reduce((a, b) => a + b, 0)).toBe(collection.records.length);
    expect(answer.value.summary.recordCount).toBe(collection.records.length);
  });
});

describe('family members and linked claims', () => {
  /** Invented people (test data, not history): two share a case file, one has none. */
  const person = (id: string, caseNumber?: string): LoadedRecord =>
    ({
      id,
      kind: 'person',
      title: id,
      labels: {},
      altNames: [],
      summary: '',
      relations: [],
      claims: [],
      citations: [],
      altDates: [],
      person: caseNumber ? { caseNumber } : {},
      otherFields: [{ header: 'Column X', value: 'x' }],
      earliest: null,
      latest: null,
    }) as unknown as LoadedRecord;
  const collection: LoadedCollection = {
    manifest: { id: 'test-people', title: 'Test people' } as Manifest,
    records: [
      person('p-1', 'A-1'),
      {
        ...person('p-2'),
        summary: 'See [a figure](claim:c-1), [another](claim:c-gone).',
        translations: { lt: { summary: 'Žr. [skaičių](claim:c-2).' } },
      } as LoadedRecord,
      { ...person('p-3', 'A-1'), claims: [{ id: 'c-1' }, { id: 'c-2' }] } as unknown as LoadedRecord,
    ],
    bibliography: [],
    texts: [],
    integrity: { findings: [] } as unknown as LoadedCollection['integrity'],
  };
  const store: CollectionStore = {
    list: async () => [
      {
        id: 'test-people',
        title: 'Test people',
        description: '',
        version: '1',
        languages: [],
        recordCount: 3,
        synthetic: true,
        revision: 'r1',
      },
    ],
    get: async (id) => (id === 'test-people' ? collection : undefined),
  };

  it('lists the other people of the same case file, and the fields the collection uses', async () => {
    const service = createRecordService(store, join(tempRoot, 'family'));
    expect((await service.getRecord('test-people', 'p-1')).family).toEqual(['p-3']);
    expect((await service.getRecord('test-people', 'p-2')).family).toEqual([]);
    const details = await service.summary('test-people');
    expect(details.counts).toEqual({ person: 3 });
    expect(details.personFields).toEqual(['caseNumber']);
    expect(details.otherFields).toEqual(['Column X']);
  });

  it("names the record holding each claim a record's summaries link to, leaving out claims that are gone", async () => {
    const service = createRecordService(store, join(tempRoot, 'claims'));
    expect((await service.getRecord('test-people', 'p-2')).claimHolders).toEqual({
      'c-1': 'p-3',
      'c-2': 'p-3',
    });
  });
});
