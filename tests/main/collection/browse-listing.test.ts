import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import {
  EMPTY_FILTER,
  filterRecords,
  sortRecords,
  type RecordFilter,
} from '@shared/collection/record-filters';
import { tableColumns } from '@shared/collection/table-columns';
import { hasMapPoints } from '@shared/collection/map-model';
import { compositions } from '@shared/collection/chart-model';
import type { BrowseQuery, CollectionResponses } from '@shared/ipc/channels/collections';
import { createBundledCollectionStore } from '../../../src/main/collection/collection-store';
import * as collectionLoader from '../../../src/main/collection/load-collection';
import { createListing } from '../../../src/main/collection/browse-listing';
import { createRecordService } from '../../../src/main/collection/record-service';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';
import { testAppInfo, testHandlers } from '../../support/fake-handlers';

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-browse-listing-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

const bundledStore = createBundledCollectionStore(join(BUNDLED_COLLECTION, '..'), collectionLoader);
const handlers = testHandlers({
  appInfo: { ...testAppInfo, dataDirectory: tempRoot },
  collections: bundledStore,
});
const ID = 'lt-deportations-1940-1953';

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

/** Every page of a browse listing, joined: what the table shows row by row as it scrolls. */
async function allPages(
  query: BrowseQuery,
  limit: number,
): Promise<{ records: LoadedRecord[]; total: number }> {
  const records: LoadedRecord[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += limit) {
    const page = await call('collections.page', { collectionId: ID, offset, limit, browse: query });
    total = page.total;
    expect(page.offset).toBe(offset);
    records.push(...page.records);
  }
  return { records, total };
}

