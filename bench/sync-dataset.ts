/**
 * The collection phase of `npm run bench:sync`: the synthetic registry shared as a dataset by machine
 * A, replicated to B (PouchDB to PouchDB, memory adapter) and imported there by a real import store in
 * a temporary folder (the store directly, without the IPC dispatch in front of it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-browser';
import type { LoadedRecord } from '../src/shared/collection/model';
import { MAX_RECORDS_PER_BATCH } from '../src/shared/ipc/channels/imports';
import type { DatasetContent } from '../src/shared/sync/dataset';
import type { SyncContent } from '../src/shared/sync/docs';
import { createImportStore } from '../src/main/import/import-store';
import { receiveDatasets, shareDataset, type CollectionPort } from '../src/renderer/src/sync/datasets';
import type { ReplicaDb } from '../src/renderer/src/sync/replica';
import { generateSyntheticRegistry } from './synthetic-registry';

const ms = (started: number) => Math.round(performance.now() - started);

export async function collectionPhase(persons: number) {
  const generated = generateSyntheticRegistry({ persons });
  const content: DatasetContent = {
    manifest: { ...generated.manifest, id: 'bench-registry' } as unknown as DatasetContent['manifest'],
    files: [{ path: 'bibliography.json', text: JSON.stringify(generated.bibliography) }],
    records: generated.records.map(({ earliest: _e, latest: _l, ...record }: LoadedRecord) => record),
  };
  const dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-bench-sync-'));
  const store = createImportStore({ dataDirectory, isReservedId: async () => false });
  let revision = '';
  const sender: CollectionPort = {
    imported: async () => [{ id: 'bench-registry', title: content.manifest.title, revision: 'sender' }],
    read: async () => content,
    importPackage: () => Promise.reject(new Error('the sender imports nothing')),
  };
  const receiver: CollectionPort = {
    imported: async () =>
      (await store.list()).map(({ id, title, revision: r }) => ({ id, title, revision: r })),
    read: () => Promise.reject(new Error('the receiver shares nothing')),
    async importPackage(received, source) {
      const { sessionId } = await store.begin({ manifest: received.manifest, files: received.files, source });
      for (let start = 0; start < received.records.length; start += MAX_RECORDS_PER_BATCH)
        await store.append(sessionId, received.records.slice(start, start + MAX_RECORDS_PER_BATCH));
      const committed = await store.commit(sessionId);
      revision = committed.revision;
      return { revision };
    },
  };
  const a = new PouchDB<SyncContent>('bench-dataset-A', { adapter: 'memory' }) as ReplicaDb;
  const b = new PouchDB<SyncContent>('bench-dataset-B', { adapter: 'memory' }) as ReplicaDb;
  try {
    let started = performance.now();
    const shared = await shareDataset(a, sender, 'bench-registry', 'A', new Date());
    const shareMs = ms(started);
    started = performance.now();
    let bytes = 0;
    const run = PouchDB.replicate(a, b);
    run.on('change', (info) => {
      for (const doc of info.docs) {
        const { _attachments: attachments, ...body } = doc as {
          _attachments?: Record<string, { data?: string | Uint8Array | Blob }>;
        };
        // The body as JSON, and each attachment's own bytes (base64 text counts the bytes it decodes to).
        bytes += JSON.stringify(body).length;
        for (const { data } of Object.values(attachments ?? {}))
          bytes +=
            typeof data === 'string'
              ? Math.floor((data.replace(/=+$/, '').length * 3) / 4)
              : data instanceof Uint8Array
                ? data.byteLength
                : (data?.size ?? 0);
      }
    });
    await run;
    const replicateMs = ms(started);
    started = performance.now();
    const received = await receiveDatasets(b, receiver);
    const receiveMs = ms(started);
    if (received.imported[0]?.records !== content.records.length)
      throw new Error(`B did not import the collection: ${JSON.stringify(received)}`);
    const listed = (await store.list()).find((c) => c.id === 'bench-registry');
    return {
      phase: `initial (collection, ${persons} persons)`,
      records: content.records.length,
      shareMs,
      replicateMs,
      receiveMs,
      totalMs: shareMs + replicateMs + receiveMs,
      packageBytes: shared.bytes,
      parts: shared.parts,
      bytes,
      importedRecords: listed?.recordCount,
    };
  } finally {
    await rm(dataDirectory, { recursive: true, force: true });
  }
}
