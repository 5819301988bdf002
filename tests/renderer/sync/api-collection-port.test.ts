/**
 * Datasets through the real import path: main's import store in a temporary folder behind the real
 * handlers and dispatch, reached with the renderer's API object, as the app reaches it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { createImportHandlers } from '../../../src/main/import/handlers';
import { createImportStore } from '../../../src/main/import/import-store';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { apiCollectionPort } from '../../../src/renderer/src/sync/api-collection-port';
import { receiveDatasets, shareDataset } from '../../../src/renderer/src/sync/datasets';
import { testHandlers } from '../../support/fake-handlers';
import { memoryReplica } from './fixtures';

/** Invented people (test data, not history). */
const manifest = {
  formatVersion: 1,
  id: 'test-family',
  title: 'Test family',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
};
const person = (id: string, extra: object = {}) => ({
  id,
  kind: 'person',
  title: `Person ${id}`,
  labels: {},
  summary: 'Synthetic test record.',
  ...extra,
});

const folders: string[] = [];
async function machineApi() {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-datasets-'));
  folders.push(dataDirectory);
  const store = createImportStore({ dataDirectory, isReservedId: async () => false });
  const handlers = {
    ...testHandlers({ collections: store.collections }),
    ...createImportHandlers(store),
  };
  const invoke = ((channel, request) => dispatch(handlers, channel, request)) as Invoke;
  return { api: createApi(invoke), dataDirectory, store };
}

beforeEach(() => void (folders.length = 0));
afterEach(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('datasets through the import path', () => {
  it('shares an imported collection and imports it on the other machine record for record', async () => {
    const a = await machineApi();
    const b = await machineApi();
    const begun = await a.store.begin({ manifest, files: [], source: 'family.csv' });
    await a.store.append(begun.sessionId, [person('p-1'), person('p-2', { date: '1949-03-25' })]);
    await a.store.commit(begun.sessionId);
    const [replicaA, replicaB] = [memoryReplica('a'), memoryReplica('b')];
    await shareDataset(replicaA, apiCollectionPort(a.api), 'test-family', 'Ona', new Date());
    await PouchDB.replicate(replicaA, replicaB);
    const received = await receiveDatasets(replicaB, apiCollectionPort(b.api));
    expect(received.refused).toEqual([]);
    expect(received.imported).toEqual([{ collectionId: 'test-family', title: 'Test family', records: 2 }]);
    const onA = await apiCollectionPort(a.api).read('test-family');
    const onB = await apiCollectionPort(b.api).read('test-family');
    expect(onB).toEqual(onA);
    expect((await b.api.call('imports.list', {})).ok).toBe(true);
  });

  it('refuses a package main refuses, naming the collection and why, and writes no collection', async () => {
    const a = await machineApi();
    const b = await machineApi();
    const replica = memoryReplica('a');
    // A port that reads an invalid collection (a duplicate id), as a tampered but re-hashed package would.
    const port = apiCollectionPort(a.api);
    await shareDataset(
      replica,
      {
        ...port,
        imported: async () => [],
        read: async () => ({ manifest, files: [], records: [person('p-1'), person('p-1')] }),
      },
      'test-family',
      'Ona',
      new Date(),
    );
    const received = await receiveDatasets(replica, apiCollectionPort(b.api));
    expect(received.imported).toEqual([]);
    expect(received.refused[0]).toMatchObject({ collectionId: 'test-family', title: 'Test family' });
    expect(received.refused[0]?.reason).toMatch(/duplicate id "p-1"/);
    expect((await readdir(join(b.dataDirectory, 'collections')).catch(() => [])).length).toBe(0);
  });
});