describe('collections.page with a browse query: the Browse table listed in main', () => {
  const queries: {
    name: string;
    filter: RecordFilter;
    key: BrowseQuery['key'];
    direction: BrowseQuery['direction'];
    locale: string;
  }[] = [
    { name: 'everything by date', filter: EMPTY_FILTER, key: 'date', direction: 'ascending', locale: 'en' },
    {
      name: 'by title, descending, in Lithuanian',
      filter: EMPTY_FILTER,
      key: 'title',
      direction: 'descending',
      locale: 'lt',
    },
    { name: 'by kind', filter: EMPTY_FILTER, key: 'kind', direction: 'ascending', locale: 'en' },
    {
      name: 'events of 1941–1945',
      filter: { ...EMPTY_FILTER, kind: 'event', fromYear: 1941, toYear: 1945 },
      key: 'date',
      direction: 'ascending',
      locale: 'en',
    },
    {
      name: 'text and unverified only',
      filter: { ...EMPTY_FILTER, text: 'a', unverifiedOnly: true },
      key: 'title',
      direction: 'ascending',
      locale: 'en',
    },
  ];

  it.each(queries)('lists the same rows in the same order as the renderer would: $name', async (q) => {
    const collection = await bundled();
    const collator = new Intl.Collator(q.locale);
    const expected = sortRecords(
      filterRecords(collection.records, q.filter),
      { key: q.key, direction: q.direction },
      collator,
    );
    const { records, total } = await allPages(
      { key: q.key, direction: q.direction, locale: q.locale, filter: q.filter },
      7,
    );
    expect(total).toBe(expected.length);
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('filters by place: the place itself and the records related to it', async () => {
    const collection = await bundled();
    const place = collection.records.find(
      (r) =>
        r.kind === 'place' && collection.records.some((o) => o.relations.some((rel) => rel.target === r.id)),
    );
    expect(place).toBeDefined();
    const filter = { ...EMPTY_FILTER, placeId: place?.id ?? '' };
    const expected = sortRecords(
      filterRecords(collection.records, filter),
      { key: 'date', direction: 'ascending' },
      new Intl.Collator('en'),
    );
    const { records } = await allPages({ key: 'date', direction: 'ascending', locale: 'en', filter }, 500);
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(records.length).toBeGreaterThan(1);
  });

  it('refuses a malformed locale, both a sort and a browse query, and an unknown collection', async () => {
    const browse = { key: 'title', direction: 'ascending', locale: 'en', filter: EMPTY_FILTER };
    for (const request of [
      { collectionId: ID, offset: 0, limit: 5, browse: { ...browse, locale: 'en"; drop' } },
      { collectionId: ID, offset: 0, limit: 5, sort: 'title', browse },
      {
        collectionId: ID,
        offset: 0,
        limit: 5,
        browse: { ...browse, filter: { ...EMPTY_FILTER, kind: 'planet' } },
      },
    ]) {
      expect(await dispatch(handlers, 'collections.page', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(
      await dispatch(handlers, 'collections.page', { collectionId: 'missing', offset: 0, limit: 5, browse }),
    ).toMatchObject({
      ok: false,
      error: { code: 'collection-not-found' },
    });
  });
});

describe('collections.browseOptions', () => {
  it('gives what the filter fields and tabs offer, as worked out over the whole collection', async () => {
    const collection = await bundled();
    const options = await call('collections.browseOptions', { collectionId: ID });
    expect(options.columns).toEqual(tableColumns(collection.records));
    expect(options.places.map((r) => r.id)).toEqual(
      collection.records.filter((r) => r.kind === 'place').map((r) => r.id),
    );
    expect(new Set(options.kinds)).toEqual(new Set(collection.records.map((r) => r.kind)));
    expect(options.tabs).toEqual({
      map: hasMapPoints(collection.records),
      charts: compositions(collection.records).length > 0,
    });
    expect(options.years?.from).toBeLessThanOrEqual(1940);
    expect(options.years?.to).toBeGreaterThanOrEqual(1953);
  });
});

describe('createListing', () => {
  it('answers a repeated query from memory, and lists anew when the records changed', () => {
    const listing = createListing(2);
    const records = [
      { id: 'b', title: 'B' },
      { id: 'a', title: 'A' },
    ].map(
      (r) =>
        ({
          ...r,
          kind: 'event',
          labels: {},
          altNames: [],
          relations: [],
          claims: [],
          earliest: null,
          latest: null,
        }) as unknown as LoadedRecord,
    );
    const query: BrowseQuery = { key: 'title', direction: 'ascending', locale: 'en', filter: EMPTY_FILTER };
    const first = listing.list(records, query);
    expect(first.map((r) => r.id)).toEqual(['a', 'b']);
    expect(listing.list(records, query)).toBe(first);
    const changed = [...records];
    expect(listing.list(changed, query)).not.toBe(first);
  });
});

describe('warm: the record index built ahead of the first request', () => {
  it('writes the index of a collection in the background, and never rejects', async () => {
    const folder = join(tempRoot, 'warm');
    const service = createRecordService(bundledStore, folder);
    await service.warm(ID);
    const files = readdirSync(join(folder, ID));
    expect(files.some((name) => name.endsWith('.index.json'))).toBe(true);
    expect(files.some((name) => name.endsWith('.records.jsonl'))).toBe(true);
    await expect(service.warm('no-such-collection')).resolves.toBeUndefined();
    expect(existsSync(join(folder, 'no-such-collection'))).toBe(false);
  });

  it('collections.get starts it: the index is on disk without a record ever being asked for', async () => {
    const dataDirectory = join(tempRoot, 'get');
    const viaGet = testHandlers({ appInfo: { ...testAppInfo, dataDirectory }, collections: bundledStore });
    expect((await dispatch(viaGet, 'collections.get', { collectionId: ID })).ok).toBe(true);
    const folder = join(dataDirectory, 'record-index', ID);
    await expect
      .poll(() => existsSync(folder) && readdirSync(folder).some((n) => n.endsWith('.index.json')))
      .toBe(true);
  });
});

describe('the Browse listing does not wait for the record index', () => {
  it('answers the summary, the options and a page while the index is still being written', async () => {
    let release: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (release = resolve));
    const service = createRecordService(bundledStore, join(tempRoot, 'slow'), async (...args) => {
      await writing;
      const { openRecordIndex } = await import('../../../src/main/collection/record-index');
      return openRecordIndex(...args);
    });
    const browse: BrowseQuery = { key: 'title', direction: 'ascending', locale: 'en', filter: EMPTY_FILTER };
    const page = await service.page(ID, { offset: 0, limit: 5, browse });
    expect(page.records).toHaveLength(5);
    expect((await service.summary(ID)).summary.id).toBe(ID);
    expect((await service.browseOptions(ID)).columns.length).toBeGreaterThan(0);
    let read = false;
    const record = service.getRecord(ID, page.records[0]?.id ?? '').then((answer) => {
      read = true;
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(false);
    release();
    expect((await record).record.id).toBe(page.records[0]?.id);
  });
});
