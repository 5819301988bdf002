import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundledCollectionStore } from '../../../src/main/collection/collection-store';
import * as collectionLoader from '../../../src/main/collection/load-collection';
import {
  IMPORT_META_FILE,
  createCompositeCollectionStore,
  createImportStore,
} from '../../../src/main/import/import-store';
import { HandlerError } from '../../../src/main/ipc/dispatch';

const BUNDLED_ID = 'lt-deportations-1940-1953';
const bundledRoot = join(import.meta.dirname, '../../../resources/collections');

const manifest = (id = 'test-registry', title = 'Test registry') => ({
  formatVersion: 1,
  id,
  title,
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
});
const person = (id: string, title = `Person ${id}`, extra: object = {}) => ({
  id,
  kind: 'person',
  title,
  labels: {},
  summary: 'Synthetic test record.',
  ...extra,
});

let dataDirectory: string;
const reserved = async (id: string) => id === BUNDLED_ID;
const newStore = () =>
  createImportStore({ dataDirectory, isReservedId: reserved, now: () => new Date('2026-01-02T03:04:05Z') });

/** Every file under the data folder with its content: "unchanged" means byte for byte. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const name of (await readdir(d)).sort()) {
      const full = join(d, name);
      if ((await stat(full)).isDirectory()) await walk(full);
      else out[full.slice(dir.length)] = await readFile(full, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

async function importRecords(store: ReturnType<typeof newStore>, records: unknown[][], id = 'test-registry') {
  const { sessionId } = await store.begin({ manifest: manifest(id), files: [], source: 'test.csv' });
  for (const batch of records) await store.append(sessionId, batch);
  return store.commit(sessionId);
}

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-imports-'));
  // Something else lives in the data folder too; an import must never touch it.
  await mkdir(join(dataDirectory, 'backups'));
  await writeFile(join(dataDirectory, 'backups', 'notes-2026.json'), '{"notes":["keep me"]}');
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('import store', () => {
  it('stores batches under collections/<id>, lists the collection and serves it', async () => {
    const store = newStore();
    const summary = await importRecords(store, [[person('p-1'), person('p-2')], [person('p-3')]]);
    expect(summary).toMatchObject({
      id: 'test-registry',
      recordCount: 3,
      source: 'test.csv',
      importedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(await readdir(join(dataDirectory, 'collections', 'test-registry', 'records'))).toEqual([
      'part-00001.json',
      'part-00002.json',
    ]);
    expect(await store.list()).toEqual([summary]);
    // A fresh store (the next app start) reads it from disk.
    const loaded = await newStore().collections.get('test-registry');
    expect(loaded?.records.map((r) => r.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
  });

  it('serves bundled and imported collections together, and refuses a bundled id', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1')]]);
    const composite = createCompositeCollectionStore(
      createBundledCollectionStore(bundledRoot, collectionLoader),
      store.collections,
    );
    expect((await composite.list()).map((c) => c.id)).toEqual([BUNDLED_ID, 'test-registry']);
    const [, imported] = await composite.list();
    expect(imported?.revision).toBe((await store.list())[0]?.revision);
    expect(imported).not.toHaveProperty('importedAt');
    expect((await composite.get('test-registry'))?.records).toHaveLength(1);
    expect((await composite.get(BUNDLED_ID))?.manifest.id).toBe(BUNDLED_ID);
    await expect(
      store.begin({ manifest: manifest(BUNDLED_ID), files: [], source: 'x.csv' }),
    ).rejects.toMatchObject({
      code: 'import-id-taken',
    });
  });

  it('replaces a re-imported collection atomically, keeping record ids', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1', 'Ona'), person('p-2', 'Jonas')]]);
    const summary = await importRecords(store, [
      [person('p-2', 'Jonas Petraitis'), person('p-1', 'Ona'), person('p-3')],
    ]);
    expect(summary.recordCount).toBe(3);
    const loaded = await newStore().collections.get('test-registry');
    expect(loaded?.records.map((r) => [r.id, r.title])).toEqual([
      ['p-2', 'Jonas Petraitis'],
      ['p-1', 'Ona'],
      ['p-3', 'Person p-3'],
    ]);
    expect(await readdir(join(dataDirectory, 'collections'))).toEqual(['test-registry']);
  });

  it('leaves the data folder unchanged when a batch is invalid mid-way', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1')]]);
    const before = await snapshot(dataDirectory);
    const { sessionId } = await store.begin({ manifest: manifest(), files: [], source: 'bad.csv' });
    await store.append(sessionId, [person('p-1', 'Changed')]);
    await expect(store.append(sessionId, [person('p-2'), { id: 'p-3', kind: 'person' }])).rejects.toThrow(
      /^Record 3: title: /,
    );
    await store.abort(sessionId);
    expect(await snapshot(dataDirectory)).toEqual(before);
  });

  it('refuses at commit a package that fails validation (duplicate ids, broken links), changing nothing', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1')]]);
    const before = await snapshot(dataDirectory);
    for (const records of [
      [person('p-1'), person('p-1')],
      [person('p-1', 'Ona', { relations: [{ type: 'origin', target: 'place-nowhere' }] })],
    ]) {
      const { sessionId } = await store.begin({ manifest: manifest(), files: [], source: 'bad.json' });
      await store.append(sessionId, records);
      const error = await store.commit(sessionId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HandlerError);
      expect((error as HandlerError).code).toBe('import-invalid');
      expect((error as HandlerError).message).toMatch(/^Collection "test-registry" is invalid/);
      expect((error as HandlerError).details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ text: expect.stringMatching(/^records\/part-00001\.json/) }),
        ]),
      );
      expect(await snapshot(dataDirectory)).toEqual(before);
    }
  });

  it('refuses an invalid manifest and unsafe package file paths before writing anything', async () => {
    const store = newStore();
    await expect(
      store.begin({ manifest: { ...manifest(), id: 'Not Kebab' }, files: [], source: 'x' }),
    ).rejects.toThrow(/The collection details are invalid: id: must be kebab-case/);
    for (const path of ['../escape.json', 'records/sneaky.json', 'manifest.json']) {
      await expect(
        store.begin({ manifest: manifest(), files: [{ path, text: '[]' }], source: 'x' }),
      ).rejects.toMatchObject({
        code: 'import-invalid',
      });
    }
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
  });

  it('catches at commit a part file altered on disk after append checked it, changing nothing', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1')]]);
    const before = await snapshot(dataDirectory);
    const { sessionId } = await store.begin({ manifest: manifest(), files: [], source: 'x.csv' });
    await store.append(sessionId, [person('p-1'), person('p-2')]);
    const part = join(dataDirectory, '.import-tmp', `session-${sessionId}`, 'records', 'part-00001.json');
    // Still valid JSON, same ids: only the record schema can tell (a title may not be empty).
    const records = JSON.parse(await readFile(part, 'utf8')) as { title: string }[];
    (records[1] as { title: string }).title = '';
    await writeFile(part, JSON.stringify(records));
    const error = await store.commit(sessionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandlerError);
    expect((error as HandlerError).code).toBe('import-invalid');
    expect((error as HandlerError).details).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^records\/part-00001\.json › record "p-2" › title: /),
      }),
    ]);
    expect(await snapshot(dataDirectory)).toEqual(before);
  });

  it('serves after commit exactly the collection a fresh full load reads from disk', async () => {
    const store = newStore();
    await importRecords(store, [
      [person('p-1', '  Ona  ', { date: '1941-06' }), person('p-2')],
      [person('p-3', 'Jonas', { date: '1948-05-22', relations: [{ type: 'related-to', target: 'p-1' }] })],
    ]);
    const committed = await store.collections.get('test-registry');
    const reread = await newStore().collections.get('test-registry');
    expect(committed).toBeDefined();
    expect(committed).toEqual(reread);
    expect(committed?.records.map((r) => [r.title, r.earliest, r.latest])).toEqual([
      ['Ona', '1941-06-01', '1941-06-30'],
      ['Person p-2', null, null],
      ['Jonas', '1948-05-22', '1948-05-22'],
    ]);
  });

  it('removes an imported collection, and only that', async () => {
    const store = newStore();
    await importRecords(store, [[person('p-1')]], 'first');
    await importRecords(store, [[person('p-1')]], 'second');
    expect(await store.remove('first')).toEqual({ removed: true });
    expect(await store.remove('first')).toEqual({ removed: false });
    expect((await store.list()).map((c) => c.id)).toEqual(['second']);
    expect(await store.collections.get('first')).toBeUndefined();
    expect(await readFile(join(dataDirectory, 'backups', 'notes-2026.json'), 'utf8')).toBe(
      '{"notes":["keep me"]}',
    );
  });

  it('after a crash, puts back a collection parked mid-replace and deletes unfinished imports', async () => {
    await importRecords(newStore(), [[person('p-1')]]);
    const tmp = join(dataDirectory, '.import-tmp');
    await rename(
      join(dataDirectory, 'collections', 'test-registry'),
      join(tmp, 'old-test-registry-6f1c2a3b-1111-4222-8333-944445555666'),
    );
    await mkdir(join(tmp, 'session-0a1b2c3d-1111-4222-8333-944445555666', 'records'), { recursive: true });
    const store = newStore();
    expect((await store.list()).map((c) => c.id)).toEqual(['test-registry']);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('refuses a fifth concurrent import, but reclaims sessions abandoned for ten minutes', async () => {
    let clock = Date.parse('2026-01-02T03:00:00Z');
    const store = createImportStore({ dataDirectory, isReservedId: reserved, now: () => new Date(clock) });
    const begin = () => store.begin({ manifest: manifest(), files: [], source: 'x.csv' });
    const first = await begin();
    for (let i = 0; i < 3; i++) await begin();
    await expect(begin()).rejects.toMatchObject({ code: 'import-busy' });
    clock += 11 * 60 * 1000;
    const fresh = await begin();
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([`session-${fresh.sessionId}`]);
    expect(() => store.append(first.sessionId, [person('p-1')])).toThrow(/No import in progress/);
  });

  it('stores at commit the revision of what it validated, and lists it without reading the records', async () => {
    const store = newStore();
    const first = await importRecords(store, [[person('p-1', 'Ona')]]);
    const dir = join(dataDirectory, 'collections', 'test-registry');
    const loaded = await collectionLoader.loadCollectionPackage(dir);
    expect(first.revision).toMatch(/^[0-9a-f]{16}$/);
    expect(loaded.ok && loaded.value.revision).toBe(first.revision);
    // Garbage in the records: list() must not notice, because it never reads them.
    await writeFile(join(dir, 'records', 'part-00001.json'), 'not json');
    expect(await newStore().list()).toEqual([first]);
    // Same id, same import time (the clock is fixed), same record count: only the content differs.
    const second = await importRecords(store, [[person('p-1', 'Jonas')]]);
    expect(second.revision).not.toBe(first.revision);
    expect(await newStore().list()).toEqual([second]);
  });

  it('still lists imports made before revisions were stored, with one derived from the import time', async () => {
    const store = newStore();
    const summary = await importRecords(store, [[person('p-1')]]);
    const metaPath = join(dataDirectory, 'collections', 'test-registry', IMPORT_META_FILE);
    const { revision: _stored, ...oldMeta } = JSON.parse(await readFile(metaPath, 'utf8')) as {
      revision: string;
    };
    await writeFile(metaPath, JSON.stringify(oldMeta));
    const [listed] = await newStore().list();
    expect(listed).toEqual({ ...summary, revision: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect((await newStore().list())[0]?.revision).toBe(listed?.revision);
    await writeFile(metaPath, JSON.stringify({ ...oldMeta, importedAt: '2026-02-03T04:05:06.000Z' }));
    expect((await newStore().list())[0]?.revision).not.toBe(listed?.revision);
  });

  it('rejects unknown sessions', async () => {
    const store = newStore();
    expect(() => store.append('00000000-0000-4000-8000-000000000000', [person('p-1')])).toThrow(
      /No import in progress/,
    );
    expect(await store.abort('00000000-0000-4000-8000-000000000000')).toEqual({ aborted: false });
  });
});
